import type { Page } from '@playwright/test'
import { field } from './field'

/** The certificate registry: the list with its search box, and a certificate's page with the supervisor's actions. */
export class CertificatesPage {
  constructor(private readonly page: Page) {}

  readonly table = () => this.page.getByTestId('certificates-table')
  readonly rows = () => this.page.getByTestId('certificate-row')
  readonly detail = () => this.page.getByTestId('certificate-detail')
  readonly status = () => this.page.getByTestId('certificate-status')
  readonly timeline = () => this.page.getByTestId('certificate-timeline')
  readonly action = (kind: 'revoke' | 'hold' | 'release') => this.page.getByTestId(`certificate-${kind}`)

  /** Types a serial, UBN or broker code into the search box and presses Enter. */
  async search(text: string): Promise<void> {
    await this.page.goto('/console/certificates')
    const box = field(this.page, 'certificates-search')
    await box.fill(text)
    await box.press('Enter')
  }

  /** Runs hold or release through its confirmation dialog, with a note. */
  async act(kind: 'hold' | 'release', note: string): Promise<void> {
    await this.action(kind).click()
    await field(this.page, 'action-note').fill(note)
    await this.page.getByTestId('confirm-action').click()
  }
}
