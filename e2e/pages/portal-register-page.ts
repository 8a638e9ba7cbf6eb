import type { Page } from '@playwright/test'
import { loadCardInBrowser, type DemoCardName } from '../portal-fixtures'
import { field } from './field'

export interface PersonData {
  email: string
  contactName: string
  idNumber: string
  birthDate: string
  phone: string
  address: string
  password: string
}

export interface CompanyData {
  ubn: string
  email: string
  contactName: string
  phone: string
  address: string
  password: string
  companyName: string
  representative: string
  companyPhone: string
  companyAddress: string
}

/** The five-step registration page (seed 001). */
export class PortalRegisterPage {
  constructor(private readonly page: Page) {}

  readonly heading = () => this.page.getByTestId('reg-step-heading')
  readonly problem = () => this.page.getByTestId('reg-problem')
  readonly checked = () => this.page.getByTestId('reg-card-checked')
  readonly alreadyRegistered = () => this.page.getByTestId('reg-already-registered')
  readonly input = (name: string) => field(this.page, `reg-${name}`)
  /** the error shown under a field */
  readonly fieldError = (name: string) => this.page.getByTestId(`reg-${name}-error`)
  readonly anyFieldError = () => this.page.locator('.field-error')

  async open(): Promise<void> {
    await this.page.goto('/portal/register')
    await this.heading().waitFor()
  }

  async next(): Promise<void> {
    await this.page.getByTestId('reg-next').click()
  }

  /** Step 1: the category and the attribute. */
  async chooseCategory(category: 'individual' | 'company', attribute = 'general'): Promise<void> {
    await this.page.getByTestId(`reg-category-${category}`).click()
    await this.page.getByTestId(`reg-attribute-${attribute}`).click()
    await this.next()
  }

  /** Step 2: the card file is chosen, the PIN typed; the server's check follows by itself. */
  async loadCard(card: DemoCardName, pin?: string): Promise<void> {
    await loadCardInBrowser(this.page, card, pin)
  }

  /** Step 3 for a person; the account id fills itself from the e-mail. */
  async fillPerson(data: PersonData): Promise<void> {
    for (const name of ['email', 'contactName', 'idNumber', 'birthDate', 'phone', 'address'] as const) await this.input(name).fill(data[name])
    await this.input('password').fill(data.password)
    await this.input('passwordConfirm').fill(data.password)
  }

  /** Step 3 for a company. */
  async fillCompanyBasic(data: CompanyData): Promise<void> {
    for (const name of ['ubn', 'email', 'contactName', 'phone', 'address'] as const) await this.input(name).fill(data[name])
    await this.input('password').fill(data.password)
    await this.input('passwordConfirm').fill(data.password)
  }

  /** Step 4, companies only. */
  async fillCompanyData(data: CompanyData): Promise<void> {
    for (const name of ['companyName', 'representative', 'companyPhone', 'companyAddress'] as const) await this.input(name).fill(data[name])
  }
}
