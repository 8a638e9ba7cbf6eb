import type { Page } from '@playwright/test'
import { field } from './field'

/** The console's helpdesk page: search, open an account, the caller check and its actions. */
export class HelpdeskPage {
  constructor(private readonly page: Page) {}

  async search(q: string): Promise<void> {
    await this.page.goto('/console/helpdesk')
    await field(this.page, 'helpdesk-search').fill(q)
    await this.page.getByTestId('helpdesk-search-submit').click()
  }

  async open(accountId: string): Promise<void> {
    await this.page.getByTestId(`helpdesk-open-${accountId}`).click()
  }

  async fillChecklist(id: string, second: string, email: string): Promise<void> {
    await field(this.page, 'check-id').fill(id)
    await field(this.page, 'check-second').fill(second)
    await field(this.page, 'check-email').fill(email)
  }

  async sendResetLink(): Promise<void> {
    await this.page.getByTestId('helpdesk-reset-link').click()
    await this.page.locator('.el-message-box').getByRole('button', { name: /寄送|Send/ }).click()
  }

  readonly account = () => this.page.getByTestId('helpdesk-account')
}
