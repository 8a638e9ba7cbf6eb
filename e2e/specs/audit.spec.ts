import { DEMO_PASSWORD, expect, test } from '../fixtures'

test('the auditor reads the trail, opens an entry and verifies the chain', async ({ page, loginPage }) => {
  await loginPage.open()
  await loginPage.signIn('auditor', DEMO_PASSWORD)
  await page.getByTestId('menu-audit').click()
  await expect(page.getByTestId('page-title')).toHaveText('稽核軌跡')
  const table = page.getByTestId('audit-table')
  await expect(table).toContainText('auth.login')
  await expect(page.getByTestId('audit-roc-date').first()).toContainText(/民國 1\d\d\/\d\d\/\d\d/)
  // the first page counts the trail (decision 0016)
  await expect(page.getByTestId('list-total')).toHaveText(/^共 [\d,]+ 筆$/)

  await page.getByTestId('audit-verify').click()
  await expect(page.getByTestId('audit-verify-result')).toContainText('稽核鏈完整')

  await page.getByTestId('audit-row-link').first().click()
  await expect(page.getByTestId('page-title')).toContainText('#')
  await expect(page.getByTestId('audit-hash')).toHaveText(/^[0-9a-f]{64}$/)
})
