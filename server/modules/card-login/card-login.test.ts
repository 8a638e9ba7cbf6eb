import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDemoHierarchy, inspectCertificate, makeDemoCards, Pkcs12CardReader, signChallenge, type Card, type LoginChallenge } from '../../../core/pki'
import { DEMO_CARD_PIN } from '../../../db/seed/demo-data'
import { SYSTEM_ACTOR } from '../../lib/audit'
import { writeDemoCards } from '../../lib/demo-cards'
import { createTestApp, testCards, testKeyPair } from '../../lib/testing'
import { setCertificateRevocation } from '../ca/ca.service'

let t: Awaited<ReturnType<typeof createTestApp>>
let citizen: Card
let company: Card
const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-card-login-'))
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
  const dir = (await writeDemoCards({ db: t.db, settings: t.ca, dataDir, now: t.now(), ...testCards }))!
  const open = (f: string) => new Pkcs12CardReader().open(new Uint8Array(readFileSync(path.join(dir, f))), DEMO_CARD_PIN)
  citizen = await open('citizen-2.p12')
  company = await open('company-82656552.p12')
}, 60_000)
afterAll(() => {
  t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const challenge = async (): Promise<LoginChallenge> => (await t.call('POST', '/api/card-login/challenge')).json
const answer = async (c: LoginChallenge, card: Card) => ({ nonce: c.nonce, ...(await signChallenge(card, c)) })
const verify = (body: unknown, lang = 'zh-TW') => t.call('POST', '/api/card-login/verify', { body, headers: { 'accept-language': lang } })

describe('card sign-in: challenge and response', () => {
  it('accepts a demo citizen card that signs a fresh challenge, and names its identity', async () => {
    const res = await verify(await answer(await challenge(), citizen))
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ kind: 'moica', identity: { idLast4: '8466', name: '蔡明哲' } })
    const company_ = await verify(await answer(await challenge(), company))
    expect(company_.json.identity.ubn).toBe('82656552')
    expect(t.sqlite.prepare("select count(*) n from audit_log where action = 'card.verified'").get()).toEqual({ n: 2 })
  })

  it('refuses a replayed answer', async () => {
    const body = await answer(await challenge(), citizen)
    expect((await verify(body)).status).toBe(200)
    const replay = await verify(body, 'en')
    expect(replay.status).toBe(409)
    expect(replay.json.error.message).toContain('already answered')
  })

  it('refuses an answer signed over another challenge, and a late one', async () => {
    const [a, b] = [await challenge(), await challenge()]
    const forged = { nonce: a.nonce, ...(await signChallenge(citizen, b)) }
    expect((await verify(forged, 'en')).json.error.message).toBe('The certificate signature could not be verified')
    const late = await answer(await challenge(), citizen)
    t.advance(2 * 60_000 + 1)
    expect((await verify(late, 'en')).json.error.message).toBe('The sign-in challenge has expired; please try again')
  })

  it('refuses a card from a CA we do not trust', async () => {
    const stranger = await createDemoHierarchy({ generateKeyPair: testKeyPair })
    const cards = await makeDemoCards({ hierarchy: stranger, people: [{ name: '陌生人', nationalId: 'A123456789' }], companies: [], pin: DEMO_CARD_PIN, ...testCards })
    const card = await new Pkcs12CardReader().open(cards.people[0]!.pfx, DEMO_CARD_PIN)
    const res = await verify(await answer(await challenge(), card))
    expect(res.status).toBe(422)
    expect(res.json.error).toMatchObject({ code: 'CERTIFICATE_INVALID', message: expect.stringContaining('憑證驗證未通過') })
  })

  it('refuses a revoked card at once', async () => {
    const { serialHex } = await inspectCertificate(company.certificate)
    await setCertificateRevocation({ db: t.db, settings: t.ca, caName: 'moeaca', serialHex, reason: 'keyCompromise', ctx: { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: t.now() } })
    const res = await verify(await answer(await challenge(), company), 'en')
    expect(res.status).toBe(422)
    expect(res.json.error.message).toMatch(/revoked/i)
  })

  it('names the missing fields of a malformed answer', async () => {
    const res = await verify({ nonce: 'x' })
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.error.fieldErrors).sort()).toEqual(['certificate', 'signature'])
  })
})
