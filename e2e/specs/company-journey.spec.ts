import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { ApplicationsPage } from '../pages/applications-page'
import { FeeSlipsPage } from '../pages/fee-slips-page'
import { LoginPage } from '../pages/login-page'
import { PortalApplicationsPage } from '../pages/portal-applications-page'
import { PortalLoginPage } from '../pages/portal-login-page'
import { PortalRegisterPage, type CompanyData } from '../pages/portal-register-page'
import { RegistrationsPage } from '../pages/registrations-page'
import { PORTAL_PASSWORD } from '../portal-fixtures'

// 52111891 (Keelung): this spec runs before the others that use it, so it registers the account in the browser.
const company: CompanyData = {
  ubn: '52111891', email: 'it@keelung-broker.example', contactName: '陳小明', phone: '02-24201234', address: '基隆市中正區中正路 123 號 5 樓',
  password: PORTAL_PASSWORD, companyName: '基隆港通報關股份有限公司', representative: '許文雄', companyPhone: '02-24201234', companyAddress: '基隆市中正區中正路 123 號 5 樓',
}
const form = { contactName: '陳小明', contactPhone: '02-24201234', contactMobile: '0912345678', contactEmail: 'it@keelung-broker.example', officeCode: 'AA', businessType: 'customs-broker', boxNo: 'K01' }

test('a company registers with its card, applies online, is approved and paid, makes its key, and registers the .cer', async ({ page, browser }) => {
  test.setTimeout(150_000)
  // 1. registration with the company card (seed 001's five steps), then card sign-in
  const register = new PortalRegisterPage(page)
  await register.open()
  await register.chooseCategory('company', 'customs-broker')
  await register.loadCard('company-52111891')
  await expect(register.checked()).toContainText('52111891')
  await register.next()
  await register.fillCompanyBasic(company)
  await expect(register.input('account-id')).toHaveValue('52111891')
  await register.next()
  await register.fillCompanyData(company)
  await register.next()
  await expect(page.getByTestId('reg-done')).toContainText('恭喜您已完成註冊程序。')
  await page.getByTestId('reg-done-sign-in').click()
  await new PortalLoginPage(page).signInWithCard('company-52111891')
  await expect(new PortalLoginPage(page).signedInUser()).toContainText('基隆港通報關')

  // 2. the online DC02, signed with the same card
  const portal = new PortalApplicationsPage(page)
  await portal.openList()
  await portal.fillOnlineForm(form)
  const id = await portal.signAndSubmit('company-52111891')
  await expect(portal.status()).toContainText('00')

  // 3. the supervisor approves in the console; the clerk records the payment
  const consolePage = await (await browser.newContext()).newPage()
  await new LoginPage(consolePage).open()
  await new LoginPage(consolePage).signInAs('supervisor.keelung', DEMO_PASSWORD)
  const review = new ApplicationsPage(consolePage)
  await review.open(id)
  await review.approve()
  await expect(review.status()).toContainText('10')
  await consolePage.getByTestId('logout').click()
  await new LoginPage(consolePage).open()
  await new LoginPage(consolePage).signInAs('clerk.keelung', DEMO_PASSWORD)
  const slip = (await (await consolePage.request.get(`/api/applications/${id}`)).json()).feeSlip as { slipNo: string; issuedOn: string }
  await new FeeSlipsPage(consolePage).recordPayment({ slipNo: slip.slipNo, paidOn: slip.issuedOn, channel: 'counter' })
  await expect(new FeeSlipsPage(consolePage).payments()).toContainText(slip.slipNo)

  // 4. the key is made in the browser; the .cer is downloaded
  await portal.open(id)
  await expect(portal.status()).toContainText('20')
  await portal.generateKey('company-52111891')
  const cer = await portal.downloadCer()
  const cerFile = path.join(mkdtempSync(path.join(tmpdir(), 'certdesk-journey-')), cer.suggestedFilename())
  await cer.saveAs(cerFile)
  await portal.downloadPfx('Journey2026')
  await expect(page.getByTestId('key-done')).toBeVisible()

  // 5. 通關憑證註冊 with that .cer, then 通關憑證查詢 shows it
  const registrations = new RegistrationsPage(page)
  await registrations.openNew()
  await registrations.uploadCer('customs-broker', cerFile)
  await expect(registrations.success()).toContainText('主憑證匯入成功')
  await registrations.search('52111891')
  await expect(registrations.signingRows()).toHaveCount(1)
  await expect(registrations.signingRows().first()).toContainText('52111891')
})
