import type { Page } from '@playwright/test'
import { loadCardInBrowser, type DemoCardName } from '../portal-fixtures'
import { field } from './field'

/** The portal's sign-in page: 憑證登入 and 帳號登入 tabs. */
export class PortalLoginPage {
  constructor(private readonly page: Page) {}

  readonly problem = (kind: string) => this.page.getByTestId(`sign-in-problem-${kind}`)
  readonly signedInUser = () => this.page.getByTestId('portal-user')

  async open(query = ''): Promise<void> {
    await this.page.goto(`/portal/login${query}`)
    await this.page.getByTestId('page-title').waitFor()
  }

  async openTab(tab: 'card' | 'password'): Promise<void> {
    await this.page.locator(`#tab-${tab}`).click()
  }

  /** Chooses the kind of card, loads the .p12 with its PIN and presses 以此憑證登入. */
  async signInWithCard(card: DemoCardName, pin?: string): Promise<void> {
    await this.openTab('card')
    await this.page.getByTestId(card.startsWith('company') ? 'sign-in-card-kind-moeaca' : 'sign-in-card-kind-moica').click()
    await loadCardInBrowser(this.page, card, pin)
    await this.page.getByTestId('sign-in-card-submit').click()
  }

  /** Types the account and password and presses Enter, as a person at a keyboard would. */
  async signInWithPassword(accountId: string, password: string): Promise<void> {
    await this.openTab('password')
    await field(this.page, 'sign-in-account').fill(accountId)
    const input = field(this.page, 'sign-in-password')
    await input.fill(password)
    await input.press('Enter')
  }
}
