import { gzipSync } from 'node:zlib'
import { chromium } from '@playwright/test'

/**
 * (d) The JavaScript a first visit downloads before anyone clicks, gzip-compressed as a server would send it:
 * the console's sign-in page and the portal's home page, loaded in Chromium with an empty cache.
 */
export async function benchBundles(baseUrl: string) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const measure = async (path: string) => {
      const page = await browser.newPage()
      const scripts: Promise<number>[] = []
      page.on('response', (res) => {
        if (res.request().resourceType() === 'script') scripts.push(res.body().then((body) => gzipSync(body, { level: 9 }).length))
      })
      await page.goto(baseUrl + path, { waitUntil: 'networkidle' })
      const sizes = await Promise.all(scripts)
      await page.close()
      return { path, files: sizes.length, kb: sizes.reduce((a, b) => a + b, 0) / 1024 }
    }
    const consoleJs = await measure('/console/login')
    const portalJs = await measure('/portal')
    console.log('(d) initial JavaScript, gzip:')
    console.log(`  console (${consoleJs.path}): ${consoleJs.kb.toFixed(1)} KB in ${consoleJs.files} files (target ≤ 200 KB)`)
    console.log(`  portal (${portalJs.path}): ${portalJs.kb.toFixed(1)} KB in ${portalJs.files} files (target ≤ 150 KB)`)
    return { console: { ...consoleJs, targetKb: 200 }, portal: { ...portalJs, targetKb: 150 } }
  } finally {
    await browser.close()
  }
}
