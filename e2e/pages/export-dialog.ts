import type { Download, Page } from '@playwright/test'

/** The Export button and its dialog (web/src/components/ExportButton.vue), as on every list page. */
export class ExportDialog {
  constructor(private readonly page: Page) {}

  readonly progress = () => this.page.getByTestId('export-progress')

  /** Opens the dialog, picks the format (and ROC dates), downloads, and gives the browser's download. */
  async download(format: 'csv' | 'xlsx', options: { rocDates?: boolean } = {}): Promise<Download> {
    await this.page.getByTestId('export-open').click()
    await this.page.getByTestId(`export-format-${format}`).click()
    if (options.rocDates) await this.page.getByTestId('export-roc-dates').click()
    const download = this.page.waitForEvent('download')
    await this.page.getByTestId('export-start').click()
    return download
  }
}
