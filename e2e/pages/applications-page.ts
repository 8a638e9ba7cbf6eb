import type { Page } from '@playwright/test'
import { field } from './field'

export interface PaperForm {
  ubn: string
  contactName: string
  contactPhone: string
  contactMobile: string
  contactEmail: string
  boxNo: string
  brokerCode: string
  brokerNationalId: string
}

/** The paper keying form, the queue and the review page, as a clerk and a supervisor use them. */
export class ApplicationsPage {
  constructor(private readonly page: Page) {}

  readonly status = () => this.page.getByTestId('application-status')
  readonly check = (id: string) => this.page.getByTestId(`check-result-${id}`)

  /** Keys a personal new application at the clerk's office; the firm's data fills in from the records. */
  async keyPaperForm(f: PaperForm, scan: { name: string; mimeType: string; buffer: Buffer }): Promise<string> {
    await this.page.goto('/console/applications/new')
    await field(this.page, 'field-ubn').fill(f.ubn)
    await field(this.page, 'field-ubn').press('Enter')
    await this.page.waitForFunction(() => (document.querySelector<HTMLInputElement>('[data-testid="field-companyName"] input, input[data-testid="field-companyName"]')?.value ?? '') !== '')
    await field(this.page, 'field-contactName').fill(f.contactName)
    await field(this.page, 'field-contactPhone').fill(f.contactPhone)
    await field(this.page, 'field-contactMobile').fill(f.contactMobile)
    await field(this.page, 'field-contactEmail').fill(f.contactEmail)
    await this.page.getByTestId('field-service-new').click()
    await this.page.getByTestId('field-businessType-customs-broker').click()
    await this.page.getByTestId('field-kind-personal').click()
    await field(this.page, 'field-boxNo').fill(f.boxNo)
    await field(this.page, 'field-brokerCode').fill(f.brokerCode)
    await field(this.page, 'field-brokerNationalId').fill(f.brokerNationalId)
    await this.page.getByTestId('field-privacyConsent').click()
    await this.page.getByTestId('attach-file').setInputFiles(scan)
    await this.page.getByTestId('submit-application').click()
    await this.page.waitForURL(/\/console\/applications\/\d+$/)
    return this.page.url().split('/').pop()!
  }

  async open(id: string): Promise<void> {
    await this.page.goto(`/console/applications/${id}`)
  }

  async approve(): Promise<void> {
    await this.page.getByTestId('approve').click()
    await this.page.getByRole('dialog').getByRole('button', { name: '核准' }).click()
  }

  async reject(reasonCode: string, text: string): Promise<void> {
    await this.page.getByTestId('reject').click()
    await this.page.getByTestId(`reject-reason-${reasonCode}`).click()
    await field(this.page, 'reject-text').fill(text)
    await this.page.getByTestId('reject-confirm').click()
  }
}
