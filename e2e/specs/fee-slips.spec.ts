import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { ApplicationsPage, type PaperForm } from '../pages/applications-page'
import { FeeSlipsPage } from '../pages/fee-slips-page'
import { field } from '../pages/field'
import { LoginPage } from '../pages/login-page'

const scan = { name: '申請書掃描.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffffff7f0009fb03fdf5d8f19a0000000049454e44ae426082', 'hex') }
const form: PaperForm = {
  ubn: '52111891', contactName: '繳費測試', contactPhone: '0224201234', contactMobile: '0912345678', contactEmail: 'contact@keelung-broker.example',
  boxNo: 'k01', brokerCode: 'a00002', brokerNationalId: 'a298698799',
}

test.describe('fee slips and payments', () => {
  test('the clerk prints the approved application\'s fee slip, records the payment, and the application is 20', async ({ page, browser, loginPage, adminApi }) => {
    await loginPage.open()
    await loginPage.signInAs('clerk.keelung', DEMO_PASSWORD)
    const apps = new ApplicationsPage(page)
    const id = await apps.keyPaperForm(form, scan)
    await expect(apps.status()).toContainText('00')

    const ctx = await browser.newContext()
    const sup = await ctx.newPage()
    await sup.goto('/console/login')
    await new LoginPage(sup).signInAs('supervisor.keelung', DEMO_PASSWORD)
    const review = new ApplicationsPage(sup)
    await review.open(id)
    await review.approve()
    await expect(review.status()).toContainText('10')
    await ctx.close()

    await apps.open(id)
    await expect(apps.status()).toContainText('10')
    const app = (await page.request.get(`/api/applications/${id}`).then((r) => r.json())) as { applicationNo: string; feeSlip: { slipNo: string; issuedOn: string } }
    const slips = new FeeSlipsPage(page)
    await slips.openPrintFromApplication()
    await expect(slips.parts()).toHaveCount(3)
    await expect(slips.slipNo()).toHaveText(app.feeSlip.slipNo)
    await expect(slips.amount()).toContainText('NT$2,000')
    await expect(slips.due()).toHaveText(/^\d{3}\/\d{2}\/\d{2}$/)
    await expect(slips.barcode().locator('svg rect').first()).toBeAttached()
    expect(await slips.barcode().locator('svg title').textContent()).toBe(app.feeSlip.slipNo)

    // a typo in the check digit is caught on the field, before anything is sent
    const typo = app.feeSlip.slipNo.slice(0, 13) + ((Number(app.feeSlip.slipNo[13]) + 1) % 10)
    await slips.recordPayment({ slipNo: typo, paidOn: app.feeSlip.issuedOn, channel: 'counter' })
    await expect(page.getByTestId('payment-form')).toContainText('檢查碼')
    await field(page, 'payment-slipNo').fill(app.feeSlip.slipNo.toLowerCase())
    await expect(page.getByTestId('payment-paidOn-roc')).toContainText('民國')
    await field(page, 'payment-slipNo').press('Enter')
    await expect(slips.payments()).toContainText(app.feeSlip.slipNo)
    await expect(slips.payments()).toContainText(app.applicationNo)

    await apps.open(id)
    await expect(apps.status()).toContainText('20')
    await expect(page.getByTestId('fee-slip')).toContainText('已繳')
    const mail = (await adminApi.get(`/api/mail?q=${app.applicationNo}`)) as { items: { subject: string }[] }
    expect(mail.items.map((m) => m.subject)).toContain(`[關港貿單一窗口]通關專屬憑證完成繳費，請產製金鑰，申請序號:${app.applicationNo}`)
  })
})
