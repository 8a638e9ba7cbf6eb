import { DEMO_PASSWORD, expect, test } from '../fixtures'

test.describe('staff sign-in', () => {
  test('a clerk signs in, sees the clerk menu and their office, and signs out', async ({ page, loginPage, shell }) => {
    await loginPage.open()
    await loginPage.signIn('clerk.keelung', DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/console\/?$/)
    await expect(shell.userName()).toHaveText('陳怡安')
    await expect(shell.office()).toHaveText('基隆關')
    await expect(shell.roles()).toHaveText('承辦人')
    expect(await shell.visibleMenu()).toEqual(['dashboard', 'lookup', 'applications', 'applications-new', 'certificates', 'payments', 'broker-records', 'reassignments', 'bindings', 'password'])
    await shell.signOut()
    await expect(page).toHaveURL(/\/console\/login/)
    await page.goto('/console')
    await expect(page).toHaveURL(/\/console\/login/)
  })

  test('the admin sees the admin menu and the real counts, and switches the language', async ({ page, loginPage, shell }) => {
    await loginPage.open()
    await loginPage.signIn('admin', DEMO_PASSWORD)
    await expect(shell.title()).toHaveText('儀表板')
    expect(await shell.visibleMenu()).toEqual(['dashboard', 'lookup', 'applications', 'certificates', 'payments', 'broker-records', 'staff', 'audit', 'mail', 'password'])
    // The cards show what the database holds now (other specs add firms and staff), as the API reports it.
    const counts = await (await page.request.get('/api/dashboard')).json()
    expect(counts.firms).toBeGreaterThanOrEqual(8)
    await expect(page.getByTestId('dashboard-card-firms')).toContainText(counts.firms.toLocaleString('en-US'))
    await expect(page.getByTestId('dashboard-card-staffActive')).toContainText(counts.staffActive.toLocaleString('en-US'))

    await shell.switchLanguage('en')
    await expect(shell.title()).toHaveText('Dashboard')
    await expect(shell.menu('staff')).toContainText('Staff')
    await expect(shell.roles()).toHaveText('Administrator')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.reload()
    await expect(shell.title()).toHaveText('Dashboard')
    await shell.switchLanguage('zh-TW')
    await expect(shell.title()).toHaveText('儀表板')
  })

  test('a wrong password shows an error, and the sixth attempt is locked', async ({ loginPage, adminApi }) => {
    await adminApi.createStaff('lockout.victim', 'CA', ['clerk'], 'Victim-pass1')
    await loginPage.open()
    for (let i = 1; i <= 5; i++) {
      await loginPage.signIn('lockout.victim', `Wrong-pass${i}`)
      await expect(loginPage.error()).toContainText('帳號或密碼錯誤')
    }
    await loginPage.signIn('lockout.victim', 'Victim-pass1')
    await expect(loginPage.error()).toContainText('帳號已鎖定')
    await expect(loginPage.error()).toContainText('15')
  })

  test('a clerk who opens an admin page gets the 403 page; an unknown page gets the 404 page', async ({ page, loginPage }) => {
    await loginPage.open()
    await loginPage.signInAs('clerk.taipei', DEMO_PASSWORD)
    await page.goto('/console/staff')
    await expect(page.getByTestId('forbidden-page')).toBeVisible()
    await page.goto('/console/no-such-page')
    await expect(page.getByTestId('not-found-page')).toBeVisible()
  })
})
