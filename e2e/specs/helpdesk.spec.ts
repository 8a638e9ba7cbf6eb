import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { waitForMail } from '../mail'
import { field } from '../pages/field'
import { HelpdeskPage } from '../pages/helpdesk-page'
import { LoginPage } from '../pages/login-page'

// A demo account migrated from the old customs system: it has no password until the helpdesk helps.
const MIGRATED = { accountId: 'chen.chihming@example.tw', idNumber: 'F123456784', birthDate: '64/03/08' }
const RESET_SUBJECT = `[關港貿單一窗口]帳號密碼重設通知，帳號:${MIGRATED.accountId}`

test('the helpdesk sends a migrated account a reset link; the mailed link sets a password that signs in on the portal', async ({ page, browser }) => {
  test.setTimeout(90_000)
  const staff = await (await browser.newContext()).newPage()
  await new LoginPage(staff).open()
  await new LoginPage(staff).signInAs('helpdesk', DEMO_PASSWORD)
  const helpdesk = new HelpdeskPage(staff)
  await helpdesk.search(MIGRATED.idNumber)
  await expect(staff.getByTestId('helpdesk-results')).toContainText('F12****784')
  await expect(staff.getByTestId('helpdesk-results')).not.toContainText(MIGRATED.idNumber)
  await helpdesk.open(MIGRATED.accountId)

  // a wrong answer in the caller check stops the action and says which item failed
  await helpdesk.fillChecklist(MIGRATED.idNumber, '64/03/09', MIGRATED.accountId)
  await helpdesk.sendResetLink()
  await expect(helpdesk.account()).toContainText('出生日期不符')
  await helpdesk.fillChecklist(MIGRATED.idNumber, MIGRATED.birthDate, MIGRATED.accountId)
  await helpdesk.sendResetLink()
  await expect(staff.getByText('已寄送密碼重設連結')).toBeVisible()

  // the mail really went out over SMTP; the test follows its link
  const mail = await waitForMail(RESET_SUBJECT)
  const link = /https?:\/\/\S+\/portal\/reset-password\?token=[\w-]+/.exec(mail.text)![0]
  await page.goto(new URL(link).pathname + new URL(link).search)
  await field(page, 'reset-password').fill('Migrated-pass-1')
  await field(page, 'reset-confirm').fill('Migrated-pass-1')
  await page.getByTestId('reset-submit').click()
  await expect(page.getByTestId('reset-done')).toContainText(MIGRATED.accountId)

  // the new password signs in on the portal; the link cannot be used again
  const signIn = await page.request.post('/api/portal/auth/login/password', { data: { accountId: MIGRATED.accountId, password: 'Migrated-pass-1' } })
  expect(signIn.status()).toBe(200)
  await page.goto(new URL(link).pathname + new URL(link).search)
  await field(page, 'reset-password').fill('Migrated-pass-2')
  await field(page, 'reset-confirm').fill('Migrated-pass-2')
  await page.getByTestId('reset-submit').click()
  await expect(page.getByTestId('reset-error')).toContainText('已失效或已使用')
})
