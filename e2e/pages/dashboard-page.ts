import { expect, type Page } from '@playwright/test'

export const CHART_IDS = ['applicationsPerWeek', 'reviewTime', 'applicationsByOffice', 'feesPerMonth', 'certificatesExpiring'] as const
export type ChartId = (typeof CHART_IDS)[number]

/** The dashboard: its filters, each chart's canvas and the data table under it. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  readonly scope = () => this.page.getByTestId('dashboard-scope')
  readonly officeFilter = () => this.page.getByTestId('dashboard-filter-office')
  readonly chart = (id: ChartId) => this.page.getByTestId(`dashboard-chart-${id}`)
  readonly table = (id: ChartId) => this.page.getByTestId(`dashboard-table-${id}`)

  async open(query = ''): Promise<void> {
    await this.page.goto(`/console${query}`)
  }

  /** ECharts has drawn the chart: a canvas of real size inside its box. */
  async expectDrawn(id: ChartId): Promise<void> {
    const canvas = this.chart(id).locator('canvas').first()
    await expect(canvas).toBeVisible()
    expect((await canvas.boundingBox())?.height ?? 0, id).toBeGreaterThan(100)
  }

  /** Opens the table under a chart and reads it: the header cells, then each row's cells. */
  async readTable(id: ChartId): Promise<{ head: string[]; rows: string[][] }> {
    const toggle = this.page.getByTestId(`dashboard-table-toggle-${id}`)
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
    await expect(this.table(id)).toBeVisible()
    return this.table(id).evaluate((table: HTMLTableElement) => ({
      head: [...table.tHead!.rows[0]!.cells].map((c) => c.textContent!.trim()),
      rows: [...table.tBodies[0]!.rows].map((r) => [...r.cells].map((c) => c.textContent!.trim())),
    }))
  }

  async pickOffice(name: string): Promise<void> {
    await this.officeFilter().click()
    await this.page.getByRole('option', { name }).click()
    await this.page.getByTestId('dashboard-apply').click()
  }
}
