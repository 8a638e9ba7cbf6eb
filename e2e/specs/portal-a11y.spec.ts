import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { expectAccessible } from '../a11y'
import { PortalLoginPage } from '../pages/portal-login-page'
import { PortalRegisterPage, type CompanyData } from '../pages/portal-register-page'
import { PORTAL_PASSWORD, registerCompanyViaApi, type DemoCardName } from '../portal-fixtures'

/**
 * Every portal page, scanned by axe as it first shows (docs/decisions/0010). Add yours here when you add a
 * portal page: `signedIn` opens it as the company account 82656552 (company pages work for it too).
 * Pages with steps or states a plain visit cannot reach get their own test below.
 */
const portalPages: { name: string; path: string; signedIn?: boolean }[] = [
  { name: 'home', path: '/portal' },
  { name: 'sign-in, certificate tab', path: '/portal/login' },
  { name: 'sign-in, account tab', path: '/portal/login?tab=password' },
  { name: 'register, step 1', path: '/portal/register' },
  { name: 'change password', path: '/portal/password', signedIn: true },
  { name: 'register a signing certificate', path: '/portal/registrations/new', signedIn: true },
  { name: 'certificate query', path: '/portal/registrations', signedIn: true },
  { name: 'online applications', path: '/portal/applications', signedIn: true },
  { name: 'new online application', path: '/portal/applications/new', signedIn: true },
  { name: 'ask for certificate sign-in (binding)', path: '/portal/bindings', signedIn: true },
  { name: 'bind a card with the code', path: '/portal/bindings/bind' },
  { name: 'reset password from a mailed link', path: '/portal/reset-password?token=x' },
]

const SIGNED_IN_UBN = '82656552'

async function signInAsCompany(page: Page, request: APIRequestContext) {
  await registerCompanyViaApi(request, SIGNED_IN_UBN)
  const res = await page.request.post('/api/portal/auth/login/password', { data: { accountId: SIGNED_IN_UBN, password: PORTAL_PASSWORD } })
  expect(res.status(), await res.text()).toBe(200)
}

/** The first card of the list whose holder has no account yet: other specs in the same run may register some. */
async function unregisteredCard<T extends { card: DemoCardName; query: string }>(request: APIRequestContext, candidates: T[]): Promise<T | undefined> {
  for (const candidate of candidates) if (!(await (await request.get(`/api/portal/accounts/exists?${candidate.query}`)).json()).exists) return candidate
  return undefined
}

test.describe('portal accessibility (axe, WCAG 2 A/AA, serious and critical fail)', () => {
  for (const { name, path, signedIn } of portalPages) {
    test(name, async ({ page, request }) => {
      if (signedIn) await signInAsCompany(page, request)
      await page.goto(path)
      await expect(page).toHaveURL(new RegExp(`${path.split('?')[0]}(\\?|$)`))
      await page.getByTestId('page-title').waitFor()
      await expectAccessible(page, name)
    })
  }

  test('sign-in with a failure shown', async ({ page }) => {
    const login = new PortalLoginPage(page)
    await login.open('?tab=password')
    await login.signInWithPassword('nobody@example.tw', 'Wrong-pass-9')
    await expect(login.problem('invalidCredentials')).toBeVisible()
    await expectAccessible(page, 'sign-in, wrong password')
  })

  test('register, a person: steps 2 and 3, with errors shown', async ({ page, request }) => {
    const person = await unregisteredCard(request, [
      { card: 'citizen-3' as const, query: 'idNumber=K227317784' },
      { card: 'citizen-2' as const, query: 'idNumber=C189768466' },
    ])
    // the specs are ordered so that one demo citizen is still free here; if none is, say so rather than skip
    expect(person, 'a demo citizen without an account').toBeDefined()
    const register = new PortalRegisterPage(page)
    await register.open()
    await register.chooseCategory('individual')
    await expectAccessible(page, 'register, step 2')
    await register.loadCard(person!.card)
    await expect(register.checked()).toBeVisible()
    await expectAccessible(page, 'register, step 2 checked')
    await register.next()
    await expect(register.heading()).toContainText('3')
    await expectAccessible(page, 'register, step 3 (person)')
    await register.input('email').fill('not an e-mail')
    await register.next()
    await expect(register.fieldError('email')).toBeVisible()
    await expectAccessible(page, 'register, step 3 with errors')
  })

  test('register, a company: steps 3 and 4', async ({ page, request }) => {
    const choice = await unregisteredCard(request, [
      { card: 'company-61611290' as const, query: 'accountId=61611290' },
      { card: 'company-52111891' as const, query: 'accountId=52111891' },
    ])
    expect(choice, 'a demo company without an account').toBeDefined()
    const ubn = choice!.card.slice('company-'.length)
    const data: CompanyData = {
      ubn, email: `a11y-${ubn}@example.tw`, contactName: '陳小明', phone: '02-25505500', address: '臺北市大同區塔城街 13 號', password: PORTAL_PASSWORD,
      companyName: '測試公司', representative: '林大同', companyPhone: '02-24202951', companyAddress: '基隆市中正區港西街 6 號',
    }
    const register = new PortalRegisterPage(page)
    await register.open()
    await register.chooseCategory('company', 'customs-broker')
    await register.loadCard(choice!.card)
    await expect(register.checked()).toBeVisible()
    await register.next()
    await expectAccessible(page, 'register, step 3 (company)')
    await register.fillCompanyBasic(data)
    await register.next()
    await expect(register.heading()).toContainText('4')
    await expectAccessible(page, 'register, step 4')
  })
})
