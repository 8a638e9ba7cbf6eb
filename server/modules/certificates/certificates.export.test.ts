import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { download, exportAudits } from '../../lib/export/export.fixtures'
import { createTestApp, type Session } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let auditor: Session
beforeAll(async () => {
  t = await createTestApp()
  auditor = await t.login('auditor')
  const insert = t.sqlite.prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, broker_code, office_code, status, not_before, not_after, revoked_at, revocation_reason, created_at)
    values (?, 'customs', ?, ?, '61611290', ?, ?, ?, '2025-01-01T00:00:00.000Z', ?, ?, ?, '2025-01-01T00:00:00.000Z')`)
  insert.run('0a01', 'corporate', 'C=TW, O=Finance, CN=61611290-01-000', null, 'CA', 'valid', '2026-12-10T00:00:00.000Z', null, null)
  insert.run('0a02', 'personal', 'C=TW, CN=61611290-C00001-000', 'C00001', 'CA', 'suspended', '2027-01-10T00:00:00.000Z', null, null)
  insert.run('0a03', 'corporate', '+CN=odd', null, 'CA', 'revoked', '2026-12-01T00:00:00.000Z', '2026-06-30T16:00:00.000Z', 'keyCompromise')
  insert.run('0a04', 'corporate', 'C=TW, CN=52111891-01-000', null, 'AA', 'valid', '2027-03-01T00:00:00.000Z', null, null)
  insert.run('0a05', 'corporate', 'C=TW, CN=52111891-02-000', null, 'AA', 'valid', '2026-12-01T00:00:00.000Z', null, null)
})
afterAll(() => t.close())

/** Every page of the list, walked with its cursor: what an export of the same filters must hold. */
async function allPages(query: string, as: Session): Promise<string[]> {
  const out: string[] = []
  let cursor = ''
  do {
    const page = await t.call('GET', `/api/certificates?${query}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, { as })
    out.push(...page.json.items.map((i: { serialHex: string }) => i.serialHex))
    cursor = page.json.nextCursor ?? ''
  } while (cursor)
  return out
}

describe('GET /api/certificates/export', () => {
  it('holds every page of the list, in its order: expiry merged across statuses, either way round, or by serial', async () => {
    for (const query of ['sort=notAfter&order=asc', 'sort=notAfter&order=desc', 'sort=serial&order=asc', 'status=valid&order=desc']) {
      const res = await download(t, `/api/certificates/export?${query}&columns=serialHex`, auditor)
      expect(res.rows.slice(1).map((r) => r[0]), query).toEqual(await allPages(query, auditor))
    }
    const asc = await download(t, '/api/certificates/export?columns=serialHex', auditor)
    // 0a03 and 0a05 expire at the same instant: the id breaks the tie, as in the list
    expect(asc.rows.slice(1).map((r) => r[0])).toEqual(['0a03', '0a05', '0a01', '0a02', '0a04'])
  })

  it('writes names, Taipei times (ROC on request) and the revocation, with a leading + defused', async () => {
    const res = await download(t, '/api/certificates/export?q=0a03&rocDates=true', auditor)
    expect(res.rows).toEqual([
      ['憑證序號', '憑證種類', '主體名稱', '統一編號', '專責報關人員代碼', '關別', '狀態', '生效時間', '到期時間', '廢止時間', '廢止原因'],
      ['0a03', '法人', "'+CN=odd", '61611290', '', 'CA', '已廢止', '114/01/01 08:00:00', '115/12/01 08:00:00', '115/07/01 00:00:00', '金鑰洩漏'],
    ])
  })

  it('keeps to the office of the user, as the registry does', async () => {
    const keelung = await t.login('clerk.keelung')
    expect((await download(t, '/api/certificates/export?columns=serialHex', keelung)).rows.slice(1)).toEqual([['0a05'], ['0a04']])
    expect((await download(t, '/api/certificates/export?columns=serialHex&officeCode=CA', keelung)).rows).toEqual([['憑證序號']])
    expect((await download(t, '/api/certificates/export?columns=serialHex&officeCode=AA', auditor)).rows.length).toBe(3)
  })

  it('writes an XLSX file that Excel readers open, with the same rows and the header in English when asked', async () => {
    const res = await download(t, '/api/certificates/export?format=xlsx&status=valid&columns=serialHex,officeCode,notAfter', auditor, { 'accept-language': 'en' })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="certificates-20261120.xlsx"')
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(res.bytes) as unknown as ExcelJS.Buffer)
    const sheet = book.worksheets[0]!
    expect(sheet.name).toBe('Certificates')
    expect(sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1))).toEqual([
      ['Serial', 'Office', 'Expires'],
      ['0a05', 'AA', '2026-12-01 08:00:00'],
      ['0a01', 'CA', '2026-12-10 08:00:00'],
      ['0a04', 'AA', '2027-03-01 08:00:00'],
    ])
    expect(exportAudits(t).at(-1)).toMatchObject({ action: 'export.finished', entityId: 'certificates', after: { format: 'xlsx', rows: 3, filters: { status: 'valid' } } })
  })

  it('refuses unknown filters and columns, and callers without a staff session', async () => {
    expect((await download(t, '/api/certificates/export?serial=0a01', auditor)).json.error.fieldErrors).toEqual({ serial: '不接受此欄位' })
    expect((await download(t, '/api/certificates/export?columns=der', auditor)).json.error.fieldErrors).toEqual({ columns: '沒有這個欄位：der' })
    expect((await t.app.request('/api/certificates/export')).status).toBe(401)
  })
})
