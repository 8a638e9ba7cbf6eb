import { expect } from 'vitest'
import { buildCsr, type Card, type ProfileRequest } from '../../../core/pki'
import { inTransaction } from '../../../db/client'
import { SYSTEM_ACTOR } from '../../lib/audit'
import { createTestApp, testKeyPair, type Session } from '../../lib/testing'
import { issueCertificate } from '../ca/ca.service'
import { registerCertificate } from '../certificates/certificates.service'
import { DEMO_PEOPLE, openDemoCards, portalCardLogin, registerCompany, registerPerson, type DemoCardName } from '../portal-accounts/portal.fixtures'

export type TestApp = Awaited<ReturnType<typeof createTestApp>>

const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64')
export const pem = (base64: string) => `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----\n`

let nextSequence = 9
/**
 * Issues a customs certificate (or, with `caName`, the same profile from another CA) and, unless told not to,
 * enters it in the RA's registry as the issue step does. Returns the .cer as base64 DER and its serial.
 */
export async function issueCustoms(
  t: TestApp,
  opts: { ubn: string; brokerCode?: string; days?: number; caName?: string; registry?: boolean },
): Promise<{ cer: string; serialHex: string }> {
  const ctx = { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: t.now() }
  const sequence = (nextSequence = (nextSequence % 89) + 10)
  const subject = { ubn: opts.ubn, sequence, ra: { ubn: '97162640' }, ...(opts.brokerCode ? { brokerCode: opts.brokerCode } : {}) }
  const request = { profile: opts.brokerCode ? 'customs-personal' : 'customs-corporate', subject, csrDer: await buildCsr({ keyPair: await testKeyPair() }), validity: { days: opts.days ?? 730 } }
  const issued = await issueCertificate({ db: t.db, settings: t.ca, caName: opts.caName ?? 'customs', ctx, request: request as ProfileRequest & { csrDer: Uint8Array; validity: { days: number } } })
  if (opts.registry !== false) {
    inTransaction(t.db, (tx) =>
      registerCertificate(tx, {
        serialHex: issued.serialHex, caName: opts.caName ?? 'customs', kind: opts.brokerCode ? 'personal' : 'corporate', subjectDn: issued.subject, ubn: opts.ubn, brokerCode: opts.brokerCode ?? null,
        officeCode: 'AA', status: 'valid', notBefore: issued.notBefore.toISOString(), notAfter: issued.notAfter.toISOString(), der: Buffer.from(issued.certificate), createdAt: t.now().toISOString(),
      }, ctx),
    )
  }
  return { cer: b64(issued.certificate), serialHex: issued.serialHex }
}

/**
 * The portal world of these tests: two firms (52111891 in Keelung, 82656552 in Kaohsiung) and two brokers with
 * their own accounts (王建民 = A00001 at 52111891, 蔡明哲 = B00051 at 82656552), all signed in with their cards.
 */
export async function registrationsWorld() {
  const t = await createTestApp({}, { ca: true })
  const cards = await openDemoCards(t)
  expect((await registerCompany(t, cards['company-52111891'], '52111891')).status).toBe(201)
  expect((await registerCompany(t, cards['company-82656552'], '82656552')).status).toBe(201)
  expect((await registerPerson(t, cards['citizen-1'], DEMO_PEOPLE['citizen-1'], { attribute: 'broker' })).status).toBe(201)
  expect((await registerPerson(t, cards['citizen-2'], DEMO_PEOPLE['citizen-2'], { attribute: 'broker' })).status).toBe(201)
  const signIn = async () => ({
    keelung: await portalCardLogin(t, cards['company-52111891']),
    kaohsiung: await portalCardLogin(t, cards['company-82656552']),
    wang: await portalCardLogin(t, cards['citizen-1']),
    tsai: await portalCardLogin(t, cards['citizen-2']),
  })
  const as: Record<'keelung' | 'kaohsiung' | 'wang' | 'tsai', Session> = await signIn()
  /** Moves the clock on and signs everyone in again, since the old sessions have gone idle by then. */
  const advance = async (ms: number) => {
    t.advance(ms)
    Object.assign(as, await signIn())
  }
  return { t, cards: cards as Record<DemoCardName, Card>, as, advance, cardCer: (name: DemoCardName) => b64(cards[name].certificate) }
}

/** Broker 王建民 (A00001), appointed to 52111891, as the form types him. */
export const WANG = { brokerCode: 'A00001', brokerIdNumber: 'A115881394', brokerName: '王建民' }
/** Broker 蔡明哲 (B00051), appointed to 82656552. */
export const TSAI = { brokerCode: 'B00051', brokerIdNumber: 'C189768466', brokerName: '蔡明哲' }

export const count = (t: TestApp, table: string, where = 'true') => (t.sqlite.prepare(`select count(*) n from ${table} where ${where}`).get() as { n: number }).n
