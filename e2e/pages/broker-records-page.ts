import type { Page } from '@playwright/test'
import { field } from './field'

export type ImportKind = 'firms' | 'licences' | 'brokers' | 'appointments'

/** The broker records pages: the lists, the details and the CSV import. */
export class BrokerRecordsPage {
  constructor(private readonly page: Page) {}

  readonly title = () => this.page.getByTestId('page-title')
  readonly firmsTable = () => this.page.getByTestId('firms-table')
  readonly brokersTable = () => this.page.getByTestId('brokers-table')
  readonly firmDetail = () => this.page.getByTestId('firm-detail')
  readonly importResult = () => this.page.getByTestId('import-result')
  readonly importErrors = () => this.page.getByTestId('import-errors')
  /** The row-level problems as `line:column` pairs, in the order shown. */
  readonly importErrorCells = async (): Promise<string[]> => {
    const lines = await this.page.getByTestId('import-error-line').allTextContents()
    const columns = await this.page.getByTestId('import-error-column').allTextContents()
    return lines.map((line, i) => `${line.trim()}:${columns[i]?.trim() ?? ''}`)
  }

  async openFirms(): Promise<void> {
    await this.page.goto('/console/broker-records/firms')
  }

  async openImport(): Promise<void> {
    await this.page.goto('/console/broker-records/import')
  }

  /** Types into the list's search box and submits it, as a clerk would with Enter. */
  async search(text: string): Promise<void> {
    const box = field(this.page, 'records-search')
    await box.fill(text)
    await box.press('Enter')
  }

  /** Chooses the kind and the file, then asks for the check; the confirmation appears only for a clean file. */
  async checkFile(kind: ImportKind, path: string): Promise<void> {
    await this.page.getByTestId(`import-kind-${kind}`).click()
    await this.page.getByTestId('import-file').setInputFiles(path)
    await this.page.getByTestId('import-submit').click()
  }

  /** The confirmation box after a clean check: its text, and the button that applies the import. */
  readonly confirmBox = () => this.page.locator('.el-message-box')
  async confirmImport(): Promise<void> {
    await this.confirmBox().getByRole('button', { name: /匯入|Import/ }).click()
  }
}
