import { expect, test } from '@playwright/test'

test.describe('portal', () => {
  test('the home page sits in the portal layout, in zh-TW by default, and switches to English', async ({ page }) => {
    await page.goto('/')
    await expect(page).toHaveURL(/\/portal$/)
    await expect(page.getByTestId('page-title')).toHaveText('通關專屬憑證服務')
    await expect(page.getByTestId('portal-nav-login')).toBeVisible()
    await page.getByTestId('lang-en').click()
    await expect(page.getByTestId('page-title')).toHaveText('Customs-Dedicated Certificate Services')
  })

})
