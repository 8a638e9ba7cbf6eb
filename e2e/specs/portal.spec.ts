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

// Console chunks, by the file names Vite gives them (one chunk per page or component file).
const CONSOLE_CHUNK = /^(Console|Dashboard|Staff|Audit|Mail|BrokerRecords|Certificate|Payments|Lookup|Reassignment|Helpdesk(?!ResetPassword)|Application(?!sPortal)|Auth(Login|Password)Page|BindingsList)/

test('portal pages never download console code', async ({ page }) => {
  const scripts: string[] = []
  page.on('request', (req) => {
    if (req.resourceType() === 'script') scripts.push(new URL(req.url()).pathname.split('/').pop()!)
  })
  for (const path of ['/portal', '/portal/login', '/portal/register', '/portal/bindings/bind', '/portal/reset-password?token=x']) {
    await page.goto(path)
    await page.getByTestId('page-title').waitFor()
  }
  expect(scripts.length).toBeGreaterThan(3)
  expect(scripts.filter((name) => CONSOLE_CHUNK.test(name))).toEqual([])
  // and the check would see one: the console's sign-in page loads its own chunk
  await page.goto('/console/login')
  await page.getByTestId('page-title').waitFor()
  expect(scripts.some((name) => CONSOLE_CHUNK.test(name))).toBe(true)
})
