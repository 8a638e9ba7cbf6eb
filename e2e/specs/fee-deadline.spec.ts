import { execFileSync } from 'node:child_process'
import { e2eDatabaseEnv } from '../database'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { LoginPage } from '../pages/login-page'

const form = {
  ubn: '77457884', companyName: '和平島海運報關有限公司', contactName: '鄭小姐', contactPhone: '02-24628899', contactMobile: '0922333444',
  contactEmail: 'deadline@heping-broker.example', service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'corporate', boxNo: 'K07', privacyConsent: true,
}

test('an unpaid application passes its due date and becomes A9, with the cancellation mail', async ({ page, playwright, baseURL, adminApi }) => {
  // The clerk keys and submits, the supervisor approves: status 10 with a fee slip due in 14 days.
  const clerk = await playwright.request.newContext({ baseURL })
  await clerk.post('/api/auth/login', { data: { username: 'clerk.keelung', password: DEMO_PASSWORD } })
  const clerkCsrf = (await (await clerk.get('/api/auth/me')).json()).csrfToken as string
  const draft = await (await clerk.post('/api/applications', { headers: { 'x-csrf-token': clerkCsrf }, data: form })).json()
  const submitted = await (await clerk.post(`/api/applications/${draft.id}/submit`, { headers: { 'x-csrf-token': clerkCsrf }, data: { version: draft.version } })).json()
  const sup = await playwright.request.newContext({ baseURL })
  await sup.post('/api/auth/login', { data: { username: 'supervisor.keelung', password: DEMO_PASSWORD } })
  const supCsrf = (await (await sup.get('/api/auth/me')).json()).csrfToken as string
  const approved = await (await sup.post(`/api/applications/${draft.id}/decide`, { headers: { 'x-csrf-token': supCsrf }, data: { decision: 'approve', version: submitted.version } })).json()
  expect(approved.status).toBe('10')

  // The daily job runs as of the day after the due date (Taipei), against the server's own database.
  const dayAfter = new Date(Date.parse(`${approved.feeSlip.dueOn}T00:00:00+08:00`) + 86_400_000 + 3_600_000).toISOString()
  const out = execFileSync('npx', ['tsx', 'server/cli/job.ts', 'fee-expiry', '--at', dayAfter], { env: { ...process.env, ...e2eDatabaseEnv() } }).toString()
  const run = JSON.parse(out.slice(out.indexOf('{'))) as { ok: boolean; summary: { voided: string[] } }
  expect(run.ok).toBe(true)
  // Other specs' unpaid slips fall due too: this one must be among those voided.
  expect(run.summary.voided).toContain(approved.feeSlip.slipNo)

  await new LoginPage(page).open()
  await new LoginPage(page).signInAs('clerk.keelung', DEMO_PASSWORD)
  await page.goto(`/console/applications/${draft.id}`)
  await expect(page.getByTestId('application-status')).toContainText('A9')
  const mail = (await adminApi.get(`/api/mail?q=${approved.applicationNo}`)) as { items: { subject: string }[] }
  expect(mail.items.map((m) => m.subject)).toContain(`[關港貿單一窗口]通關專屬憑證申請逾期未繳費取消申請通知，申請序號:${approved.applicationNo}`)
  await clerk.dispose()
  await sup.dispose()
})
