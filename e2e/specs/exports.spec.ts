import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { ExportDialog } from '../pages/export-dialog'

// 77457884 (Keelung): its open applications must not stand in the way of other specs' approvals for 52111891.
const form = {
  ubn: '77457884', companyName: '和平島海運報關有限公司', contactName: '陳小姐', contactPhone: '02-24628899', contactMobile: '0912345678',
  contactEmail: 'contact@heping-broker.example', service: 'new', officeCode: 'AA', businessType: 'customs-broker', boxNo: 'K07', privacyConsent: true,
}

/** Keys and submits an application through the API with the page's own session (a clerk's). */
async function submitted(request: APIRequestContext, csrf: string, fields: Record<string, unknown>): Promise<string> {
  const draft = await request.post('/api/applications', { headers: { 'x-csrf-token': csrf }, data: { ...form, ...fields } })
  expect(draft.status()).toBe(201)
  const { id, version, applicationNo } = await draft.json()
  expect((await request.post(`/api/applications/${id}/submit`, { headers: { 'x-csrf-token': csrf }, data: { version } })).status()).toBe(200)
  return applicationNo
}

/** Rejects what the spec submitted: an open application would stand in the way of later approvals for the firm. */
async function rejectAsSupervisor(request: APIRequestContext, applicationNos: string[]): Promise<void> {
  const csrf = (await (await request.post('/api/auth/login', { data: { username: 'supervisor.keelung', password: DEMO_PASSWORD } })).json()).csrfToken as string
  const { items } = (await (await request.get('/api/applications', { params: { status: '00', q: form.ubn } })).json()) as { items: { id: number; applicationNo: string; version: number }[] }
  for (const app of items.filter((a) => applicationNos.includes(a.applicationNo))) {
    const res = await request.post(`/api/applications/${app.id}/decide`, { headers: { 'x-csrf-token': csrf }, data: { decision: 'reject', reasonCode: 'documents-incomplete', version: app.version } })
    expect(res.status(), await res.text()).toBe(200)
  }
}

async function signedInClerk(page: Page): Promise<string> {
  const res = await page.request.post('/api/auth/login', { data: { username: 'clerk.keelung', password: DEMO_PASSWORD } })
  expect(res.status()).toBe(200)
  return (await res.json()).csrfToken
}

test.describe('exports', () => {
  const made: string[] = []
  test.afterAll(async ({ playwright }, testInfo) => {
    const supervisor = await playwright.request.newContext({ baseURL: testInfo.project.use.baseURL })
    await rejectAsSupervisor(supervisor, made)
    await supervisor.dispose()
  })

  test('a clerk filters the queue to corporate applications and exports what it selects as CSV for Excel', async ({ page }) => {
    const csrf = await signedInClerk(page)
    const corporate = await submitted(page.request, csrf, { kind: 'corporate' })
    const personal = await submitted(page.request, csrf, { kind: 'personal', brokerCode: 'A00003', brokerNationalId: 'F173091144' })
    made.push(corporate, personal)

    await page.goto('/console/applications')
    await page.getByTestId('queue-filter-kind').click()
    await page.getByRole('option', { name: '法人' }).click()
    await expect(page).toHaveURL(/kind=corporate/)
    const table = page.getByTestId('applications-table')
    await expect(table).toContainText(corporate)
    await expect(table).not.toContainText(personal)
    const listed = await page.getByTestId('application-row-link').allInnerTexts()

    const download = await new ExportDialog(page).download('csv')
    expect(download.suggestedFilename()).toMatch(/^applications-\d{8}\.csv$/)
    const bytes = await readFile((await download.path())!)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n')
    expect(lines[0]).toMatch(/^申請序號,狀態代碼,狀態,管道,申請類別,憑證種類,/)
    const exported = lines.slice(1).map((line) => line.split(',')[0])
    expect(exported.sort()).toEqual(listed.map((no) => no.trim()).sort())
    expect(exported).toContain(corporate)
    expect(exported).not.toContain(personal)
    for (const line of lines.slice(1)) expect(line).toContain(',法人,AA,')
    await expect(page.getByRole('dialog')).toBeHidden()
  })
})
