import { createHash } from 'node:crypto'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'

let t: Awaited<ReturnType<typeof createTestApp>>
let admin: Session
beforeEach(async () => {
  t = await createTestApp()
  admin = await t.login('admin')
})
afterEach(() => t.close())

/** Posts a CSV as the browser does: multipart form data with the session cookie and CSRF token. */
async function upload(as: Session, kind: string, content: string | Uint8Array<ArrayBuffer>, opts: { dryRun?: boolean; name?: string } = {}) {
  const form = new FormData()
  form.set('kind', kind)
  form.set('file', new File([content], opts.name ?? `${kind}.csv`, { type: 'text/csv' }))
  if (opts.dryRun) form.set('dryRun', 'true')
  const res = await t.app.request('/api/broker-records/import', {
    method: 'POST',
    body: form,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'accept-language': 'en' },
  })
  return { status: res.status, json: await res.json() }
}

const count = (table: string) => (t.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n
const lastAudit = () => t.sqlite.prepare('select * from audit_log order by id desc limit 1').get() as Record<string, string>
const firm = (ubn: string) => t.sqlite.prepare('select * from firms where ubn = ?').get(ubn) as Record<string, string | null> | undefined
const FIRMS_HEADER = 'ubn,name,representative,address,phone,office_code,box_no'

describe('CSV import of firms', () => {
  it('imports a file with a BOM, CRLF and quoted fields, with one audit row naming the file and its hash', async () => {
    const csv = `\uFEFF${FIRMS_HEADER}\r\n24680132,"港都物流, 股份有限公司",陳大同,"高雄市 ""前鎮區"" 1 號",07-3310000,BA,H99\r\n13579139,新北報關有限公司,,,,CA,\r\n`
    const bytes = new TextEncoder().encode(csv)
    const before = count('audit_log')
    const res = await upload(admin, 'firms', bytes, { name: '業者-202611.csv' })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({
      kind: 'firms', fileName: '業者-202611.csv', sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length, rows: 2, inserted: 2, updated: 0, unchanged: 0, dryRun: false,
    })
    expect(firm('24680132')).toMatchObject({ name: '港都物流, 股份有限公司', address: '高雄市 "前鎮區" 1 號', office_code: 'BA', box_no: 'H99', phone: '07-3310000' })
    expect(firm('13579139')).toMatchObject({ representative: null, phone: null, box_no: null })
    expect(count('audit_log')).toBe(before + 1)
    const audit = lastAudit()
    expect(audit).toMatchObject({ action: 'broker_records.imported', entity: 'broker_records', entity_id: 'firms', actor_name: 'admin' })
    expect(JSON.parse(audit.summary).after).toMatchObject({ kind: 'firms', fileName: '業者-202611.csv', inserted: 2, updated: 0, sha256: res.json.sha256 })
    const found = await t.call('GET', '/api/broker-records/firms?q=24680132', { as: admin })
    expect(found.json.items[0].name).toBe('港都物流, 股份有限公司')
  })

  it('upserts without a BOM on LF lines: an existing key updates, an identical row is left alone', async () => {
    const csv = [
      'office_code,ubn,name,representative,address,phone,box_no',
      'AA,52111891,基隆港通報關股份有限公司（更名）,許文雄,基隆市中正區中正路 123 號 5 樓,02-24201234,K01',
      'AA,77457884,和平島海運報關有限公司,鄭麗華,基隆市中正區和一路 45 號,02-24628899,K07',
      'DA,31415927,台中新創報關有限公司,林新,,04-22223333,C99',
      '',
    ].join('\n')
    const before = firm('77457884')
    const res = await upload(admin, 'firms', csv)
    expect(res.json).toMatchObject({ rows: 3, inserted: 1, updated: 1, unchanged: 1 })
    expect(firm('52111891')!.name).toBe('基隆港通報關股份有限公司（更名）')
    expect(firm('52111891')!.updated_at).toBe(t.now().toISOString())
    expect(firm('77457884')).toEqual(before)
    expect(count('firms')).toBe(9)
  })

  it('swaps two firms\' box numbers in one file', async () => {
    const csv = `${FIRMS_HEADER}\n52111891,基隆港通報關股份有限公司,許文雄,基隆市中正區中正路 123 號 5 樓,02-24201234,AA,K07\n77457884,和平島海運報關有限公司,鄭麗華,基隆市中正區和一路 45 號,02-24628899,AA,K01\n`
    expect((await upload(admin, 'firms', csv)).json).toMatchObject({ updated: 2 })
    expect([firm('52111891')!.box_no, firm('77457884')!.box_no]).toEqual(['K07', 'K01'])
  })

  it('reports every bad row by line and column, and writes nothing', async () => {
    const csv = [
      FIRMS_HEADER,
      '24680132,好的一列,,,,BA,H98',
      '12345678,錯的檢查碼,,,,AA,',
      '13579139,沒有的關別,,,,ZZ,',
      '31415927,,,,02-123,CA,T1',
      '27182812,和基隆港通同箱號,,,,AA,K01',
      '16180339,和第二列同箱號,,,,BA,h98',
      '24680132,重複的統編,,,,BA,',
      '52111891,欄位太少',
      '"77435691",中港倉儲股份有限公司,蘇怡君,"臺中市梧棲區中橫十路 6 號",04-26393939,DA,C21',
    ].join('\r\n')
    const counts = [count('firms'), count('audit_log')]
    const res = await upload(admin, 'firms', csv)
    expect(res.status).toBe(400)
    expect(res.json.error.code).toBe('VALIDATION_FAILED')
    expect(res.json.error.message).toBe('The file has 9 problems; nothing was imported')
    expect(res.json.error.rows.map((r: { line: number; column: string }) => `${r.line}:${r.column}`)).toEqual([
      '3:ubn', '4:office_code', '5:name', '5:phone', '5:box_no', '6:box_no', '7:box_no', '8:ubn', '9:',
    ])
    const byLine = Object.fromEntries(res.json.error.rows.map((r: { line: number; column: string; message: string }) => [`${r.line}:${r.column}`, r.message]))
    expect(byLine['3:ubn']).toBe('The UBN check digit is wrong')
    expect(byLine['4:office_code']).toBe('Not an allowed value; use one of: AA, CA, DA, BA')
    expect(byLine['5:name']).toBe('This field is required')
    expect(byLine['6:box_no']).toBe('Keelung Customs has given this box number to firm 52111891')
    expect(byLine['7:box_no']).toBe('Line 2 has the same box number in the same office')
    expect(byLine['8:ubn']).toBe('Repeats line 2')
    expect(byLine['9:']).toBe('This row has 2 fields; the header has 7')
    expect([count('firms'), count('audit_log')]).toEqual(counts)
    expect(firm('24680132')).toBeUndefined()
  })
})

describe('the import request', () => {
  it('names a wrong header on line 1, an unclosed quote by its line, and a file that is not UTF-8', async () => {
    const header = await upload(admin, 'firms', 'ubn,name,owner,office_code,box_no,phone,representative\n52111891,x,y,AA,K01,,\n')
    expect(header.json.error.rows).toEqual([
      { line: 1, column: 'owner', message: 'Unknown column name (the header needs: ubn,name,representative,address,phone,office_code,box_no)' },
      { line: 1, column: 'address', message: 'This column is missing (the header needs: ubn,name,representative,address,phone,office_code,box_no)' },
    ])
    const quote = await upload(admin, 'firms', `${FIRMS_HEADER}\n52111891,x,,,,AA,K01\n77457884,"open,,,,AA,K07\n`)
    expect(quote.json.error.rows).toEqual([{ line: 3, column: '', message: expect.stringContaining('Unclosed quote') }])
    const big5 = await upload(admin, 'firms', new Uint8Array([...new TextEncoder().encode(`${FIRMS_HEADER}\n52111891,`), 0xb0, 0xf2, 0x0a]))
    expect(big5.json.error.fieldErrors).toEqual({ file: 'The file is not UTF-8 text (save the CSV as UTF-8)' })
    const empty = await upload(admin, 'firms', `${FIRMS_HEADER}\r\n\r\n`)
    expect(empty.json.error.fieldErrors).toEqual({ file: 'The file has a header but no data rows' })
    const kind = await upload(admin, 'staff', `${FIRMS_HEADER}\n`)
    expect(kind.json.error.fieldErrors).toHaveProperty('kind')
  })

  it('checks and counts without writing on a dry run', async () => {
    const counts = [count('firms'), count('audit_log')]
    const res = await upload(admin, 'firms', `${FIRMS_HEADER}\n24680132,新業者,,,,BA,\n52111891,改名,,,,AA,K01\n`, { dryRun: true })
    expect(res.json).toMatchObject({ dryRun: true, rows: 2, inserted: 1, updated: 1, unchanged: 0 })
    expect([count('firms'), count('audit_log')]).toEqual(counts)
    expect(firm('52111891')!.name).toBe('基隆港通報關股份有限公司')
  })

  it('answers 413 with the error shape for a file over 5 MB, and takes files over the API\'s usual 1 MB', async () => {
    const huge = `${FIRMS_HEADER}\n${'x'.repeat(5 * 1024 * 1024)}\n`
    const res = await upload(admin, 'firms', huge)
    expect(res.status).toBe(413)
    expect(res.json.error).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', message: 'The request is too large (limit 5 MB)' })
    const twoMb = await upload(admin, 'firms', `${FIRMS_HEADER}\n24680132,${'名'.repeat(700_000)},,,,BA,\n`)
    expect(twoMb.status).toBe(400)
    expect(twoMb.json.error.rows).toEqual([{ line: 2, column: 'name', message: 'At most 100 characters' }])
  })

  it('is for supervisors and admins only; an office imports only its own records', async () => {
    for (const username of ['clerk.keelung', 'helpdesk', 'auditor']) {
      expect((await upload(await t.login(username), 'firms', `${FIRMS_HEADER}\n24680132,x,,,,AA,\n`)).status, username).toBe(403)
    }
    const keelung = await t.login('supervisor.keelung')
    const refused = await upload(keelung, 'firms', `${FIRMS_HEADER}\n24680132,基隆新業者,,,,AA,K50\n61611290,北辰報關股份有限公司,,,,CA,T12\n31415927,移到基隆,,,,CA,\n`)
    expect(refused.json.error.rows).toEqual([
      { line: 3, column: 'office_code', message: 'This row belongs to Taipei Customs; you may import only Keelung Customs records' },
      { line: 4, column: 'office_code', message: 'This row belongs to Taipei Customs; you may import only Keelung Customs records' },
    ])
    expect((await upload(keelung, 'firms', `${FIRMS_HEADER}\n24680132,基隆新業者,,,,AA,K50\n`)).json).toMatchObject({ inserted: 1 })
    expect(lastAudit()).toMatchObject({ actor_name: 'supervisor.keelung', office_code: 'AA' })
  })
})

describe('CSV import of licences, brokers and appointments', () => {
  const LICENCES = 'ubn,business_type,status,licensed_on,expires_on'
  const BROKERS = 'code,national_id,name,qualification_status,qualified_on,disqualified_on'
  const APPOINTMENTS = 'broker_code,firm_ubn,from_date,to_date'

  it('licences: upserts by UBN and business type, and needs the firm in the records', async () => {
    const ok = await upload(admin, 'licences', `${LICENCES}\n52111891,customs-broker,suspended,2008-03-14,\n52111891,warehouse,active,2026-01-05,2031-01-04\n`)
    expect(ok.json).toMatchObject({ inserted: 1, updated: 1 })
    expect((await t.call('GET', '/api/broker-records/firms/52111891', { as: admin })).json.licences).toEqual([
      { businessType: 'customs-broker', status: 'suspended', licensedOn: '2008-03-14', expiresOn: null },
      { businessType: 'warehouse', status: 'active', licensedOn: '2026-01-05', expiresOn: '2031-01-04' },
    ])
    const bad = await upload(admin, 'licences', `${LICENCES}\n24680132,customs-broker,active,2020-01-01,\n52111891,bakery,active,2020/01/01,2019-01-01\n52111891,transport,closed,2020-01-01,2019-12-31\n`)
    expect(bad.json.error.rows.map((r: { line: number; column: string }) => `${r.line}:${r.column}`)).toEqual(['2:ubn', '3:business_type', '3:licensed_on', '4:status'])
    expect(bad.json.error.rows[0].message).toBe('No firm with this UBN in the records (import it with firms first)')
    const order = await upload(admin, 'licences', `${LICENCES}\n52111891,transport,active,2020-01-01,2019-12-31\n`)
    expect(order.json.error.rows).toEqual([{ line: 2, column: 'expires_on', message: 'The end date must not be before the start date' }])
  })

  it('brokers: checks ID numbers and qualification dates, keeps ID numbers unique, and lets two brokers swap them', async () => {
    const bad = await upload(admin, 'brokers', [
      BROKERS,
      'A00009,A123456789,新人員,qualified,2026-01-02,',
      'A00010,A115881394,撞號人員,qualified,2026-01-02,',
      'A00011,A123456780,錯號人員,qualified,2026-01-02,',
      'E00001,F234567898,錯代碼,qualified,2026-01-02,',
      'A00012,B111111114,沒填日期,disqualified,2020-01-02,',
      'A00013,a123456789,同檔同號,qualified,2026-01-02,',
    ].join('\n'))
    expect(bad.json.error.rows).toEqual([
      { line: 3, column: 'national_id', message: 'This ID number belongs to broker A00001' },
      { line: 4, column: 'national_id', message: 'The ID number check digit is wrong' },
      { line: 5, column: 'code', message: 'The broker code is an office letter (A, B, C or D) and 5 digits, e.g. A00001' },
      { line: 6, column: 'disqualified_on', message: 'A disqualified broker needs disqualified_on' },
      { line: 7, column: 'national_id', message: 'Repeats line 2' },
    ])
    expect(count('brokers')).toBe(11)
    const swap = await upload(admin, 'brokers', `${BROKERS}\nA00001,A298698799,王建民,qualified,2006-05-10,\nA00002,A115881394,林美玲,qualified,2011-08-22,\nA00009,A123456789,新人員,qualified,2026-01-02,\n`)
    expect(swap.json).toMatchObject({ inserted: 1, updated: 2 })
    const ids = t.sqlite.prepare("select code, national_id from brokers where code in ('A00001', 'A00002', 'A00009') order by code").all()
    expect(ids).toEqual([{ code: 'A00001', national_id: 'A298698799' }, { code: 'A00002', national_id: 'A115881394' }, { code: 'A00009', national_id: 'A123456789' }])
  })

  it('appointments: a transfer ends one appointment and starts another; a second active one, a future date or a stranger is refused', async () => {
    const transfer = await upload(admin, 'appointments', `${APPOINTMENTS}\nC00002,61611290,2020-01-02,2026-11-19\nC00002,77457884,2026-11-20,\nD00002,90344890,2026-11-01,\n`)
    expect(transfer.json).toMatchObject({ inserted: 2, updated: 1, unchanged: 0 })
    expect((await t.call('GET', '/api/broker-records/brokers/C00002', { as: admin })).json.appointments.map((a: { firmUbn: string; status: string }) => `${a.firmUbn}:${a.status}`)).toEqual([
      '77457884:active', '61611290:ended', '77457884:ended',
    ])
    const bad = await upload(admin, 'appointments', [
      APPOINTMENTS,
      'A00001,77457884,2026-01-01,',
      'A99999,52111891,2020-01-01,',
      'A00003,12345675,2020-01-01,',
      'B00053,82656552,2026-11-21,',
      'C00003,61611290,2025-01-01,',
      'B00053,43979122,2026-01-01,',
      'B00053,52111891,2026-02-01,',
    ].join('\n'))
    expect(bad.json.error.rows.map((r: { line: number; column: string }) => `${r.line}:${r.column}`)).toEqual([
      '2:to_date', '3:broker_code', '4:firm_ubn', '4:to_date', '5:from_date', '5:to_date', '6:to_date', '7:to_date', '8:to_date',
    ])
    const byLine = Object.fromEntries(bad.json.error.rows.map((r: { line: number; column: string; message: string }) => [`${r.line}:${r.column}`, r.message]))
    expect(byLine['2:to_date']).toContain('another: 52111891 (2008-03-14)')
    expect(byLine['5:from_date']).toBe('Must not be after today')
    expect(byLine['6:to_date']).toBe('The broker is disqualified: the appointment needs a to_date')
    expect(byLine['7:to_date']).toContain('#5 82656552 (2026-11-21)')
    expect(count('appointments')).toBe(12)
  })
})
