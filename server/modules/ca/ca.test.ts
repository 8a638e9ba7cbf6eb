import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCsr, generateSigningKeyPair } from '../../../core/pki'
import { SYSTEM_ACTOR } from '../../lib/audit'
import { createTestApp } from '../../lib/testing'
import { issueCertificate, setCertificateRevocation } from './ca.service'

let t: Awaited<ReturnType<typeof createTestApp>>
const dir = mkdtempSync(path.join(tmpdir(), 'certdesk-ca-'))
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
})
afterAll(() => {
  t.close()
  rmSync(dir, { recursive: true, force: true })
})

const ctx = () => ({ actor: SYSTEM_ACTOR, requestId: null, ip: null, now: t.now() })
const pem = (der: Uint8Array, label: string) => `-----BEGIN ${label}-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`
const caPem = (name: string) => pem(new Uint8Array((t.sqlite.prepare('select certificate from certificate_authorities where name = ?').get(name) as { certificate: Buffer }).certificate), 'CERTIFICATE')
const crlText = (der: Buffer) => execFileSync('openssl', ['crl', '-inform', 'DER', '-noout', '-text'], { input: der }).toString()

async function fetchCrl(name: string) {
  const res = await t.app.request(`/crl/${name}.crl`)
  return { status: res.status, type: res.headers.get('content-type'), der: Buffer.from(await res.arrayBuffer()) }
}

function opensslVerify(leaf: Uint8Array, crl: Buffer): string {
  writeFileSync(path.join(dir, 'root.pem'), caPem('twca'))
  writeFileSync(path.join(dir, 'sub.pem'), caPem('customs'))
  writeFileSync(path.join(dir, 'leaf.pem'), pem(leaf, 'CERTIFICATE'))
  writeFileSync(path.join(dir, 'crl.pem'), pem(new Uint8Array(crl), 'X509 CRL'))
  try {
    return execFileSync('openssl', ['verify', '-attime', String(Math.floor(t.now().getTime() / 1000)), '-CAfile', 'root.pem', '-untrusted', 'sub.pem', '-crl_check', '-CRLfile', 'crl.pem', 'leaf.pem'], { cwd: dir, stdio: 'pipe' }).toString()
  } catch (err) {
    return String((err as { stderr: Buffer }).stderr) + String((err as { stdout: Buffer }).stdout)
  }
}

describe('the embedded CA', () => {
  it('keeps five CAs with their private keys wrapped, never in the clear', () => {
    const rows = t.sqlite.prepare('select name, parent_name, wrapped_key from certificate_authorities order by name').all() as { name: string; parent_name: string | null; wrapped_key: string }[]
    expect(rows.map((r) => [r.name, r.parent_name])).toEqual([['customs', 'twca'], ['grca', null], ['moeaca', 'grca'], ['moica', 'grca'], ['twca', null]])
    for (const r of rows) expect(r.wrapped_key).toMatch(/^v1\$pbkdf2-sha256\$10000\$/)
  })

  it('issues from a CSR, publishes a CRL that OpenSSL accepts, and lists a revocation at once', async () => {
    const keyPair = await generateSigningKeyPair()
    const csrDer = await buildCsr({ keyPair })
    const issued = await issueCertificate({ db: t.db, settings: t.ca, caName: 'customs', ctx: ctx(), request: { profile: 'customs-corporate', subject: { ubn: '52111891', sequence: 1, ra: { ubn: '97162640' } }, csrDer, validity: { days: 730 } } })
    expect(issued.subject).toContain('CN=52111891-01-000')
    expect(t.sqlite.prepare("select count(*) n from audit_log where action = 'ca.issued'").get()).toEqual({ n: 1 })

    const first = await fetchCrl('customs')
    expect(first.status).toBe(200)
    expect(first.type).toBe('application/pkix-crl')
    expect(crlText(first.der)).toMatch(/X509v3 CRL Number:\s*\n\s*1\b/)
    expect(opensslVerify(issued.certificate, first.der)).toContain('leaf.pem: OK')

    t.advance(60_000)
    await setCertificateRevocation({ db: t.db, settings: t.ca, caName: 'customs', serialHex: issued.serialHex, reason: 'keyCompromise', ctx: ctx() })
    const second = await fetchCrl('customs')
    const text = crlText(second.der)
    expect(text).toMatch(/X509v3 CRL Number:\s*\n\s*2\b/)
    expect(text.toLowerCase()).toContain(issued.serialHex.replace(/^0+/, '').toUpperCase().toLowerCase())
    expect(text).toContain('Key Compromise')
    expect(opensslVerify(issued.certificate, second.der)).toContain('certificate revoked')
  })

  it('puts a held certificate on the CRL and takes it off when released', async () => {
    const issued = await issueCertificate({ db: t.db, settings: t.ca, caName: 'customs', ctx: ctx(), request: { profile: 'customs-personal', subject: { brokerCode: 'B00051', ubn: '82656552', sequence: 1, ra: { ubn: '97162640' } }, csrDer: await buildCsr({ keyPair: await generateSigningKeyPair() }), validity: { days: 365 } } })
    const serial = issued.serialHex.replace(/^0+/, '').toUpperCase()
    await setCertificateRevocation({ db: t.db, settings: t.ca, caName: 'customs', serialHex: issued.serialHex, reason: 'certificateHold', ctx: ctx() })
    const held = crlText((await fetchCrl('customs')).der)
    expect(held).toContain(serial)
    expect(held).toContain('Certificate Hold')
    await setCertificateRevocation({ db: t.db, settings: t.ca, caName: 'customs', serialHex: issued.serialHex, reason: null, ctx: ctx() })
    expect(crlText((await fetchCrl('customs')).der)).not.toContain(serial)
    await expect(setCertificateRevocation({ db: t.db, settings: t.ca, caName: 'customs', serialHex: issued.serialHex, reason: null, ctx: ctx() })).rejects.toMatchObject({ code: 'CONFLICT' })
  })

  it('re-signs the CRL with a higher number once half of its validity has passed', async () => {
    const before = crlText((await fetchCrl('moica')).der)
    const n = Number(/CRL Number:\s*\n\s*(\d+)/.exec(before)![1])
    t.advance(11 * 3_600_000)
    expect(Number(/CRL Number:\s*\n\s*(\d+)/.exec(crlText((await fetchCrl('moica')).der))![1])).toBe(n)
    t.advance(2 * 3_600_000)
    const after = crlText((await fetchCrl('moica')).der)
    expect(Number(/CRL Number:\s*\n\s*(\d+)/.exec(after)![1])).toBe(n + 1)
  })

  it('answers an unknown CA or file name with a 404', async () => {
    expect((await fetchCrl('nope')).status).toBe(404)
    expect((await t.app.request('/crl/customs.pem')).status).toBe(404)
  })
})

describe('CRL freshness', () => {
  it('re-signs before serving when a revocation joined another transaction and no CRL was published yet', async () => {
    const { applyRevocation } = await import('./ca.service')
    const { inTransaction } = await import('../../../db/client')
    const issued = await issueCertificate({ db: t.db, settings: t.ca, caName: 'customs', ctx: ctx(), request: { profile: 'customs-corporate', subject: { ubn: '61611290', sequence: 2, ra: { ubn: '97162640' } }, csrDer: await buildCsr({ keyPair: await generateSigningKeyPair() }), validity: { days: 365 } } })
    await fetchCrl('customs')
    inTransaction(t.db, (tx) => applyRevocation(tx, { caName: 'customs', serialHex: issued.serialHex, reason: 'superseded', ctx: ctx() }))
    expect(crlText((await fetchCrl('customs')).der)).toContain(issued.serialHex.replace(/^0+/, '').toUpperCase())
  })

  it('signs one CRL, not one per request, when many requests find it stale at once', async () => {
    await fetchCrl('customs')
    t.sqlite.prepare("update certificate_authorities set revocation_seq = revocation_seq + 1 where name = 'customs'").run()
    const count = () => (t.sqlite.prepare("select count(*) n from crls where ca_name = 'customs'").get() as { n: number }).n
    const before = count()
    const ders = await Promise.all(Array.from({ length: 20 }, async () => (await fetchCrl('customs')).der.toString('hex')))
    expect(count()).toBe(before + 1)
    expect(new Set(ders).size).toBe(1)
  })
})
