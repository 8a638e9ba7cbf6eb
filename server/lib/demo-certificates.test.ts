import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectCertificate } from '../../core/pki'
import { addDemoCertificates } from './demo-certificates'
import { createTestApp, testKeyPair } from './testing'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
})
afterAll(() => t.close())

describe('demo customs certificates', () => {
  it('issues two through the customs CA into its register and the RA registry, once', async () => {
    const serials = await addDemoCertificates({ db: t.db, settings: t.ca, now: t.now(), generateKeyPair: testKeyPair })
    expect(serials).toHaveLength(2)
    const rows = t.sqlite.prepare('select serial_hex, kind, ubn, broker_code, office_code, status, der from certificates order by office_code').all() as { serial_hex: string; kind: string; ubn: string; broker_code: string | null; office_code: string; status: string; der: Buffer }[]
    expect(rows.map(({ der: _der, serial_hex: _s, ...r }) => r)).toEqual([
      { kind: 'personal', ubn: '52111891', broker_code: 'A00001', office_code: 'AA', status: 'valid' },
      { kind: 'corporate', ubn: '82656552', broker_code: null, office_code: 'BA', status: 'valid' },
    ])
    for (const row of rows) {
      expect((await inspectCertificate(new Uint8Array(row.der))).serialHex).toBe(row.serial_hex)
      expect(t.sqlite.prepare("select profile from ca_issued where ca_name = 'customs' and serial_hex = ?").get(row.serial_hex)).toBeTruthy()
    }
    expect(await addDemoCertificates({ db: t.db, settings: t.ca, now: t.now(), generateKeyPair: testKeyPair })).toEqual([])
    expect(t.sqlite.prepare("select count(*) n from audit_log where action = 'certificate.registered'").get()).toEqual({ n: 2 })
  })
})
