import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCsr, generateSigningKeyPair, Pkcs12CardReader, signDocument, type Card } from '../../../core/pki'
import { canonicalBytes } from '../../../core/workflow/canonical-json'
import { DEMO_CARD_PIN } from '../../../db/seed/demo-data'
import { writeDemoCards } from '../../lib/demo-cards'
import { createTestApp, testCards, type Session } from '../../lib/testing'
import { approvedApplication } from '../payments/payments.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
const cards: Record<string, Card> = {}
const dir = mkdtempSync(path.join(tmpdir(), 'certdesk-issue-'))
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
  clerk = await t.login('clerk.keelung')
  const cardsDir = (await writeDemoCards({ db: t.db, settings: t.ca, dataDir: dir, now: t.now(), ...testCards }))!
  for (const f of ['company-52111891.p12', 'company-82656552.p12']) cards[f] = await new Pkcs12CardReader().open(new Uint8Array(readFileSync(path.join(cardsDir, f))), DEMO_CARD_PIN)
}, 60_000)
afterAll(() => {
  t.close()
  rmSync(dir, { recursive: true, force: true })
})

async function paidApplication() {
  const app = await approvedApplication(t, clerk, await t.login('supervisor.keelung'))
  const paid = await t.call('POST', '/api/payments', { as: clerk, body: { slipNo: app.feeSlip.slipNo, amount: 2000, paidOn: '2026-11-20', channel: 'counter' } })
  expect(paid.status).toBe(201)
  return app
}

/** What the browser does at 產製憑證: a key pair and request, signed by the company card. */
async function generate(applicationNo: string, card: Card) {
  const keyPair = await generateSigningKeyPair()
  const csr = Buffer.from(await buildCsr({ keyPair })).toString('base64')
  const signedAt = t.now().toISOString()
  const signed = await signDocument(card, canonicalBytes({ applicationNo, csr, signedAt }))
  const pkcs8 = Buffer.from(await globalThis.crypto.subtle.exportKey('pkcs8', keyPair.privateKey)).toString('base64')
  return { body: { csr, signedAt, ...signed }, pkcs8 }
}

describe('key generation: issuing the certificate of a paid application', () => {
  it('issues from the browser-made request, records it, moves 20 → A0 and queues the A0 mail; the key stays in the browser', async () => {
    const app = await paidApplication()
    const { body, pkcs8 } = await generate(app.applicationNo, cards['company-52111891.p12']!)
    expect(JSON.stringify(body)).not.toContain(pkcs8.slice(20, 80))
    expect(JSON.stringify(body)).not.toMatch(/PRIVATE KEY/)
    const res = await t.call('POST', `/api/applications/${app.id}/certificate`, { body })
    expect(res.status).toBe(201)
    expect(res.json.subject).toContain('CN=SingleWindow-01-A00001')
    expect(res.json.fileName).toMatch(/^[A-Za-z0-9]+$/)
    const text = execFileSync('openssl', ['x509', '-inform', 'DER', '-noout', '-subject'], { input: Buffer.from(res.json.certificate, 'base64') }).toString()
    expect(text).toContain('SingleWindow-01-A00001')
    expect(t.sqlite.prepare('select status, kind, broker_code from certificates where serial_hex = ?').get(res.json.serialHex)).toEqual({ status: 'valid', kind: 'personal', broker_code: 'A00001' })
    expect(t.sqlite.prepare('select status from applications where id = ?').get(app.id)).toEqual({ status: 'A0' })
    expect((t.sqlite.prepare("select subject from mail_outbox where template = 'application-completed' and application_id = ?").get(app.id) as { subject: string }).subject).toBe(`[關港貿單一窗口]通關專屬憑證申請完成,可至平台下載憑證，申請序號:${app.applicationNo}`)
    const again = await t.call('POST', `/api/applications/${app.id}/certificate`, { body: (await generate(app.applicationNo, cards['company-52111891.p12']!)).body })
    expect(again.status).toBe(409)
  })

  it('signs and keeps one certificate when the same request arrives twice at once; the other gets a 409', async () => {
    const app = await paidApplication()
    const issuedBefore = (t.sqlite.prepare("select count(*) n from ca_issued where ca_name = 'customs'").get() as { n: number }).n
    const { body } = await generate(app.applicationNo, cards['company-52111891.p12']!)
    const answers = await Promise.all([1, 2, 3].map(() => t.call('POST', `/api/applications/${app.id}/certificate`, { body })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409])
    expect(t.sqlite.prepare("select count(*) n from ca_issued where ca_name = 'customs'").get()).toEqual({ n: issuedBefore + 1 })
    expect(t.sqlite.prepare("select count(*) n from audit_log where action = 'ca.issued' and entity_id = ?").get(`customs:${answers.find((a) => a.status === 201)!.json.serialHex}`)).toEqual({ n: 1 })
  })

  it('refuses another company\'s card with a 403, and an application not yet paid with a 409', async () => {
    const app = await approvedApplication(t, clerk, await t.login('supervisor.keelung'), { ubn: '52111891', companyName: '基隆港通報關股份有限公司', contactName: '陳小姐', contactPhone: '02-24201234', contactMobile: '0912345678', contactEmail: 'c@example.com', service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'personal', boxNo: 'K01', brokerCode: 'A00002', brokerNationalId: 'A298698799', privacyConsent: true })
    const other = await t.call('POST', `/api/applications/${app.id}/certificate`, { body: (await generate(app.applicationNo, cards['company-82656552.p12']!)).body })
    expect(other.status).toBe(403)
    const unpaid = await t.call('POST', `/api/applications/${app.id}/certificate`, { body: (await generate(app.applicationNo, cards['company-52111891.p12']!)).body })
    expect(unpaid.status).toBe(409)
  })
})
