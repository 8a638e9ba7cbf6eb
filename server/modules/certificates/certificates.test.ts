import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from '../../lib/testing'
import { paperForm } from '../applications/applications.fixtures'
import { appWithCertificates, withColons, type TestApp } from './certificates.fixtures'

let t: TestApp
let keelung: string
let kaohsiung: string
let clerkKeelung: Session
let clerkTaipei: Session
let auditor: Session
beforeAll(async () => {
  ;({ t, keelung, kaohsiung } = await appWithCertificates())
  clerkKeelung = await t.login('clerk.keelung')
  clerkTaipei = await t.login('clerk.taipei')
  auditor = await t.login('auditor')
  // benchmark-style rows without DER, with leading zeros in the serial, expiring at known times
  const insert = t.sqlite.prepare(`insert into certificates (serial_hex, ca_name, kind, subject_dn, ubn, broker_code, office_code, status, not_before, not_after, created_at)
    values (?, 'customs', 'corporate', ?, ?, null, ?, ?, '2025-01-01T00:00:00.000Z', ?, '2025-01-01T00:00:00.000Z')`)
  insert.run('000000000000000abc01', 'CN=61611290-01-000', '61611290', 'CA', 'valid', '2026-12-10T00:00:00.000Z') // in 20 days
  insert.run('000000000000000abc02', 'CN=61611290-02-000', '61611290', 'CA', 'suspended', '2027-01-10T00:00:00.000Z') // in 51 days
  insert.run('000000000000000abc03', 'CN=61611290-03-000', '61611290', 'CA', 'revoked', '2027-02-10T00:00:00.000Z') // in 82 days
  insert.run('000000000000000abc04', 'CN=61611290-04-000', '61611290', 'CA', 'valid', '2026-11-01T00:00:00.000Z') // expired
})
afterAll(() => t.close())

const serials = (res: { json: { items: { serialHex: string }[] } }) => res.json.items.map((i) => i.serialHex)
const list = (query: string, as = auditor) => t.call('GET', `/api/certificates?${query}`, { as })

describe('searching the registry', () => {
  it('finds a certificate by serial typed with colons, in any case, with or without leading zeros', async () => {
    for (const typed of [keelung, keelung.toUpperCase(), withColons(keelung), `00${keelung}`, ` ${withColons(keelung).toLowerCase()} `]) {
      expect(serials(await list(`q=${encodeURIComponent(typed)}`)), typed).toEqual([keelung])
    }
    expect(serials(await list('q=abc01'))).toEqual(['000000000000000abc01'])
    expect(serials(await list('q=0A:BC:01'))).toEqual(['000000000000000abc01'])
    expect(serials(await list('q=not-a-serial'))).toEqual([])
  })

  it('finds by UBN and broker code, in the search box or as their own filters', async () => {
    expect(serials(await list('q=52111891'))).toEqual([keelung])
    expect(serials(await list('ubn=82656552'))).toEqual([kaohsiung])
    expect(serials(await list('q=a00001'))).toEqual([keelung])
    expect(serials(await list('brokerCode=A00001'))).toEqual([keelung])
    expect((await list('ubn=12345678')).json.error.fieldErrors.ubn).toBeTruthy()
  })

  it('filters by status and by an expiry window, and sorts by expiry or serial', async () => {
    expect(serials(await list('status=suspended'))).toEqual(['000000000000000abc02'])
    expect(serials(await list('expiresWithinDays=30'))).toEqual(['000000000000000abc01'])
    expect(serials(await list('expiresWithinDays=60'))).toEqual(['000000000000000abc01', '000000000000000abc02'])
    expect(serials(await list('expiresWithinDays=90&status=revoked'))).toEqual(['000000000000000abc03'])
    expect(serials(await list('expiresFrom=2026-10-01&expiresTo=2026-12-10'))).toEqual(['000000000000000abc04', '000000000000000abc01'])
    expect((await list('expiresWithinDays=45')).status).toBe(400)
    const byExpiry = serials(await list('sort=notAfter&order=desc'))
    expect(byExpiry.slice(-2)).toEqual(['000000000000000abc01', '000000000000000abc04'])
    expect(serials(await list('sort=serial'))).toEqual([...byExpiry].sort())
  })

  it('pages with a cursor: every row once, in order, whatever the page size', async () => {
    const all = serials(await list('sort=notAfter'))
    expect(all).toHaveLength(6)
    const seen: string[] = []
    const totals: unknown[] = []
    let cursor: string | null = null
    do {
      const res: { json: { items: { serialHex: string }[]; nextCursor: string | null; total?: unknown } } = await list(`sort=notAfter&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...serials(res))
      totals.push(res.json.total)
      cursor = res.json.nextCursor
    } while (cursor)
    expect(seen).toEqual(all)
    // the first page counts the list, the next does not count again
    expect(totals).toEqual([{ count: 6, capped: false }, undefined])
    expect((await list('cursor=garbage')).json.error.fieldErrors.cursor).toBeTruthy()
  })

  it('shows office staff only their own office', async () => {
    expect(serials(await list('sort=serial', clerkKeelung))).toEqual([keelung])
    expect(serials(await list(`q=${keelung}`, clerkTaipei))).toEqual([])
    expect(serials(await list('officeCode=AA', clerkTaipei))).toEqual([])
    expect((await t.call('GET', `/api/certificates/${keelung}`, { as: clerkTaipei })).status).toBe(404)
    expect((await t.call('GET', `/api/certificates/${keelung}/download.cer`, { as: clerkTaipei })).status).toBe(404)
  })

  it('is for staff: signed out is 401; every staff role may search', async () => {
    expect((await t.call('GET', '/api/certificates')).status).toBe(401)
    for (const user of ['clerk.keelung', 'supervisor.keelung', 'helpdesk', 'auditor', 'admin']) {
      expect((await t.call('GET', '/api/certificates', { as: await t.login(user) })).status, user).toBe(200)
    }
  })
})

describe('a certificate in detail', () => {
  it('shows the registry fields, the parsed certificate and its issuance', async () => {
    const res = await t.call('GET', `/api/certificates/${withColons(keelung)}`, { as: clerkKeelung })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ serialHex: keelung, kind: 'personal', ubn: '52111891', brokerCode: 'A00001', officeCode: 'AA', status: 'valid', can: { revoke: false, hold: false, release: false, download: true } })
    expect(res.json.parsed.subject.display).toContain('CN=SingleWindow-01-A00001')
    expect(res.json.parsed.issuer.display).toBeTruthy()
    expect(res.json.parsed.sha256Fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(res.json.parsed.keyUsage).toContain('digitalSignature')
    expect(res.json.timeline.map((e: { type: string }) => e.type)).toEqual(['issued', 'registered'])
  })

  it('starts the timeline with the application it came from, which the other office does not see', async () => {
    const app = (await t.call('POST', '/api/applications', { as: clerkKeelung, body: { ...paperForm, service: 'new' } })).json
    t.sqlite.prepare('update certificates set application_id = ? where serial_hex = ?').run(app.id, keelung)
    const res = await t.call('GET', `/api/certificates/${keelung}`, { as: clerkKeelung })
    expect(res.json.applicationId).toBe(app.id)
    expect(res.json.timeline[0]).toMatchObject({ type: 'applied', application: { id: app.id, applicationNo: app.applicationNo, status: 'draft' } })
    t.sqlite.prepare('update certificates set application_id = null where serial_hex = ?').run(keelung)
  })

  it('shows a row without DER with no parsed part and no download', async () => {
    const res = await t.call('GET', '/api/certificates/abc02', { as: auditor })
    expect(res.json).toMatchObject({ serialHex: '000000000000000abc02', parsed: null, can: { download: false } })
    expect(res.json.timeline).toEqual([expect.objectContaining({ type: 'issued', at: '2025-01-01T00:00:00.000Z' })])
    expect((await t.call('GET', '/api/certificates/abc02/download.cer', { as: auditor })).status).toBe(404)
    expect((await t.call('GET', '/api/certificates/xyz', { as: auditor })).status).toBe(400)
  })

  it('downloads the DER as a .cer with a file name of letters and digits', async () => {
    const res = await t.app.request(`/api/certificates/${keelung}/download.cer`, { headers: { cookie: clerkKeelung.cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/pkix-cert')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="SingleWindow01A00001[0-9a-f]+\.cer"$/)
    const der = Buffer.from(await res.arrayBuffer())
    expect(der[0]).toBe(0x30)
    expect(der.toString('hex')).toContain(keelung)
  })
})
