import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { every } from '../jobs/scheduler'
import { readFileSync } from 'node:fs'
import { buildCsr, Pkcs12CardReader, signDocument } from '../../core/pki'
import { parseCrl } from '../../core/pki/validate/crl'
import { canonicalBytes } from '../../core/workflow/canonical-json'
import { DEMO_CARD_PIN } from '../../db/seed/demo-data'
import { testKeyPair } from '../lib/testing'
import { call, dropDatabaseOf, extraFirm, freePort, openConnection, prepareDataDir, signIn, sleep, startServer, type Answer, type ServerProcess, type Session } from './harness'
import { auditChainOf, workflowProblems } from './invariants'

/**
 * Fifty requests at once for one effect, against two real server processes sharing one data folder (as
 * docs/operations.md allows): inside a process the requests interleave at every await, and between the two
 * only the database keeps them apart: SQLite's write lock, or on PostgreSQL (vitest.pg.config.ts) SERIALIZABLE
 * transactions run again on conflict. Exactly one request may change anything; the others get a clean answer.
 */
const N = 50
const CERTIFICATES = 10
const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-concurrency-'))
let servers: ServerProcess[] = []
let serials: string[] = []
let db: Database.Database
let startedAt = 0
let connection: { sqlite: Database.Database; close(): void }
const supervisors: Session[] = []
const clerks: Session[] = []

beforeAll(async () => {
  ;({ serials } = await prepareDataDir(dataDir, { firmsPerOffice: 2, certificates: CERTIFICATES }))
  const ports = [await freePort(), await freePort()]
  servers = await Promise.all(ports.map((port) => startServer({ dataDir, port })))
  startedAt = Date.now()
  const a = servers[0]!.url
  for (const name of ['supervisor.keelung', 'supervisor.keelung', 'supervisor.keelung', 'supervisor2.keelung', 'supervisor2.keelung']) supervisors.push(await signIn(a, name))
  for (let i = 0; i < 5; i++) clerks.push(await signIn(a, 'clerk.keelung'))
  connection = openConnection(dataDir)
  db = connection.sqlite
}, 90_000)
afterAll(async () => {
  connection?.close()
  await Promise.all(servers.map((s) => s.kill('SIGKILL')))
  dropDatabaseOf(dataDir)
  rmSync(dataDir, { recursive: true, force: true })
})

/** The i-th of n requests: every other one to the second process, and the sessions taken in turn. */
const at = (i: number) => servers[i % servers.length]!.url
const count = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n
const byStatus = (answers: Answer[]) => answers.reduce<Record<number, number>>((m, a) => ({ ...m, [a.status]: (m[a.status] ?? 0) + 1 }), {})
const auditRows = (action: string, entityId: string) => count('select count(*) n from audit_log where action = ? and entity_id = ?', action, entityId)

function expectSoundAudit() {
  expect(auditChainOf(db)).toMatchObject({ ok: true })
  expect(workflowProblems(db)).toEqual([])
}

/**
 * The scheduled jobs' first runs have ended (5 s after start, in one of the two processes: job_schedule; the
 * CRL refresh signs too), so only the test's requests sign CRLs.
 */
async function jobsSettled() {
  while (count("select count(*) n from job_runs where status != 'running'") < Object.keys(every).length) await sleep(100)
}

/** A Keelung application at 00, keyed and submitted by the clerk, for a firm that passes every record check. */
async function submittedApplication(f: { ubn: string; name: string; boxNo: string } = extraFirm('AA', 1)): Promise<{ id: number; applicationNo: string; version: number }> {
  const form = { ubn: f.ubn, companyName: f.name, contactName: '測試', contactPhone: '02-25505500', contactMobile: '0912345678', contactEmail: 'c@example.com', service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'corporate', boxNo: f.boxNo, privacyConsent: true }
  const draft = await call(at(0), 'POST', '/api/applications', { body: form, as: clerks[0] })
  expect(draft.status).toBe(201)
  const submitted = await call(at(0), 'POST', `/api/applications/${draft.json.id}/submit`, { body: { version: draft.json.version }, as: clerks[0] })
  expect(submitted.status).toBe(200)
  return submitted.json
}

describe('concurrency: fifty requests at once, one effect', () => {
  let application: { id: number; applicationNo: string; version: number }

  it('approves an application once when 50 approvals from 5 supervisor sessions race; the rest get 409', async () => {
    application = await submittedApplication()
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => call(at(i), 'POST', `/api/applications/${application.id}/decide`, { body: { decision: 'approve', version: application.version }, as: supervisors[i % supervisors.length] })),
    )
    expect(byStatus(answers)).toEqual({ 200: 1, 409: N - 1 })
    expect(answers.find((a) => a.status === 200)!.json).toMatchObject({ status: '10', feeSlip: { status: 'unpaid' } })
    const no = application.applicationNo
    expect(count("select count(*) n from application_events e join applications a on a.id = e.application_id where a.application_no = ? and e.action = 'approved'", no)).toBe(1)
    expect(count('select count(*) n from fee_slips where application_id = ?', application.id)).toBe(1)
    expect(count("select count(*) n from mail_outbox where application_id = ? and template = 'application-fee-due'", application.id)).toBe(1)
    expect(auditRows('application.approved', no)).toBe(1)
    expectSoundAudit()
  }, 60_000)

  it('records one payment when 50 payments of the slip race; the rest get the documented 200 "already recorded"', async () => {
    const slip = db.prepare('select slip_no slipNo, amount from fee_slips where application_id = ?').get(application.id) as { slipNo: string; amount: number }
    const paidOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => call(at(i), 'POST', '/api/payments', { body: { slipNo: slip.slipNo, amount: slip.amount, paidOn, channel: 'counter' }, as: clerks[i % clerks.length] })),
    )
    expect(byStatus(answers)).toEqual({ 201: 1, 200: N - 1 })
    const paymentIds = new Set(answers.map((a) => a.json.payment.id))
    expect(paymentIds.size).toBe(1)
    expect(answers.filter((a) => a.json.alreadyRecorded).length).toBe(N - 1)
    expect(count('select count(*) n from payments where slip_no = ?', slip.slipNo)).toBe(1)
    expect(count("select count(*) n from application_events where application_id = ? and action = 'paid'", application.id)).toBe(1)
    expect(count("select count(*) n from mail_outbox where application_id = ? and template = 'application-paid'", application.id)).toBe(1)
    expect(auditRows('payment.recorded', slip.slipNo)).toBe(1)
    expect(auditRows('application.paid', application.applicationNo)).toBe(1)
    expectSoundAudit()
  }, 60_000)

  it('issues one certificate when a paid application\'s signed request arrives 20 times at once; the rest get 409', async () => {
    // the demo company whose card the demo folder holds, through approval and payment
    const app = await submittedApplication({ ubn: '52111891', name: '基隆港通報關股份有限公司', boxNo: 'K01' })
    const approved = await call(at(0), 'POST', `/api/applications/${app.id}/decide`, { body: { decision: 'approve', version: app.version }, as: supervisors[0] })
    expect(approved.status).toBe(200)
    const paidOn = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)
    expect((await call(at(0), 'POST', '/api/payments', { body: { slipNo: approved.json.feeSlip.slipNo, amount: approved.json.feeSlip.amount, paidOn, channel: 'counter' }, as: clerks[0] })).status).toBe(201)
    const card = await new Pkcs12CardReader().open(new Uint8Array(readFileSync(path.join(dataDir, 'demo-cards', 'company-52111891.p12'))), DEMO_CARD_PIN)
    const csr = Buffer.from(await buildCsr({ keyPair: await testKeyPair() })).toString('base64')
    const signedAt = new Date().toISOString()
    const body = { csr, signedAt, ...(await signDocument(card, canonicalBytes({ applicationNo: app.applicationNo, csr, signedAt }))) }
    // one signed request sent 20 times: a double click, a retry, two tabs
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => call(at(i), 'POST', `/api/applications/${app.id}/certificate`, { body })))
    expect(byStatus(answers)).toEqual({ 201: 1, 409: 19 })
    const serial = answers.find((a) => a.status === 201)!.json.serialHex as string
    expect(db.prepare('select serial_hex s from certificates where application_id = ?').all(app.id)).toEqual([{ s: serial }])
    // the CA's own register: no second certificate signed and recorded for this request
    const subject = db.prepare('select subject_dn d from certificates where serial_hex = ?').get(serial) as { d: string }
    expect(count("select count(*) n from ca_issued where ca_name = 'customs' and subject_dn = ?", subject.d)).toBe(1)
    expect(count("select count(*) n from audit_log where action = 'ca.issued' and summary like ?", `%${subject.d.replace(/[%_]/g, '')}%`)).toBe(1)
    expect(auditRows('application.certificate_issued', app.applicationNo)).toBe(1)
    expectSoundAudit()
  }, 60_000)

  it(`revokes each of ${CERTIFICATES} certificates once when 5 revocations of each race; every CRL has its own, rising number`, async () => {
    await jobsSettled()
    const before = (db.prepare("select crl_number n from certificate_authorities where name = 'customs'").get() as { n: number }).n
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => call(at(i), 'POST', `/api/certificates/${serials[i % CERTIFICATES]}/revoke`, { body: { reason: 'keyCompromise', note: `race ${i}` }, as: supervisors[i % supervisors.length] })),
    )
    expect(byStatus(answers)).toEqual({ 200: CERTIFICATES, 409: N - CERTIFICATES })
    for (const serial of serials) {
      expect(answers.filter((a, i) => i % CERTIFICATES === serials.indexOf(serial) && a.status === 200)).toHaveLength(1)
      expect(auditRows('certificate.revoked', serial)).toBe(1)
      expect(auditRows('ca.revoked', `customs:${serial}`)).toBe(1)
      expect(count("select count(*) n from certificates where serial_hex = ? and status = 'revoked'", serial)).toBe(1)
    }
    // Each revocation signed a CRL after its commit: numbers unique and rising, each CRL's entries a superset of
    // the one before, its DER carrying its own number, and the newest listing all ten.
    const crls = db.prepare("select crl_number n, der from crls where ca_name = 'customs' and crl_number > ? order by crl_number").all(before) as { n: number; der: Buffer }[]
    expect(crls.length).toBeGreaterThanOrEqual(1)
    expect(crls.length).toBeLessThanOrEqual(CERTIFICATES)
    const norm = (hex: string) => hex.toLowerCase().replace(/^0+/, '')
    let previous = new Set<string>()
    for (const crl of crls) {
      const parsed = parseCrl(new Uint8Array(crl.der))
      expect(parsed.crlNumber).toBe(BigInt(crl.n))
      const listed = new Set([...parsed.entries.values()].flatMap((m) => [...m.keys()].map(norm)))
      for (const s of previous) expect(listed.has(s)).toBe(true)
      previous = listed
    }
    for (const serial of serials) expect(previous.has(norm(serial))).toBe(true)
    expect((db.prepare("select crl_number n from certificate_authorities where name = 'customs'").get() as { n: number }).n).toBe(crls.at(-1)!.n)
    expectSoundAudit()
  }, 60_000)

  it('re-signs a stale CRL once when 50 relying parties fetch it at once, and all 50 get that one CRL', async () => {
    await jobsSettled()
    // a revocation whose CRL publish failed: the CA's revocation counter is ahead of its newest CRL
    db.prepare("update certificate_authorities set revocation_seq = revocation_seq + 1 where name = 'customs'").run()
    const newest = () => (db.prepare("select max(crl_number) n from crls where ca_name = 'customs'").get() as { n: number }).n
    const before = newest()
    const audits = count('select count(*) n from audit_log')
    const answers = await Promise.all(Array.from({ length: N }, () => fetch(`${servers[0]!.url}/crl/customs.crl`).then(async (r) => ({ status: r.status, der: new Uint8Array(await r.arrayBuffer()) }))))
    expect(answers.every((a) => a.status === 200)).toBe(true)
    expect(newest()).toBe(before + 1)
    expect(new Set(answers.map((a) => parseCrl(a.der).crlNumber))).toEqual(new Set([BigInt(before + 1)]))
    expect(count('select count(*) n from audit_log')).toBe(audits)
    expectSoundAudit()
  }, 60_000)

  it('ran each scheduled job once across the two processes, though both looked for due jobs', async () => {
    // both schedulers have had their first look (5 s after start) by now
    await sleep(Math.max(0, startedAt + 6_500 - Date.now()))
    await jobsSettled()
    const runs = db.prepare('select job, count(*) n from job_runs group by job order by job').all()
    expect(runs).toEqual(Object.keys(every).sort().map((job) => ({ job, n: 1 })))
    expect(count('select count(*) n from job_schedule where lease_holder is not null')).toBe(0)
  }, 30_000)
})
