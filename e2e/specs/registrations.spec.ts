import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { PlaywrightWorkerArgs } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { loadCardInBrowser, PORTAL_PASSWORD, registerCompanyViaApi } from '../portal-fixtures'
import { RegistrationsPage } from '../pages/registrations-page'

// The demo database holds a customs corporate certificate of 82656552 (server/lib/demo-certificates.ts).
const UBN = '82656552'

/** The firm's corporate .cer as the registry's staff download gives it, written where the browser can pick it. */
async function corporateCer(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, dir: string): Promise<{ serialHex: string; cerPath: string }> {
  const staff = await playwright.request.newContext({ baseURL })
  expect((await staff.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).status()).toBe(200)
  const { items } = (await (await staff.get(`/api/certificates?ubn=${UBN}`)).json()) as { items: { serialHex: string; kind: string }[] }
  const serialHex = items.find((c) => c.kind === 'corporate')!.serialHex
  const cer = await staff.get(`/api/certificates/${serialHex}/download.cer`)
  expect(cer.status()).toBe(200)
  mkdirSync(dir, { recursive: true })
  const cerPath = path.join(dir, `${UBN}.cer`)
  writeFileSync(cerPath, await cer.body())
  await staff.dispose()
  return { serialHex, cerPath }
}

test.describe('通關憑證註冊 and 通關憑證查詢', () => {
  test('a signed-in company imports its customs .cer, finds it in the query table and deletes it', async ({ page, request, playwright, baseURL }) => {
    // Seeding through the API: the company's account (its demo card, opened in Node) and the .cer as staff download it.
    await registerCompanyViaApi(request, UBN)
    const { serialHex, cerPath } = await corporateCer(playwright, baseURL!, test.info().outputDir)

    // The portal sign-in page is another workflow's: sign in through the API in the browser's own context.
    const login = await page.request.post('/api/portal/auth/login/password', { data: { accountId: UBN, password: PORTAL_PASSWORD } })
    expect(login.status()).toBe(200)
    await page.goto('/portal')
    await expect(page.getByTestId('portal-user')).toContainText(UBN)

    const registrations = new RegistrationsPage(page)
    await registrations.openNew()
    await expect(registrations.title()).toHaveText('通關憑證註冊')
    await registrations.uploadCer('customs-broker', cerPath)
    await expect(registrations.success()).toContainText('主憑證匯入成功')

    // The same file again is a duplicate, said plainly.
    await registrations.uploadCer('customs-broker', cerPath)
    await expect(registrations.failure()).toContainText('此憑證已註冊於統一編號 82656552')

    await registrations.search(UBN)
    await expect(registrations.title()).toHaveText('通關憑證查詢')
    await expect(registrations.rows().first()).toContainText('登入')
    await expect(registrations.signingRows()).toHaveCount(1)
    await expect(registrations.signingRows()).toContainText(serialHex.toUpperCase())
    await expect(registrations.signingRows()).toContainText('非IC卡類憑證')
    await expect(registrations.signingRows()).toContainText('通關專屬法人憑證')

    await registrations.deleteRow(serialHex)
    await expect(registrations.signingRows()).toHaveCount(0)
    await expect(registrations.rows()).toHaveCount(1)
  })

  test('a company loads its 工商憑證 card (IC) in the browser and registers it; in English too', async ({ page, request }) => {
    await registerCompanyViaApi(request, '61611290')
    expect((await page.request.post('/api/portal/auth/login/password', { data: { accountId: '61611290', password: PORTAL_PASSWORD } })).status()).toBe(200)
    await page.goto('/portal')
    await page.getByTestId('lang-en').click()
    const registrations = new RegistrationsPage(page)
    await registrations.openNew()
    await expect(registrations.title()).toHaveText('Register a signing certificate')
    await page.getByTestId('use-type-warehouse').click()
    await page.getByTestId('form-ic').click()
    await loadCardInBrowser(page, 'company-61611290')
    await expect(page.getByTestId('card-loaded')).toBeVisible()
    await page.getByTestId('registration-submit').click()
    await expect(registrations.success()).toContainText('Primary certificate imported')
    await page.getByTestId('registration-to-query').click()
    await expect(registrations.rows()).toHaveCount(2)
    await expect(registrations.rows().nth(1)).toContainText('Smart card')
    await expect(registrations.rows().nth(1)).toContainText('Signing')
  })
})
