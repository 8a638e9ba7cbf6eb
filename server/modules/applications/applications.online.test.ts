import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Pkcs12CardReader, signDocument, type Card } from '../../../core/pki'
import { canonicalBytes } from '../../../core/workflow/canonical-json'
import { DEMO_CARD_PIN } from '../../../db/seed/demo-data'
import { writeDemoCards } from '../../lib/demo-cards'
import { createTestApp, testCards } from '../../lib/testing'
import { paperForm } from './applications.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
const cards: Record<string, Card> = {}
const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-online-'))
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
  const dir = (await writeDemoCards({ db: t.db, settings: t.ca, dataDir, now: t.now(), ...testCards }))!
  for (const f of ['company-52111891.p12', 'company-82656552.p12', 'citizen-1.p12']) cards[f] = await new Pkcs12CardReader().open(new Uint8Array(readFileSync(path.join(dir, f))), DEMO_CARD_PIN)
}, 60_000)
afterAll(() => {
  t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const document = (overrides: Record<string, unknown> = {}) => ({ ...paperForm, kind: 'corporate', brokerCode: '', brokerNationalId: '', signedAt: t.now().toISOString(), ...overrides })
async function send(doc: Record<string, unknown>, card: Card, lang = 'en') {
  const signed = await signDocument(card, canonicalBytes(doc))
  return t.call('POST', '/api/applications/online', { body: { application: doc, ...signed }, headers: { 'accept-language': lang } })
}

describe('online DC02 applications signed with the company certificate', () => {
  it('receives a signed application at 00, with the signer on the timeline and the evidence kept', async () => {
    const res = await send(document(), cards['company-52111891.p12']!)
    expect(res.status).toBe(201)
    expect(res.json).toMatchObject({ status: '00', channel: 'online', ubn: '52111891', keyedBy: null })
    expect(res.json.events[0]).toMatchObject({ action: 'received', actorName: expect.stringContaining('52111891') })
    const row = t.sqlite.prepare('select signed_document, signature, length(signer_certificate) len from applications where id = ?').get(res.json.id) as { signed_document: string; signature: string; len: number }
    expect(JSON.parse(row.signed_document)).toMatchObject({ ubn: '52111891', signedAt: expect.any(String) })
    expect(row.signature.length).toBeGreaterThan(40)
    expect(row.len).toBeGreaterThan(300)
    const supervisor = await t.login('supervisor.keelung')
    expect((await t.call('GET', `/api/applications/${res.json.id}`, { as: supervisor })).json.can.decide).toBe(true)
  })

  it('refuses the same signed document twice', async () => {
    const doc = document({ contactName: '重送測試' })
    const signed = await signDocument(cards['company-52111891.p12']!, canonicalBytes(doc))
    expect((await t.call('POST', '/api/applications/online', { body: { application: doc, ...signed } })).status).toBe(201)
    expect((await t.call('POST', '/api/applications/online', { body: { application: doc, ...signed } })).status).toBe(409)
  })

  it('refuses another company\'s certificate, a citizen card, and a document changed after signing', async () => {
    const other = await send(document(), cards['company-82656552.p12']!)
    expect(other.status).toBe(403)
    expect(other.json.error.message).toContain("UBN differs")
    expect((await send(document(), cards['citizen-1.p12']!)).json.error.message).toContain('company certificate')
    const doc = document()
    const signed = await signDocument(cards['company-52111891.p12']!, canonicalBytes(doc))
    const tampered = await t.call('POST', '/api/applications/online', { body: { application: { ...doc, contactEmail: 'evil@example.com' }, ...signed }, headers: { 'accept-language': 'en' } })
    expect(tampered.status).toBe(400)
    expect(tampered.json.error.message).toBe('The certificate signature could not be verified')
  })

  it('names invalid fields and a stale signature', async () => {
    const bad = await send(document({ contactMobile: '123' }), cards['company-52111891.p12']!)
    expect(bad.json.error.fieldErrors).toEqual({ contactMobile: expect.stringContaining('mobile') })
    const stale = await send(document({ signedAt: new Date(t.now().getTime() - 11 * 60_000).toISOString() }), cards['company-52111891.p12']!)
    expect(Object.keys(stale.json.error.fieldErrors)).toEqual(['signedAt'])
  })
})
