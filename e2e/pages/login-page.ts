import type { Page } from '@playwright/test'
import { field } from './field'

export class LoginPage {
  constructor(private readonly page: Page) {}

  readonly error = () => this.page.getByTestId('login-error')

  async open(): Promise<void> {
    await this.page.goto('/console/login')
  }

  /** Types the credentials and presses Enter, as a clerk at a keyboard would. */
  async signIn(username: string, password: string): Promise<void> {
    await field(this.page, 'login-username').fill(username)
    const pw = field(this.page, 'login-password')
    await pw.fill(password)
    await pw.press('Enter')
  }

  /** Signs in and waits until the console shows the user, so the next navigation has a session. */
  async signInAs(username: string, password: string): Promise<void> {
    await this.signIn(username, password)
    await this.page.getByTestId('header-user').waitFor()
  }
}
