import { hashPassword } from '../../server/lib/password'
import { openE2eDatabase } from '../database'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { waitForMail } from '../mail'
import { ConsoleBindingsPage, PortalBindingsPage } from '../pages/bindings-page'
import { LoginPage } from '../pages/login-page'
import { cardAnswer, openDemoCard, PORTAL_PASSWORD } from '../portal-fixtures'

const UBN = '82656552'
const EMAIL = `contact-${UBN}@example.tw`
const CODE_ERROR = '驗證碼錯誤、已使用或已逾期'
const PDF = { name: 'account-form.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% sealed account form\n') }


/**
 * A company account that signs in by password only (seed 004's holder), with the data registerCompanyViaApi
 * would give it, so specs that register 82656552 later find the same account. If a spec before this one
 * registered it with its card, the card is unbound again: the binding must start from no card.
 */
async function seedPasswordOnlyCompany(): Promise<void> {
  const hash = await hashPassword(PORTAL_PASSWORD, 12)
  const at = new Date().toISOString()
  // the e2e server's database: the API has no way to make the account seed 004 starts from
  const database = openE2eDatabase()
  const db = database.sqlite
  try {
    db.transaction(() => {
      const found = db.prepare('select id from portal_accounts where account_id = ?').get(UBN) as { id: number } | undefined
      if (found) {
        db.prepare('delete from portal_cards where account_ref = ?').run(found.id)
        db.prepare('update portal_accounts set password_hash = ?, must_change_password = 0, failed_attempts = 0, locked_until = null where id = ?').run(hash, found.id)
        return
      }
      db.prepare(
        `insert into portal_accounts (account_id, category, attribute, email, contact_name, ubn, phone, address, company_name, representative, company_phone, company_address, password_hash, created_at, updated_at)
         values (?, 'company', 'customs-broker', ?, '陳小明', ?, '02-25505500', '基隆市中正區港西街 6 號', ?, '林大同', '02-24202951', '基隆市中正區港西街 6 號', ?, ?, ?)`,
      ).run(UBN, EMAIL, UBN, `測試公司 ${UBN}`, hash, at, at)
    })()
  } finally {
    database.close()
  }
}

/** The code as the holder's mailbox shows it: the mail the e2e server really sent over SMTP. */
async function mailedCode(): Promise<string> {
  const mail = await waitForMail(`[關港貿單一窗口]憑證綁定驗證碼通知，統一編號:${UBN}`)
  return /驗證碼：(\S+)/.exec(mail.text)![1]!
}

test.describe('binding a card to an existing account (seed 004)', () => {
  test.beforeAll(seedPasswordOnlyCompany)

  test('the holder uploads the sealed form, a clerk sends the code, the card is bound once and signs in', async ({ page, browser, baseURL, adminApi, request }) => {
    test.slow() // two browsers, a card opened twice and several scrypt hashes
    const holder = new PortalBindingsPage(page)
    expect((await page.request.post('/api/portal/auth/login/password', { data: { accountId: UBN, password: PORTAL_PASSWORD } })).status()).toBe(200)
    await holder.openRequests()
    await expect(page.getByTestId('portal-nav-bindings')).toBeVisible()
    await expect(holder.cardKind()).toHaveText(/企業帳號綁定工商憑證/)
    await expect(page.getByTestId('binding-mine-empty')).toBeVisible()
    await page.getByTestId('binding-file').setInputFiles({ name: 'form.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ not a scan') })
    await expect(holder.fileError()).toHaveText('只接受 PDF、JPEG 或 PNG 檔案')
    await holder.upload(PDF)
    await expect(holder.openNotice()).toHaveAttribute('data-status', 'submitted')
    await expect(holder.myRows()).toHaveCount(1)
    await expect(holder.myRows().first().getByTestId('binding-status')).toHaveText('待審核')

    // the office, in a browser of its own
    const officeContext = await browser.newContext({ baseURL })
    const officePage = await officeContext.newPage()
    await new LoginPage(officePage).open()
    await new LoginPage(officePage).signInAs('clerk.keelung', DEMO_PASSWORD)
    const office = new ConsoleBindingsPage(officePage)
    await officePage.getByTestId('menu-bindings').click()
    await expect(officePage.getByTestId('page-title')).toHaveText('憑證綁定申請')
    await office.open('submitted')
    const row = office.row(UBN)
    await expect(row).toContainText(`測試公司 ${UBN}`)
    await expect(row).toContainText('工商憑證')
    await expect(row.getByTestId('roc-date')).toHaveText(/^民國 1\d\d\/\d\d\/\d\d$/)
    const formLink = row.getByTestId('binding-view-form')
    await expect(formLink).toHaveAttribute('target', '_blank')
    const scan = await officePage.request.get((await formLink.getAttribute('href'))!)
    expect(scan.headers()['content-type']).toBe('application/pdf')
    await office.askConfirm(UBN)
    await expect(office.confirmBox()).toContainText(EMAIL)
    await office.acceptConfirm()
    await expect(officePage.locator('.el-message--success')).toContainText(EMAIL)
    await office.open()
    await expect(office.row(UBN).getByTestId('binding-status')).toHaveText('已寄發驗證碼')
    await expect(office.row(UBN).getByTestId('binding-confirm')).toHaveCount(0)
    await officeContext.close()

    // the admin's outbox lists the mail but hides the code; the holder's mailbox has it
    const mails = (await adminApi.get(`/api/mail?q=${encodeURIComponent(EMAIL)}`)) as { items: { id: number; template: string }[] }
    const mail = mails.items.find((m) => m.template === 'binding-code')!
    const shown = (await adminApi.get(`/api/mail/${mail.id}`)) as { text: string }
    const code = await mailedCode()
    expect(shown.text).toContain('驗證碼：＊＊＊（已隱藏 hidden）')
    expect(shown.text).not.toContain(code)

    // the holder sees the code is on its way, signs out, and binds as a guest
    await holder.openRequests()
    await expect(holder.openNotice()).toHaveAttribute('data-status', 'code-issued')
    await page.getByTestId('portal-logout').click()
    await page.getByTestId('portal-nav-bindings-bind').click()
    await expect(page.getByTestId('page-title')).toHaveText('啟用憑證（綁定）')
    await holder.bind(UBN, 'AAAA-BBBB', 'company-82656552')
    await expect(holder.codeError()).toHaveText(CODE_ERROR)
    await holder.bind(UBN, code, 'company-61611290')
    await expect(holder.message()).toHaveText('此憑證不屬於該帳號')
    await holder.bind(UBN, code.toLowerCase(), 'company-82656552')
    await expect(holder.bound()).toContainText(UBN)
    await expect(page.getByTestId('binding-to-sign-in')).toHaveAttribute('href', '/portal/login')

    // the bound card signs in (a Node-signed answer, as the sign-in page's own spec covers its UI)
    const signIn = await request.post('/api/portal/auth/login/card', { data: await cardAnswer(request, await openDemoCard('company-82656552')) })
    expect(signIn.status()).toBe(200)
    expect((await signIn.json()).user.accountId).toBe(UBN)

    // the code was spent by the bind
    await page.reload()
    await holder.bind(UBN, code, 'company-82656552')
    await expect(holder.codeError()).toHaveText(CODE_ERROR)
  })

  test('a clerk rejects a form with a reason, which the holder reads; a supervisor may look but not decide', async ({ page, loginPage }) => {
    const holder = new PortalBindingsPage(page)
    expect((await page.request.post('/api/portal/auth/login/password', { data: { accountId: UBN, password: PORTAL_PASSWORD } })).status()).toBe(200)
    await holder.openRequests()
    await holder.upload({ ...PDF, name: 'second-form.pdf' })
    await expect(holder.openNotice()).toHaveAttribute('data-status', 'submitted')
    await page.getByTestId('portal-logout').click()

    await loginPage.open()
    await loginPage.signInAs('supervisor.keelung', DEMO_PASSWORD)
    const office = new ConsoleBindingsPage(page)
    await office.open('submitted')
    await expect(office.row(UBN)).toBeVisible()
    await expect(office.row(UBN).getByTestId('binding-view-form')).toBeVisible()
    await expect(office.row(UBN).getByTestId('binding-confirm')).toHaveCount(0)
    await page.getByTestId('logout').click()

    await loginPage.signInAs('clerk.keelung', DEMO_PASSWORD)
    await office.open('submitted')
    await office.reject(UBN, '   ')
    await expect(office.rejectReasonError()).toHaveText('此欄位為必填')
    await office.submitReject('申請書未用印')
    await expect(page.getByTestId('binding-reject-form')).toHaveCount(0)
    await expect(office.row(UBN)).toHaveCount(0) // the list still shows only requests awaiting review
    await page.getByTestId('logout').click()

    expect((await page.request.post('/api/portal/auth/login/password', { data: { accountId: UBN, password: PORTAL_PASSWORD } })).status()).toBe(200)
    await holder.openRequests()
    await expect(holder.myRows().first().getByTestId('binding-status')).toHaveText('已退件')
    await expect(holder.myRows().first().getByTestId('binding-mine-outcome')).toHaveText('退件原因：申請書未用印')
    await expect(page.getByTestId('binding-upload-form')).toBeVisible() // a rejected holder may file again
  })
})
