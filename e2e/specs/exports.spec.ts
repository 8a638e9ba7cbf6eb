import { readFile } from 'node:fs/promises'
import type { APIRequestContext, Page } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { ExportDialog } from '../pages/export-dialog'

const form = {
  ubn: '52111891', companyName: '基隆港通報關股份有限公司', contactName: '陳小姐', contactPhone: '02-24201234', contactMobile: '0912345678',
  contactEmail: 'contact@keelung-broker.example', service: 'new', officeCode: 'AA', businessType: 'customs-broker', boxNo: 'K01', privacyConsent: true,
}

/** Keys and submits an application through the API with the page's own session (a clerk's). */
async function submitted(request: APIRequestContext, csrf: string, fields: Record<string, unknown>): Promise<string> {
  const draft = await request.post('/api/applications', { headers: { 'x-csrf-token': csrf }, data: { ...form, ...fields } })
  expect(draft.status()).toBe(201)
  const { id, version, applicationNo } = await draft.json()
  expect((await request.post(`/api/applications/${id}/submit`, { headers: { 'x-csrf-token': csrf }, data: { version } })).status()).toBe(200)
  return applicationNo
}

async function signedInClerk(page: Page): Promise<string> {
  const res = await page.request.post('/api/auth/login', { data: { username: 'clerk.keelung', password: DEMO_PASSWORD } })
  expect(res.status()).toBe(200)
  return (await res.json()).csrfToken
}

test.describe('exports', () => {
  test('a clerk filters the queue to corporate applications and exports what it selects as CSV for Excel', async ({ page }) => {
    const csrf = await signedInClerk(page)
    const corporate = await submitted(page.request, csrf, { kind: 'corporate' })
    const personal = await submitted(page.request, csrf, { kind: 'personal', brokerCode: 'A00001', brokerNationalId: 'A115881394' })

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
