import { execFileSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { APIRequestContext, PlaywrightWorkerArgs } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { waitForMail } from '../mail'
import { ApplicationsPage } from '../pages/applications-page'
import { FeeSlipsPage } from '../pages/fee-slips-page'
import { LoginPage } from '../pages/login-page'
import { PortalApplicationsPage, signInCompany } from '../pages/portal-applications-page'

// A corporate certificate: the personal ones of 52111891's brokers are open in other specs' applications.
const form = {
  ubn: '52111891', companyName: '基隆港通報關股份有限公司', contactName: '金鑰測試', contactPhone: '02-24201234', contactMobile: '0912345678',
  contactEmail: 'keys@keelung-broker.example', service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'corporate', boxNo: 'K01', privacyConsent: true,
}
const PFX_PASSWORD = 'Keys2026ok'

/** A clerk keying a paper form through the API: seeding, not the flow under test. */
async function keyPaperApplication(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string): Promise<{ id: number; applicationNo: string }> {
  const clerk: APIRequestContext = await playwright.request.newContext({ baseURL })
  const csrf = (await (await clerk.post('/api/auth/login', { data: { username: 'clerk.keelung', password: DEMO_PASSWORD } })).json()).csrfToken as string
  const draft = await (await clerk.post('/api/applications', { headers: { 'x-csrf-token': csrf }, data: form })).json()
  const submitted = await clerk.post(`/api/applications/${draft.id}/submit`, { headers: { 'x-csrf-token': csrf }, data: { version: draft.version } })
  expect(submitted.status(), await submitted.text()).toBe(200)
  await clerk.dispose()
  return { id: draft.id, applicationNo: draft.applicationNo }
}

const openssl = (...args: string[]) => execFileSync('openssl', args).toString()

test('a paid application: the company generates the key in its browser, downloads the .cer and .pfx, and the A0 mail goes out over SMTP', async ({ page, browser, playwright, baseURL }) => {
  test.setTimeout(120_000)
  // 1. keyed by the clerk, approved by the supervisor in the console
  const { id, applicationNo } = await keyPaperApplication(playwright, baseURL!)
  const staff = await browser.newContext()
  const console_ = await staff.newPage()
  await new LoginPage(console_).open()
  await new LoginPage(console_).signInAs('supervisor.keelung', DEMO_PASSWORD)
  const review = new ApplicationsPage(console_)
  await review.open(String(id))
  await review.approve()
  await expect(review.status()).toContainText('10')

  // 2. the company prints its slip in the portal
  await signInCompany(page, '52111891')
  const portal = new PortalApplicationsPage(page)
  await portal.open(id)
  await expect(portal.status()).toContainText('10')
  const slipNo = (await page.getByTestId('portal-fee-slip-no').textContent())!.trim()
  expect(slipNo).toMatch(/^AAF\d{11}$/)
  await portal.printSlip()
  await expect(page.getByTestId('slip-part')).toHaveCount(3)
  await expect(page.getByTestId('slip-no').first()).toHaveText(slipNo)
  await expect(page.getByTestId('slip-amount').first()).toContainText('NT$2,000')

  // 3. the clerk records the payment in the console
  await console_.getByTestId('logout').click()
  await new LoginPage(console_).open()
  await new LoginPage(console_).signInAs('clerk.keelung', DEMO_PASSWORD)
  const issuedOn = (await (await console_.request.get(`/api/applications/${id}`)).json()).feeSlip.issuedOn as string
  const slips = new FeeSlipsPage(console_)
  await slips.recordPayment({ slipNo, paidOn: issuedOn, channel: 'counter' })
  await expect(slips.payments()).toContainText(slipNo)
  await staff.close()

  // 4. 產製憑證 in the browser, then the .cer and the password-protected .pfx
  await portal.open(id)
  await expect(portal.status()).toContainText('20')
  await expect(page.getByTestId('key-warning')).toContainText('同一臺電腦')
  await portal.generateKey('company-52111891')
  await expect(page.getByTestId('key-in-memory')).toBeVisible()
  await expect(portal.status()).toContainText('A0')
  // leaving with the key only in memory asks first; staying keeps it
  await page.getByTestId('portal-nav-home').click()
  await expect(page.getByRole('dialog')).toContainText('私密金鑰尚未下載')
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click()
  await expect(page).toHaveURL(new RegExp(`/portal/applications/${id}`))

  const dir = mkdtempSync(path.join(tmpdir(), 'certdesk-keys-'))
  const cer = await portal.downloadCer()
  expect(cer.suggestedFilename()).toMatch(/^[A-Za-z0-9]+\.cer$/)
  const pfx = await portal.downloadPfx(PFX_PASSWORD)
  expect(pfx.suggestedFilename()).toMatch(/^[A-Za-z0-9]+\.pfx$/)
  const cerFile = path.join(dir, cer.suggestedFilename())
  const pfxFile = path.join(dir, pfx.suggestedFilename())
  await cer.saveAs(cerFile)
  await pfx.saveAs(pfxFile)
  await expect(page.getByTestId('key-done')).toBeVisible()

  // the .pfx opens in OpenSSL with the password: the certificate names the company, and the key is its key
  const certs = openssl('pkcs12', '-in', pfxFile, '-passin', `pass:${PFX_PASSWORD}`, '-nokeys')
  expect(/subject=.*CN\s*=\s*([^,\n]+)/.exec(certs)?.[1]).toContain('52111891')
  expect(openssl('x509', '-inform', 'DER', '-in', cerFile, '-noout', '-subject')).toContain('52111891')
  const keyPem = openssl('pkcs12', '-in', pfxFile, '-passin', `pass:${PFX_PASSWORD}`, '-nocerts', '-nodes')
  const keyPub = execFileSync('openssl', ['pkey', '-pubout'], { input: keyPem }).toString()
  expect(keyPub).toBe(openssl('x509', '-inform', 'DER', '-in', cerFile, '-noout', '-pubkey'))

  // 5. the A0 mail reached the SMTP server, addressed to the contact
  const mail = await waitForMail(`[關港貿單一窗口]通關專屬憑證申請完成,可至平台下載憑證，申請序號:${applicationNo}`)
  expect(mail.headers.get('to')).toContain(form.contactEmail)
})
