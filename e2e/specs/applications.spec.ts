import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { ApplicationsPage, type PaperForm } from '../pages/applications-page'
import { LoginPage } from '../pages/login-page'

const scan = { name: '申請書掃描.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffffff7f0009fb03fdf5d8f19a0000000049454e44ae426082', 'hex') }
const form: PaperForm = {
  ubn: '52111891', contactName: '陳小姐', contactPhone: '0224201234', contactMobile: '0912345678', contactEmail: 'contact@keelung-broker.example',
  boxNo: 'k01', brokerCode: 'a00001', brokerNationalId: 'a115881394',
}

async function mailSubjectsFor(adminApi: { get(path: string): Promise<unknown> }, applicationNo: string): Promise<string[]> {
  const page = (await adminApi.get(`/api/mail?q=${applicationNo}`)) as { items: { subject: string }[] }
  return page.items.map((m) => m.subject)
}

test.describe('DC02 applications at the review desk', () => {
  test('a clerk keys a paper form with its scan; the supervisor sees every check pass and approves: 10, fee slip, mail', async ({ page, browser, loginPage, adminApi }) => {
    await loginPage.open()
    await loginPage.signInAs('clerk.keelung', DEMO_PASSWORD)
    const apps = new ApplicationsPage(page)
    const id = await apps.keyPaperForm(form, scan)
    await expect(apps.status()).toContainText('00')
    await expect(page.getByTestId('attachments')).toContainText('申請書掃描.png')
    await expect(page.getByTestId('approve')).toHaveCount(0)
    const applicationNo = (await page.request.get(`/api/applications/${id}`).then((r) => r.json())).applicationNo as string

    const ctx = await browser.newContext()
    const sup = await ctx.newPage()
    await sup.goto('/console/login')
    await new LoginPage(sup).signInAs('supervisor.keelung', DEMO_PASSWORD)
    await sup.goto('/console/applications')
    await expect(sup.getByTestId('applications-table')).toContainText(applicationNo)
    const review = new ApplicationsPage(sup)
    await review.open(id)
    for (const check of ['firmExists', 'licenceActive', 'brokerExists', 'brokerQualified', 'brokerIdMatches', 'brokerAppointed', 'noOpenDuplicate']) {
      await expect(review.check(check), check).toContainText(/✓|通過/)
    }
    await review.approve()
    await expect(review.status()).toContainText('10')
    await expect(sup.getByTestId('fee-slip')).toContainText(/2,?000/)
    expect(await mailSubjectsFor(adminApi, applicationNo)).toEqual([`[關港貿單一窗口]通關專屬憑證申請繳費通知，申請序號:${applicationNo}`])
    await ctx.close()
  })

  test('a broker not appointed to the firm fails the check; the supervisor rejects with a reason and the R0 mail goes out', async ({ page, browser, loginPage, adminApi }) => {
    await loginPage.open()
    await loginPage.signInAs('clerk.keelung', DEMO_PASSWORD)
    const id = await new ApplicationsPage(page).keyPaperForm({ ...form, brokerCode: 'A00003', brokerNationalId: 'F173091144' }, scan)
    const applicationNo = (await page.request.get(`/api/applications/${id}`).then((r) => r.json())).applicationNo as string

    const ctx = await browser.newContext()
    const sup = await ctx.newPage()
    await sup.goto('/console/login')
    await new LoginPage(sup).signInAs('supervisor.keelung', DEMO_PASSWORD)
    const review = new ApplicationsPage(sup)
    await review.open(id)
    await expect(review.check('brokerAppointed')).toContainText(/✗|未通過|不符/)
    await review.reject('broker-not-appointed', '請檢附委任資料')
    await expect(review.status()).toContainText('R0')
    expect(await mailSubjectsFor(adminApi, applicationNo)).toEqual([`[關港貿單一窗口]通關專屬憑證申請退件通知，申請序號:${applicationNo}`])
    await ctx.close()
  })

  test('the clerk who keyed an application sees no approve button, and the API refuses them too', async ({ page, loginPage }) => {
    await loginPage.open()
    await loginPage.signInAs('clerk.keelung', DEMO_PASSWORD)
    const id = await new ApplicationsPage(page).keyPaperForm({ ...form, contactName: '四眼原則' }, scan)
    await expect(page.getByTestId('approve')).toHaveCount(0)
    const csrf = (await page.request.get('/api/auth/me').then((r) => r.json())).csrfToken as string
    const version = (await page.request.get(`/api/applications/${id}`).then((r) => r.json())).version as number
    const res = await page.request.post(`/api/applications/${id}/decide`, { headers: { 'x-csrf-token': csrf }, data: { decision: 'approve', version } })
    expect(res.status()).toBe(403)
  })
})
