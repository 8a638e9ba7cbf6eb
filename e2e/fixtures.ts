import { test as base, expect, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test'
import { ConsoleShell } from './pages/console-shell'
import { LoginPage } from './pages/login-page'

export const DEMO_PASSWORD = 'Certdesk-demo-1'

/** Seeds through the API, as a real admin would: signs in, then calls with the CSRF token. */
export class AdminApi {
  private csrf = ''
  constructor(
    private readonly request: APIRequestContext,
    private readonly playwright: PlaywrightWorkerArgs['playwright'],
    private readonly baseURL: string,
  ) {}

  async signIn(): Promise<void> {
    const res = await this.request.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })
    expect(res.status()).toBe(200)
    this.csrf = (await res.json()).csrfToken
  }

  /** Creates a staff account and sets its own password, so it can sign in without the forced change. */
  async createStaff(username: string, officeCode: string, roles: string[], password: string): Promise<void> {
    const created = await this.request.post('/api/staff', {
      headers: { 'x-csrf-token': this.csrf },
      data: { username, displayName: `測試${username}`, officeCode, roles },
    })
    expect(created.status()).toBe(201)
    const { temporaryPassword } = await created.json()
    const ctx = await this.playwright.request.newContext({ baseURL: this.baseURL })
    const login = await ctx.post('/api/auth/login', { data: { username, password: temporaryPassword } })
    const { csrfToken } = await login.json()
    const changed = await ctx.post('/api/auth/password', { headers: { 'x-csrf-token': csrfToken }, data: { currentPassword: temporaryPassword, newPassword: password } })
    expect(changed.status()).toBe(200)
    await ctx.dispose()
  }

  async get(path: string): Promise<unknown> {
    const res = await this.request.get(path)
    expect(res.status(), path).toBe(200)
    return res.json()
  }

  /** Changes an account's display name behind the browser's back, as a second admin would. */
  async renameStaff(username: string, displayName: string): Promise<void> {
    const list = await this.request.get(`/api/staff?q=${encodeURIComponent(username)}`)
    const staff = (await list.json()).items[0]
    const res = await this.request.patch(`/api/staff/${staff.id}`, {
      headers: { 'x-csrf-token': this.csrf },
      data: { displayName, email: staff.email, officeCode: staff.officeCode, roles: staff.roles, version: staff.version },
    })
    expect(res.status()).toBe(200)
  }
}

export const test = base.extend<{ loginPage: LoginPage; shell: ConsoleShell; adminApi: AdminApi }>({
  loginPage: async ({ page }, use) => use(new LoginPage(page)),
  shell: async ({ page }, use) => use(new ConsoleShell(page)),
  adminApi: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({ baseURL })
    const api = new AdminApi(request, playwright, baseURL!)
    await api.signIn()
    await use(api)
    await request.dispose()
  },
})

export { expect }
