import type { APIRequestContext, Page } from '@playwright/test'
import { toRocDate } from '../../core/tw/roc-date'
import { expectAccessible } from '../a11y'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { CHART_IDS, DashboardPage } from '../pages/dashboard-page'

const n = (value: number) => value.toLocaleString('en-US', { maximumFractionDigits: 2 })
const firm = { contactName: '儀表板測試', contactPhone: '02-24201234', contactMobile: '0912345678', contactEmail: 'dashboard@example.com', service: 'new', businessType: 'customs-broker', kind: 'corporate', privacyConsent: true }
const keelungForm = { ...firm, ubn: '77457884', companyName: '和平島海運報關有限公司', officeCode: 'AA', boxNo: 'K07' }
const taipeiForm = { ...firm, ubn: '61611290', companyName: '北辰報關股份有限公司', officeCode: 'CA', boxNo: 'T12' }

/** Signs a staff member in on their own request context and returns a caller with their CSRF token. */
async function staff(request: APIRequestContext, username: string) {
  const login = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } })
  expect(login.status()).toBe(200)
  const csrf = (await login.json()).csrfToken as string
  return async (path: string, data: unknown) => {
    const res = await request.post(path, { headers: { 'x-csrf-token': csrf }, data })
    expect(res.status(), path).toBeLessThan(300)
    return res.json()
  }
}

/** Through the API, as staff would: a Keelung application received and rejected, a Taipei one received. */
async function seed(playwright: { request: { newContext(o: { baseURL: string }): Promise<APIRequestContext> } }, baseURL: string) {
  const contexts = await Promise.all(Array.from({ length: 3 }, () => playwright.request.newContext({ baseURL })))
  const [clerkAA, supervisorAA, clerkCA] = [await staff(contexts[0]!, 'clerk.keelung'), await staff(contexts[1]!, 'supervisor.keelung'), await staff(contexts[2]!, 'clerk.taipei')]
  const draft = await clerkAA('/api/applications', keelungForm)
  const received = await clerkAA(`/api/applications/${draft.id}/submit`, { version: draft.version })
  await supervisorAA(`/api/applications/${draft.id}/decide`, { decision: 'reject', reasonCode: 'documents-incomplete', version: received.version })
  const other = await clerkCA('/api/applications', taipeiForm)
  await clerkCA(`/api/applications/${other.id}/submit`, { version: other.version })
  await Promise.all(contexts.map((c) => c.dispose()))
}

/** axe looks at the charts, their titles and tables; the console shell around them is not in its scope yet. */
const CHARTS = '[data-testid^="dashboard-chart-"]'
const dashboardApi = async (page: Page, query = '') => (await page.request.get(`/api/dashboard${query}`)).json()

test.describe('the dashboard charts', () => {
  test('the admin sees every chart drawn, and the tables under them hold the numbers the API gives', async ({ page, loginPage, playwright, baseURL }) => {
    await seed(playwright, baseURL!)
    await loginPage.open()
    await loginPage.signInAs('admin', DEMO_PASSWORD)
    const dashboard = new DashboardPage(page)
    for (const id of CHART_IDS) await dashboard.expectDrawn(id)
    await expectAccessible(page, 'dashboard charts, tables hidden', CHARTS)
    const d = await dashboardApi(page)
    expect(d.charts.applicationsPerWeek.some((w: { received: number }) => w.received > 0)).toBe(true)

    const weeks = await dashboard.readTable('applicationsPerWeek')
    expect(weeks.head).toEqual(['週（週一）', '收件', '審結'])
    expect(weeks.rows).toEqual(d.charts.applicationsPerWeek.map((w: { week: string; received: number; decided: number }) => [toRocDate(w.week), n(w.received), n(w.decided)]))

    const review = await dashboard.readTable('reviewTime')
    const days = (v: number | null) => (v === null ? '–' : n(v))
    expect(review.rows.at(-1)).toEqual(['全部', n(d.charts.reviewTime.overall.decided), days(d.charts.reviewTime.overall.averageDays)])
    expect(review.rows[0]).toEqual(['基隆關', n(d.charts.reviewTime.byOffice[0].decided), days(d.charts.reviewTime.byOffice[0].averageDays)])

    const byOffice = await dashboard.readTable('applicationsByOffice')
    expect(byOffice.rows.map((r) => r[0])).toEqual(['基隆關', '臺北關', '臺中關', '高雄關'])
    const statuses = ['00', 'R0', '10', '20', 'A0', 'A9'] as const
    d.charts.applicationsByOffice.forEach((o: { byStatus: Record<string, number> }, i: number) => expect(byOffice.rows[i]!.slice(1, 7)).toEqual(statuses.map((s) => n(o.byStatus[s]!))))

    const fees = await dashboard.readTable('feesPerMonth')
    expect(fees.rows.map((r) => r.slice(1))).toEqual(d.charts.feesPerMonth.map((m: { issued: number; paid: number; voided: number; revenue: number }) => [m.issued, m.paid, m.voided, m.revenue].map(n)))
    expect(fees.rows.at(-1)![0]).toBe(toRocDate(`${d.charts.feesPerMonth.at(-1).month}-01`).slice(0, -3))

    const expiring = await dashboard.readTable('certificatesExpiring')
    expect(expiring.rows.map((r) => r.slice(1))).toEqual(d.charts.certificatesExpiring.map((o: { within30: number; within60: number; within90: number }) => [o.within30, o.within60, o.within90].map(n)))
    await expectAccessible(page, 'dashboard charts, tables shown', CHARTS)
  })

  test('headquarters picks Taipei: the address keeps it, and the cards and charts count Taipei only', async ({ page, loginPage }) => {
    await loginPage.open()
    await loginPage.signInAs('admin', DEMO_PASSWORD)
    const dashboard = new DashboardPage(page)
    await dashboard.pickOffice('臺北關')
    await expect(page).toHaveURL(/[?&]office=CA/)
    await expect(dashboard.scope()).toContainText('臺北關 (CA)')
    const d = await dashboardApi(page, '?office=CA')
    await expect(page.getByTestId('dashboard-card-firms')).toContainText(n(d.firms))
    expect((await dashboard.readTable('applicationsByOffice')).rows.map((r) => r[0])).toEqual(['臺北關'])
    await page.reload()
    await expect(dashboard.scope()).toContainText('臺北關 (CA)')
  })

  test('a Keelung clerk sees Keelung only, even from an address that names Taipei', async ({ page, loginPage }) => {
    await loginPage.open()
    await loginPage.signInAs('clerk.keelung', DEMO_PASSWORD)
    const dashboard = new DashboardPage(page)
    await dashboard.open('?office=CA')
    await expect(dashboard.scope()).toContainText('基隆關 (AA)')
    await expect(dashboard.officeFilter()).toHaveCount(0)
    await dashboard.expectDrawn('applicationsByOffice')
    const d = await dashboardApi(page, '?office=CA')
    expect(d.scope).toBe('AA')
    expect((await dashboard.readTable('applicationsByOffice')).rows.map((r) => r[0])).toEqual(['基隆關'])
    expect((await dashboard.readTable('certificatesExpiring')).rows.map((r) => r[0])).toEqual(['基隆關'])
    expect((await dashboard.readTable('reviewTime')).rows.map((r) => r[0])).toEqual(['基隆關', '全部'])
    const weeks = await dashboard.readTable('applicationsPerWeek')
    expect(weeks.rows.map((r) => r.slice(1))).toEqual(d.charts.applicationsPerWeek.map((w: { received: number; decided: number }) => [n(w.received), n(w.decided)]))
  })
})
