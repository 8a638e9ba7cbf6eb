import type { Page } from '@playwright/test'
import { field } from './field'

/** 通關憑證註冊 and 通關憑證查詢: the portal's signing-certificate pages. */
export class RegistrationsPage {
  constructor(private readonly page: Page) {}

  readonly title = () => this.page.getByTestId('page-title')
  readonly success = () => this.page.getByTestId('registration-success')
  readonly failure = () => this.page.getByTestId('registration-error')
  readonly preview = () => this.page.getByTestId('cer-preview')
  readonly table = () => this.page.getByTestId('registrations-table')
  readonly rows = () => this.page.locator('.registration-row')
  readonly signingRows = () => this.rows().filter({ has: this.page.getByTestId('row-purpose').getByText('簽章') })

  async openNew(): Promise<void> {
    await this.page.getByTestId('portal-nav-registrations-new').click()
  }

  /** Seed 001, step 1 and 2: a use type, then a non-IC certificate file, then 送出. */
  async uploadCer(useType: string, cerPath: string): Promise<void> {
    await this.page.getByTestId(`use-type-${useType}`).click()
    await this.page.getByTestId('form-file').click()
    await this.page.getByTestId('cer-file').setInputFiles(cerPath)
    await this.preview().waitFor()
    await this.page.getByTestId('registration-submit').click()
  }

  /** Seed 001, step 3: the query page, searched by an account, ID, UBN or broker code. */
  async search(text: string): Promise<void> {
    await this.page.getByTestId('portal-nav-registrations').click()
    await field(this.page, 'registrations-q').fill(text)
    await this.page.getByTestId('registrations-search-button').click()
  }

  /** Deletes a row through its confirmation dialog. */
  async deleteRow(serialHex: string): Promise<void> {
    await this.rows().filter({ hasText: serialHex.toUpperCase() }).getByTestId('row-delete').click()
    await this.page.getByRole('dialog').getByRole('button', { name: '刪除' }).click()
  }
}
