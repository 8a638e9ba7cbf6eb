import type { Page } from '@playwright/test'

export const MENU_ITEMS = ['dashboard', 'lookup', 'applications', 'applications-new', 'certificates', 'payments', 'broker-records', 'reassignments', 'bindings', 'staff', 'audit', 'mail', 'helpdesk', 'password'] as const

export class ConsoleShell {
  constructor(private readonly page: Page) {}

  readonly userName = () => this.page.getByTestId('header-user')
  readonly office = () => this.page.getByTestId('header-office')
  readonly roles = () => this.page.getByTestId('header-roles')
  readonly title = () => this.page.getByTestId('page-title')
  readonly menu = (item: (typeof MENU_ITEMS)[number]) => this.page.getByTestId(`menu-${item}`)

  async visibleMenu(): Promise<string[]> {
    const shown: string[] = []
    for (const item of MENU_ITEMS) if (await this.menu(item).isVisible()) shown.push(item)
    return shown
  }

  async switchLanguage(lang: 'zh-TW' | 'en'): Promise<void> {
    await this.page.getByTestId('lang-switch').click()
    await this.page.getByTestId(`lang-${lang}`).click()
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('logout').click()
  }
}
