import type { Page } from '@playwright/test'
import { field } from './field'

/** The fee slip print view and the payments desk, as a clerk uses them. */
export class FeeSlipsPage {
  constructor(private readonly page: Page) {}

  readonly print = () => this.page.getByTestId('fee-slip-print')
  readonly parts = () => this.page.getByTestId('slip-part')
  readonly slipNo = () => this.page.getByTestId('slip-no').first()
  readonly amount = () => this.page.getByTestId('slip-amount').first()
  readonly due = () => this.page.getByTestId('slip-due').first()
  readonly barcode = () => this.page.getByTestId('slip-barcode').first()
  readonly payments = () => this.page.getByTestId('payments-table')

  /** From the application's fee slip box to the print view. */
  async openPrintFromApplication(): Promise<void> {
    await this.page.getByTestId('fee-slip-print-link').click()
    await this.print().waitFor()
  }

  /** Keys a payment in the 「登錄繳費」 dialog: the slip number, the date, the channel; Enter submits. */
  async recordPayment(p: { slipNo: string; paidOn: string; channel: string }): Promise<void> {
    await this.page.goto('/console/payments')
    await this.page.getByTestId('payment-record').click()
    await field(this.page, 'payment-slipNo').fill(p.slipNo)
    await field(this.page, 'payment-paidOn').fill(p.paidOn)
    await this.page.getByTestId(`payment-channel-${p.channel}`).click()
    await this.page.getByTestId('payment-submit').click()
  }
}
