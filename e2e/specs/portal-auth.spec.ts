import { expect, test, type APIRequestContext } from '@playwright/test'
import { expectAccessible } from '../a11y'
import { PortalLoginPage } from '../pages/portal-login-page'
import { PortalRegisterPage, type PersonData } from '../pages/portal-register-page'
import { field } from '../pages/field'
import { cardAnswer, loadCardInBrowser, openDemoCard, PORTAL_PASSWORD, type DemoCardName } from '../portal-fixtures'

// citizen-1 registers in the browser; citizen-2 is refused for a wrong name; citizen-3 is never registered here.
const wang: PersonData = { email: 'wang.jianmin@example.tw', contactName: '王建民', idNumber: 'A115881394', birthDate: '75/03/12', phone: '0912345678', address: '臺北市中正區重慶南路一段 122 號', password: PORTAL_PASSWORD }
const tsai: PersonData = { email: 'tsai.mingche@example.tw', contactName: '蔡明哲', idNumber: 'C189768466', birthDate: '1980-07-01', phone: '02-25505500', address: '臺北市大同區塔城街 13 號', password: PORTAL_PASSWORD }

/** Registers a person through the API when an earlier test has not already: tests here may run alone. */
async function ensurePersonRegistered(request: APIRequestContext, card: DemoCardName, person: PersonData) {
  const res = await request.post('/api/portal/accounts', {
    data: { category: 'individual', attribute: 'general', ...(await cardAnswer(request, await openDemoCard(card))), ...person, birthDate: '1986-03-12', passwordConfirm: person.password },
  })
  expect([201, 409], await res.text()).toContain(res.status())
}

async function isRegistered(request: APIRequestContext, idNumber: string): Promise<boolean> {
  return (await (await request.get(`/api/portal/accounts/exists?idNumber=${idNumber}`)).json()).exists
}

test.describe('portal sign-in and registration', () => {
  test('a person registers with the citizen card in five steps, then signs in with the card', async ({ page }) => {
    const register = new PortalRegisterPage(page)
    await register.open()
    await expect(register.heading()).toHaveText('步驟 1／5：申請類別')
    await register.chooseCategory('individual')

    await expect(register.heading()).toHaveText('步驟 2／5：憑證檢查')
    await register.loadCard('citizen-1')
    await expect(register.checked()).toContainText('檢查完畢')
    await expect(register.checked()).toContainText('1394')
    // the keyboard goes on from where the PIN was typed
    await expect(page.getByTestId('reg-next')).toBeFocused()
    await page.keyboard.press('Enter')

    await expect(register.heading()).toHaveText('步驟 3／5：基本資料')
    // nothing is judged before it is typed
    await expect(register.anyFieldError()).toHaveCount(0)
    // the card's name is filled in already; the rest is typed
    await expect(register.input('contactName')).toHaveValue('王建民')
    await register.fillPerson(wang)
    await expect(register.input('account-id')).toHaveValue(wang.email)
    await expect(page.getByTestId('reg-birthDate-read')).toContainText('1986-03-12')
    await page.getByTestId('reg-check-exists').click()
    await expect(page.getByTestId('reg-exists-free')).toBeVisible()
    // individuals skip 企業資訊: step 3 sends the registration
    await register.input('passwordConfirm').press('Enter')

    await expect(register.heading()).toHaveText('步驟 5／5：註冊完成')
    await expect(page.getByTestId('reg-done')).toContainText('恭喜您已完成註冊程序。')
    await expect(page.getByTestId('reg-done-account')).toContainText(wang.email)
    await expectAccessible(page, 'register, step 5 (done)')
    // registering does not sign in: the person signs in again, with the card
    await expect(page.getByTestId('portal-user')).toHaveCount(0)
    await page.getByTestId('reg-done-sign-in').click()

    const login = new PortalLoginPage(page)
    await expect(page).toHaveURL(/\/portal\/login$/)
    await login.signInWithCard('citizen-1')
    await expect(page).toHaveURL(/\/portal$/)
    await expect(login.signedInUser()).toContainText('王建民')
  })

  test('a registered card trying to register again is told so and sent home', async ({ page, request }) => {
    await ensurePersonRegistered(request, 'citizen-1', wang)
    const register = new PortalRegisterPage(page)
    await register.open()
    await register.chooseCategory('individual')
    await register.loadCard('citizen-1')
    await expect(register.alreadyRegistered()).toContainText('您已註冊本系統，系統將為您導回首頁')
    await expect(register.checked()).toHaveCount(0)
    await expect(page).toHaveURL(/\/portal$/, { timeout: 10_000 })
  })

  test('a wrong PIN is refused in the browser, before anything is sent', async ({ page }) => {
    const login = new PortalLoginPage(page)
    await login.open()
    await login.openTab('card')
    await loadCardInBrowser(page, 'citizen-3', '654321')
    await expect(page.getByTestId('card-error')).toHaveText('PIN 錯誤')
    await expect(page.getByTestId('sign-in-card-submit')).toHaveCount(0)
  })

  test('an identity that does not match the card shows the field error and creates nothing', async ({ page, request }) => {
    const register = new PortalRegisterPage(page)
    await register.open()
    await register.chooseCategory('individual')
    await register.loadCard('citizen-2')
    await expect(register.checked()).toBeVisible()
    await register.next()
    await register.fillPerson({ ...tsai, contactName: '蔡明澤' })
    await register.next()

    await expect(register.problem()).toContainText('憑證與輸入的資料不符')
    await expect(register.heading()).toHaveText('步驟 3／5：基本資料')
    await expect(register.fieldError('contactName')).toHaveText('姓名與自然人憑證不符')
    await expect(register.input('contactName')).toBeFocused()
    await expect(register.fieldError('idNumber')).toHaveCount(0)
    expect(await isRegistered(request, tsai.idNumber)).toBe(false)
    // the verdict stands until the field changes
    await register.input('contactName').fill('蔡明哲')
    await expect(register.fieldError('contactName')).toHaveCount(0)
  })

  test('an unregistered card signing in is pointed to registration', async ({ page }) => {
    const login = new PortalLoginPage(page)
    await login.open()
    await login.signInWithCard('citizen-3')
    await expect(login.problem('notRegistered')).toContainText('此憑證尚未註冊本系統')
    await page.getByTestId('sign-in-register-link').click()
    await expect(page).toHaveURL(/\/portal\/register$/)
  })

  test('password sign-in works, and a wrong password is refused', async ({ page, request }) => {
    await ensurePersonRegistered(request, 'citizen-1', wang)
    const login = new PortalLoginPage(page)
    await login.open('?redirect=/portal/password')
    await login.signInWithPassword(wang.email, 'Wrong-pass-9')
    await expect(login.problem('invalidCredentials')).toContainText('帳號或密碼錯誤')
    await expect(field(page, 'sign-in-password')).toHaveValue('')

    await login.signInWithPassword(wang.email.toUpperCase(), wang.password)
    await expect(page).toHaveURL(/\/portal\/password$/)
    await expect(login.signedInUser()).toContainText('王建民')
    // a signed-in account does not see the sign-in page again
    await page.goto('/portal/login')
    await expect(page).toHaveURL(/\/portal$/)
  })

  test('a signed-in person changes the password, with the rule shown and a wrong current password refused', async ({ page, request }) => {
    await ensurePersonRegistered(request, 'citizen-1', wang)
    const login = new PortalLoginPage(page)
    await login.open('?tab=password&redirect=/portal/password')
    await login.signInWithPassword(wang.email, wang.password)
    await expect(page).toHaveURL(/\/portal\/password$/)
    await expect(page.locator('#portal-password-rule')).toContainText('大寫英文至少1碼')

    const change = async (current: string, next: string) => {
      await field(page, 'portal-password-current').fill(current)
      await field(page, 'portal-password-new').fill(next)
      await field(page, 'portal-password-confirm').fill(next)
      await page.getByTestId('portal-password-submit').click()
    }
    await change('Not-the-pass-1', 'Portal-pass-2')
    await expect(page.getByText('目前密碼不正確')).toBeVisible()
    await change(wang.password, 'Portal-pass-2')
    await expect(page.getByText('密碼已變更')).toBeVisible()
    // the new session still works, and the password is put back for the other tests
    await expect(field(page, 'portal-password-current')).toHaveValue('')
    await change('Portal-pass-2', wang.password)
    await expect(field(page, 'portal-password-current')).toHaveValue('')
    const res = await request.post('/api/portal/auth/login/password', { data: { accountId: wang.email, password: wang.password } })
    expect(res.status()).toBe(200)
  })
})
