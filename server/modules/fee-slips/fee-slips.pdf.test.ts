import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { paperForm } from '../applications/applications.fixtures'
import { approvedApplication } from '../payments/payments.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
const dir = mkdtempSync(path.join(tmpdir(), 'certdesk-pdf-'))
beforeAll(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk.keelung')
})
afterAll(() => {
  t.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Share of dark pixels on a greyscale PGM (P5) page image. */
function inkRatio(pgm: Buffer): number {
  const header = pgm.toString('latin1', 0, 64).match(/^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/)!
  const pixels = pgm.subarray(header[0].length)
  let dark = 0
  for (const p of pixels) if (p < 128) dark++
  return dark / pixels.length
}

describe('the fee slip PDF', () => {
  it('is one A4 page with the CJK font embedded, and the page is not blank', async () => {
    const app = await approvedApplication(t, clerk, await t.login('supervisor.keelung'))
    const res = await t.app.request(`/api/fee-slips/${app.feeSlip.slipNo}/pdf`, { headers: { cookie: clerk.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pdf')
    const file = path.join(dir, 'slip.pdf')
    writeFileSync(file, Buffer.from(await res.arrayBuffer()))
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
    const fonts = execFileSync('pdffonts', [file]).toString()
    expect(fonts).toMatch(/WenQuanYi.*\byes\b/i)
    expect(execFileSync('pdfinfo', [file]).toString()).toMatch(/Pages:\s+1\b[\s\S]*Page size:\s+595\.\d* x 841\.\d*/)
    execFileSync('pdftoppm', ['-gray', '-r', '40', '-f', '1', '-l', '1', file, path.join(dir, 'page')])
    const ratio = inkRatio(readFileSync(path.join(dir, 'page-1.pgm')))
    expect(ratio).toBeGreaterThan(0.01)
    expect(ratio).toBeLessThan(0.5)
  })

  it('is refused for another office\'s slip', async () => {
    const app = await approvedApplication(t, clerk, await t.login('supervisor.keelung'), { ...paperForm, brokerCode: 'A00002', brokerNationalId: 'A298698799' })
    const taipei = await t.login('clerk.taipei')
    expect((await t.app.request(`/api/fee-slips/${app.feeSlip.slipNo}/pdf`, { headers: { cookie: taipei.cookie } })).status).toBe(404)
  })
})
