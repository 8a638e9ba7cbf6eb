import type { Download, Page } from '@playwright/test'
import { cardAnswer, loadCardInBrowser, openDemoCard, registerCompanyViaApi, type DemoCardName } from '../portal-fixtures'
import { field } from './field'

type CompanyUbn = '52111891' | '61611290' | '82656552'

/**
 * Registers the company (if need be) and signs it in to the portal with a card answer made in Node, posted
 * through the page's own request context so the browser holds the portal cookie. The sign-in page has its
 * own spec; here the company just needs to be signed in.
 */
export async function signInCompany(page: Page, ubn: CompanyUbn): Promise<void> {
  await registerCompanyViaApi(page.request, ubn)
  const res = await page.request.post('/api/portal/auth/login/card', { data: await cardAnswer(page.request, await openDemoCard(`company-${ubn}`)) })
  if (res.status() !== 200) throw new Error(`portal card sign-in failed: ${res.status()} ${await res.text()}`)
}

export interface OnlineForm {
  contactName: string
  contactPhone: string
  contactMobile: string
  contactEmail: string
  officeCode: string
  businessType: string
  boxNo: string
}

/** The company's DC02 pages in the portal: the query list, the online form, an application and its key generation. */
export class PortalApplicationsPage {
  constructor(private readonly page: Page) {}

  readonly table = () => this.page.getByTestId('portal-applications-table')
  readonly status = () => this.page.getByTestId('portal-application-status')
  readonly fixedUbn = () => field(this.page, 'filter-ubn')
  readonly slipPrint = () => this.page.getByTestId('fee-slip-print')
  readonly keyGeneration = () => this.page.getByTestId('key-generation')

  async openList(): Promise<void> {
    await this.page.goto('/portal/applications')
    await this.table().waitFor()
  }

  async open(id: string | number): Promise<void> {
    await this.page.goto(`/portal/applications/${id}`)
    await this.status().waitFor()
  }

  /** From the list's 申請 button: fills every field of a corporate new application. */
  async fillOnlineForm(f: OnlineForm): Promise<void> {
    await this.page.getByTestId('portal-apply').click()
    await this.page.getByTestId('portal-dc02-form').waitFor()
    for (const name of ['contactName', 'contactPhone', 'contactMobile', 'contactEmail'] as const) await field(this.page, `field-${name}`).fill(f[name])
    await this.page.getByTestId('field-service-new').click()
    await this.page.getByTestId(`field-officeCode-${f.officeCode}`).click()
    await this.page.getByTestId(`field-businessType-${f.businessType}`).click()
    await this.page.getByTestId('field-kind-corporate').click()
    await field(this.page, 'field-boxNo').fill(f.boxNo)
    await this.page.getByTestId('field-privacyConsent').click()
  }

  /** Loads the company card in the browser and signs: lands on the new application. */
  async signAndSubmit(card: DemoCardName): Promise<string> {
    await loadCardInBrowser(this.page, card)
    await this.page.getByTestId('card-loaded').waitFor()
    await this.page.getByTestId('sign-submit').click()
    await this.page.waitForURL(/\/portal\/applications\/\d+$/)
    return this.page.url().split('/').pop()!
  }

  async printSlip(): Promise<void> {
    await this.page.getByTestId('portal-fee-slip-print').click()
    await this.slipPrint().waitFor()
  }

  /** 產製憑證: the card loaded in the browser signs the request for the key made in the browser. */
  async generateKey(card: DemoCardName): Promise<void> {
    await loadCardInBrowser(this.page, card, undefined, this.keyGeneration().getByTestId('card-loader'))
    await this.page.getByTestId('key-generate').click()
    await this.page.getByTestId('key-issued').waitFor({ timeout: 30_000 })
  }

  async downloadCer(): Promise<Download> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('download-cer').click()])
    return download
  }

  async downloadPfx(password: string, confirm = password): Promise<Download> {
    await field(this.page, 'pfx-password').fill(password)
    await field(this.page, 'pfx-confirm').fill(confirm)
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('download-pfx').click()])
    return download
  }
}
