import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { field } from '../pages/field'
import { LoginPage } from '../pages/login-page'

test('one search box finds a broker by code; the ID shows masked, and in full only with a reason', async ({ page }) => {
  await new LoginPage(page).open()
  await new LoginPage(page).signInAs('clerk.keelung', DEMO_PASSWORD)
  await page.getByTestId('menu-lookup').click()
  await field(page, 'lookup-search').fill('a00001')
  await page.getByTestId('lookup-submit').click()
  // one match opens its page directly
  await expect(page).toHaveURL(/\/console\/lookup\/people\/broker%3AA00001$/)
  await expect(page.getByTestId('page-title')).toHaveText('王建民（A00001）')
  await expect(page.getByTestId('value-idNumber')).toHaveText('A11****394')
  await expect(page.getByTestId('lookup-appointments')).toContainText('52111891')
  await page.getByTestId('reveal-idNumber').click()
  await page.locator('.el-message-box input').fill('來電核對')
  await page.locator('.el-message-box').getByRole('button', { name: '顯示完整內容' }).click()
  await expect(page.getByTestId('value-idNumber')).toHaveText('A115881394')

  await page.goto('/console/lookup?q=52111891')
  await expect(page).toHaveURL(/\/console\/lookup\/firms\/52111891$/)
  await expect(page.getByTestId('page-title')).toContainText('基隆港通報關股份有限公司')
})
