import type { APIRequestContext } from '@playwright/test'
import { DEMO_PASSWORD, expect, test } from '../fixtures'
import { CertificatesPage } from '../pages/certificates-page'

/** The customs CRL's DER: it must be one (a SEQUENCE), and we look for the serial's bytes in it. */
async function crlDer(request: APIRequestContext): Promise<Buffer> {
  const res = await request.get('/crl/customs.crl')
  expect(res.status()).toBe(200)
  expect(res.headers()['content-type']).toBe('application/pkix-crl')
  const der = Buffer.from(await res.body())
  expect(der[0]).toBe(0x30)
  return der
}

// The demo database holds two customs certificates (server/lib/demo-certificates.ts): 52111891's broker A00001 in Keelung.
test.describe('the certificate registry', () => {
  test('a supervisor finds the Keelung certificate by UBN, holds it onto the CRL and releases it off again', async ({ page, loginPage }) => {
    const certificates = new CertificatesPage(page)
    await loginPage.open()
    await loginPage.signInAs('supervisor.keelung', DEMO_PASSWORD)
    await page.getByTestId('menu-certificates').click()
    await expect(page.getByTestId('page-title')).toHaveText('憑證管理')

    await certificates.search('52111891')
    await expect(certificates.rows()).toHaveCount(1)
    await expect(certificates.table()).toContainText('A00001')
    await expect(certificates.table()).toContainText('民國 ')
    const serial = (await certificates.rows().innerText()).trim()
    await certificates.rows().click()
    await expect(certificates.detail()).toContainText(serial)
    await expect(certificates.status()).toHaveAttribute('data-status', 'valid')
    const bytes = Buffer.from(serial, 'hex')
    expect((await crlDer(page.request)).includes(bytes)).toBe(false)

    await certificates.act('hold', '業者通報金鑰可能外洩，先行暫禁')
    await expect(certificates.status()).toHaveAttribute('data-status', 'suspended')
    await expect(certificates.timeline().getByTestId('timeline-held')).toContainText('業者通報金鑰可能外洩')
    expect((await crlDer(page.request)).includes(bytes)).toBe(true)

    await certificates.act('release', '確認未外洩')
    await expect(certificates.status()).toHaveAttribute('data-status', 'valid')
    await expect(certificates.timeline().getByTestId('timeline-released')).toBeVisible()
    expect((await crlDer(page.request)).includes(bytes)).toBe(false)
  })

  test('a clerk sees the certificate and its download, but no supervisor actions; another office finds nothing', async ({ page, loginPage }) => {
    const certificates = new CertificatesPage(page)
    await loginPage.open()
    await loginPage.signInAs('clerk.keelung', DEMO_PASSWORD)
    await certificates.search('A00001')
    await certificates.rows().click()
    await expect(certificates.detail()).toContainText('52111891')
    await expect(page.getByTestId('certificate-download')).toHaveAttribute('href', /\/download\.cer$/)
    await expect(certificates.action('hold')).toHaveCount(0)
    await expect(certificates.action('revoke')).toHaveCount(0)

    await page.getByTestId('logout').click()
    await loginPage.signInAs('clerk.taipei', DEMO_PASSWORD)
    await certificates.search('52111891')
    await expect(certificates.table()).toContainText('查無符合條件的憑證')
    await expect(certificates.rows()).toHaveCount(0)
  })
})
