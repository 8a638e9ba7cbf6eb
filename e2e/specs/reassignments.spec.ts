import { execFileSync } from 'node:child_process'
import type { APIRequestContext, Browser, Page, PlaywrightWorkerArgs } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { waitForMail } from '../mail'
import { LoginPage } from '../pages/login-page'
import { ReassignmentsPage } from '../pages/reassignments-page'
import { RegistrationsPage } from '../pages/registrations-page'
import { PORTAL_PASSWORD, registerCompanyViaApi } from '../portal-fixtures'

// The demo database holds broker 王建民 (A00001)'s personal certificate, issued for 52111891 where he is appointed
// (server/lib/demo-certificates.ts). The two tests follow his career in order: he leaves the firm, then loses
// his qualification, so they run in this order.
test.describe.configure({ mode: 'serial' })
const UBN = '52111891'
const BROKER = 'A00001'
const WANG = { brokerCode: BROKER, brokerIdNumber: 'A115881394', brokerName: '王建民' }

/** A00001's valid personal certificate as the registry's staff download gives it. */
async function wangCertificate(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string): Promise<{ serialHex: string; base64: string }> {
  const staff = await playwright.request.newContext({ baseURL })
  expect((await staff.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).status()).toBe(200)
  const { items } = (await (await staff.get(`/api/certificates?brokerCode=${BROKER}&status=valid`)).json()) as { items: { serialHex: string; kind: string }[] }
  const serialHex = items.find((c) => c.kind === 'personal')!.serialHex
  const cer = await staff.get(`/api/certificates/${serialHex}/download.cer`)
  expect(cer.status()).toBe(200)
  const base64 = (await cer.body()).toString('base64')
  await staff.dispose()
  return { serialHex, base64 }
}

/** The e-mail of the firm's portal account, as the office sees it: whichever spec registered the firm first set it. */
async function firmAccountEmail(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string): Promise<string> {
  const staff = await playwright.request.newContext({ baseURL })
  expect((await staff.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).status()).toBe(200)
  const firm = (await (await staff.get(`/api/lookup/firms/${UBN}`)).json()) as { accounts: { accountId: string; email: string }[] }
  await staff.dispose()
  return firm.accounts.find((a) => a.accountId === UBN)!.email
}

/** The firm signs in to the portal (its card is another spec's) and registers the broker's .cer through the API. */
async function firmRegistersBroker(page: Page, request: APIRequestContext, cer: string): Promise<void> {
  await registerCompanyViaApi(request, UBN)
  const login = await page.request.post('/api/portal/auth/login/password', { data: { accountId: UBN, password: PORTAL_PASSWORD } })
  expect(login.status()).toBe(200)
  const { csrfToken } = await login.json()
  const res = await page.request.post('/api/portal/registrations', { headers: { 'x-csrf-token': csrfToken }, data: { useType: 'broker', form: 'file', certificate: cer, ...WANG } })
  expect([201, 409], await res.text()).toContain(res.status())
}

/** A staff member signed in in a browser context of their own, on the reassignments page. */
async function staffPage(browser: Browser, username: string): Promise<{ page: Page; reassignments: ReassignmentsPage; close: () => Promise<void> }> {
  const context = await browser.newContext()
  const page = await context.newPage()
  await new LoginPage(page).open()
  await new LoginPage(page).signInAs(username, DEMO_PASSWORD)
  const reassignments = new ReassignmentsPage(page)
  await reassignments.open()
  return { page, reassignments, close: () => context.close() }
}

test.describe('專責報關人員異動', () => {
  test("a clerk records a broker's resignation, and the broker's registration disappears from the firm's query table", async ({ page, request, browser, playwright, baseURL }) => {
    const { serialHex, base64 } = await wangCertificate(playwright, baseURL!)
    await firmRegistersBroker(page, request, base64)
    const portal = new RegistrationsPage(page)
    await page.goto('/portal')
    await portal.search(BROKER)
    await expect(portal.signingRows().filter({ hasText: serialHex.toUpperCase() })).toHaveCount(1)

    const clerk = await staffPage(browser, 'clerk.keelung')
    await expect(clerk.reassignments.title()).toHaveText('專責報關人員異動')
    await clerk.reassignments.recordResignation(UBN, BROKER)
    await expect(clerk.reassignments.message()).toContainText('已登記離職：終止委任 1 筆、刪除憑證註冊 1 筆。')
    await expect(clerk.reassignments.historyRows().first()).toContainText('離職')
    await expect(clerk.reassignments.historyRows().first()).toContainText('王建民')
    await clerk.close()

    // the firm's query table no longer lists it, and the firm has the notice in its mailbox
    await portal.search(BROKER)
    await expect(portal.table()).toBeVisible()
    await expect(portal.signingRows().filter({ hasText: serialHex.toUpperCase() })).toHaveCount(0)
    const mail = await waitForMail(`[關港貿單一窗口]專責報關人員離職異動通知，專責報關人員代碼:${BROKER}`)
    expect(mail.headers.get('to')).toContain(await firmAccountEmail(playwright, baseURL!))
  })

  test('a supervisor approves the disqualification a clerk filed, and the certificate appears on the CRL', async ({ browser, playwright, baseURL, request }) => {
    const { serialHex } = await wangCertificate(playwright, baseURL!)
    const clerk = await staffPage(browser, 'clerk.keelung')
    await clerk.reassignments.fileDisqualification(BROKER, '經判決確定，喪失專責報關人員資格')
    await expect(clerk.reassignments.message()).toContainText('已提出喪失資格，待主管核定。')
    // the filer sees the request but has no buttons to decide it
    await expect(clerk.reassignments.pendingRows().filter({ hasText: BROKER })).toHaveCount(1)
    await expect(clerk.reassignments.pendingRows().getByTestId('reassignment-approve')).toHaveCount(0)
    await clerk.close()

    const supervisor = await staffPage(browser, 'supervisor.keelung')
    await supervisor.reassignments.approve(BROKER)
    await expect(supervisor.reassignments.message()).toContainText('已核定喪失資格')
    await expect(supervisor.reassignments.pendingRows()).toHaveCount(0)
    await supervisor.close()

    // the CRL the Single Window downloads lists the certificate, revoked because the privilege was withdrawn
    const crl = await request.get('/crl/customs.crl')
    expect(crl.status()).toBe(200)
    const text = execFileSync('openssl', ['crl', '-inform', 'DER', '-noout', '-text'], { input: await crl.body() }).toString()
    const entry = text.split('Serial Number: ').find((part) => part.startsWith(`${serialHex.toUpperCase()}\n`))
    expect(entry, `serial ${serialHex} on the CRL`).toBeDefined()
    expect(entry).toContain('Privilege Withdrawn')
  })
})
