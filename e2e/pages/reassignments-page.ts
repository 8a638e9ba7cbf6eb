import type { Page } from '@playwright/test'
import { field } from './field'

/** 專責報關人員異動: the clerk's forms, the pending disqualifications and the history. */
export class ReassignmentsPage {
  constructor(private readonly page: Page) {}

  readonly title = () => this.page.getByTestId('page-title')
  readonly pendingRows = () => this.page.getByTestId('reassignments-pending').locator('.pending-row')
  readonly historyRows = () => this.page.getByTestId('reassignments-history').locator('.history-row')
  readonly message = () => this.page.locator('.el-message').last()

  async open(): Promise<void> {
    await this.page.getByTestId('menu-reassignments').click()
    await this.title().waitFor()
  }

  /** Confirms the dialog that says what the action will change. */
  private async confirm(button: string): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: button }).click()
  }

  /** 離職: the firm, the broker, the three documents ticked; the end date stays today. */
  async recordResignation(ubn: string, brokerCode: string): Promise<void> {
    await this.page.getByRole('tab', { name: '離職' }).click()
    await field(this.page, 'resignation-ubn').fill(ubn)
    await field(this.page, 'resignation-broker').fill(brokerCode)
    for (const doc of ['form', 'examCertificate', 'brokerCard']) await this.page.getByTestId(`resignation-doc-${doc}`).click()
    await this.page.getByTestId('resignation-submit').click()
    await this.confirm('登記離職')
  }

  /** 喪失資格: the broker and the reason; the date stays today. */
  async fileDisqualification(brokerCode: string, reason: string): Promise<void> {
    await this.page.getByRole('tab', { name: '喪失資格' }).click()
    await field(this.page, 'disqualification-broker').fill(brokerCode)
    await field(this.page, 'disqualification-reason').fill(reason)
    await this.page.getByTestId('disqualification-submit').click()
    await this.confirm('提出喪失資格')
  }

  async approve(brokerCode: string): Promise<void> {
    await this.pendingRows().filter({ hasText: brokerCode }).getByTestId('reassignment-approve').click()
    await this.confirm('核定')
  }
}
