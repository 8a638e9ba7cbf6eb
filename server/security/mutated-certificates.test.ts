import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readCertificate, readCertificates, signChallenge, signDocument, validatePath, type Card, type LoginChallenge } from '../../core/pki'
import { encodeMutant, mutate } from '../../core/pki/fuzz/mutate'
import { seededRandom } from '../../core/seeded-random'
import { canonicalBytes } from '../../core/workflow/canonical-json'
import type { Session } from '../lib/testing'
import { embeddedCrls, trustMaterial } from '../lib/trust'
import { paperForm } from '../modules/applications/applications.fixtures'
import { openDemoCards, portalCardLogin, registerCompany, type DemoCardName } from '../modules/portal-accounts/portal.fixtures'
import { issueCustoms } from '../modules/registrations/registrations.fixtures'
import { attackedApp, auditSince, expectHealthy, expectNothingWritten, snapshot, type TestApp } from './attack.fixtures'

/**
 * 10,000 mutated certificates sent to every endpoint that takes one: the registration's .cer upload, card
 * sign-in (/api/card-login/verify), the portal's card check and card login, and the online DC02 application
 * (signed with a company certificate). Seeds are the real certificates of ../shared/pki (read here, never
 * copied into the repository) and the embedded CA's own: customs certificates it issued, the demo cards, the
 * CAs. The RNG is seeded (FUZZ_SEED, printed): the shared seeds and the mutations replay exactly; the embedded
 * CA's certificates are made afresh each run (new keys), so every failing input is also saved to a file, named
 * in the failure, to be replayed as it was sent.
 *
 * Each answer must be a 4xx, or, for a mutant that is still a valid certificate, the valid answer: a 2xx is
 * accepted only if the mutant independently reads and validates against the same trust material. Refused
 * mutants write nothing but the refusals that are audited on purpose (card.rejected, portal.login_failed).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_120)
/**
 * On PostgreSQL (vitest.pg.config.ts) a tenth of the mutants: what they probe is certificate parsing, which is
 * the same whatever the database; the tenth still shows that refusals write nothing there, without ten minutes
 * of round trips through the bridge.
 */
const SHARE = process.env.DATABASE_URL ? 0.1 : 1
const SHARED_PKI = path.resolve(process.env.SHARED_PKI_DIR ?? '../shared/pki')

let t: TestApp
let root: string
let dispose: () => void
let cards: Record<DemoCardName, Card>
let company: Session
let customsCer: Uint8Array
const seeds: { name: string; der: Uint8Array; card?: DemoCardName }[] = []
beforeAll(async () => {
  const anchors = path.join(SHARED_PKI, 'anchors')
  // each probe comes from its own client address: the per-address rate limits are not what is tested here
  ;({ t, root, dispose } = await attackedApp({ TRUST_PROXY: true, ...(existsSync(anchors) ? { TRUST_ANCHORS_DIR: anchors } : {}) }, { ca: true }))
  cards = await openDemoCards(t)
  expect((await registerCompany(t, cards['company-52111891'], '52111891')).status).toBe(201)
  company = await portalCardLogin(t, cards['company-52111891'])
  customsCer = new Uint8Array(Buffer.from((await issueCustoms(t, { ubn: '52111891' })).cer, 'base64'))

  for (const dir of ['anchors', 'samples']) {
    const full = path.join(SHARED_PKI, dir)
    if (!existsSync(full)) continue
    for (const f of readdirSync(full).filter((n) => n.endsWith('.pem')).sort()) {
      for (const der of readCertificates(new Uint8Array(readFileSync(path.join(full, f))))) seeds.push({ name: `shared/pki/${dir}/${f}`, der })
    }
  }
  if (seeds.length === 0) console.log(`The shared certificates are absent at ${SHARED_PKI}: mutating the embedded CA's only.`)
  seeds.push({ name: 'customs corporate 52111891 (embedded customs CA)', der: customsCer })
  for (const name of Object.keys(cards) as DemoCardName[]) seeds.push({ name: `demo card ${name}`, der: cards[name].certificate, card: name })
  for (const ca of t.sqlite.prepare('select name, certificate from certificate_authorities order by name').all() as { name: string; certificate: Buffer }[]) {
    seeds.push({ name: `embedded CA ${ca.name}`, der: new Uint8Array(ca.certificate) })
  }
}, 120_000)
afterAll(() => dispose())

let client = 0
const fromAnotherClient = () => ({ 'x-forwarded-for': `192.0.2.${(client++ % 250) + 1}`, 'accept-language': 'en' })

async function challenge(headers: Record<string, string>): Promise<LoginChallenge> {
  const res = await t.call('POST', '/api/card-login/challenge', { headers })
  if (res.status !== 200) throw new Error(`challenge: ${res.status} ${res.text}`)
  return res.json as LoginChallenge
}

/** The card that signs for a seed: its own when it is a demo card's certificate, else one of a fitting kind. */
const signer = (seed: (typeof seeds)[number], fallback: DemoCardName) => cards[seed.card ?? fallback]

type Send = (certificate: string, seed: (typeof seeds)[number]) => Promise<{ status: number; json: { error?: { code: string } } | null; text: string }>

/** The endpoints that take a certificate, with how many mutants each gets (10,000 in all). */
const endpoints: { name: string; count: number; send: Send }[] = [
  {
    name: 'registration .cer upload',
    count: 4_000 * SHARE,
    send: (certificate) => t.call('POST', '/api/portal/registrations', { as: company, body: { form: 'file', useType: 'customs-broker', certificate }, headers: { 'accept-language': 'en' } }),
  },
  {
    name: 'card sign-in (card-login/verify)',
    count: 2_000 * SHARE,
    send: async (certificate, seed) => {
      const headers = fromAnotherClient()
      const c = await challenge(headers)
      const signed = await signChallenge(signer(seed, 'citizen-1'), c)
      return t.call('POST', '/api/card-login/verify', { body: { nonce: c.nonce, signature: signed.signature, certificate }, headers })
    },
  },
  {
    name: 'portal card check',
    count: 1_500 * SHARE,
    send: async (certificate, seed) => {
      const headers = fromAnotherClient()
      const c = await challenge(headers)
      const signed = await signChallenge(signer(seed, 'citizen-3'), c)
      const category = seed.card?.startsWith('company') ? 'company' : 'individual'
      return t.call('POST', '/api/portal/accounts/card-check', { body: { category, nonce: c.nonce, signature: signed.signature, certificate }, headers })
    },
  },
  {
    name: 'portal card login',
    count: 1_500 * SHARE,
    send: async (certificate, seed) => {
      const headers = fromAnotherClient()
      const c = await challenge(headers)
      const signed = await signChallenge(signer(seed, 'company-52111891'), c)
      return t.call('POST', '/api/portal/auth/login/card', { body: { nonce: c.nonce, signature: signed.signature, certificate }, headers })
    },
  },
  {
    name: 'online DC02 application',
    count: 1_000 * SHARE,
    send: async (certificate, seed) => {
      const application = { ...paperForm, kind: 'corporate', brokerCode: '', brokerNationalId: '', signedAt: t.now().toISOString() }
      const signed = await signDocument(signer(seed, 'company-52111891'), canonicalBytes(application))
      return t.call('POST', '/api/applications/online', { body: { application, signature: signed.signature, certificate }, headers: fromAnotherClient() })
    },
  },
]

/** Whether a mutant is, on its own, a certificate that reads and validates now against the server's trust material. */
async function independentlyValid(text: string): Promise<boolean> {
  try {
    const der = readCertificate(text)
    const result = await validatePath({ leaf: der, ...trustMaterial({ db: t.db, env: t.env }), crls: await embeddedCrls({ db: t.db, ca: t.ca }, t.now()), at: t.now(), purpose: 'sign' })
    return result.valid
  } catch {
    return false
  }
}

describe(`${(10_000 * SHARE).toLocaleString('en')} mutated certificates (seed ${SEED})`, () => {
  it('the unmutated inputs are accepted: what follows is a test of refusals, not of an endpoint that refuses everything', async () => {
    const customs = seeds.find((s) => s.der === customsCer)!
    const citizen = seeds.find((s) => s.card === 'citizen-3')!
    const firm = seeds.find((s) => s.card === 'company-52111891')!
    const b64 = (der: Uint8Array) => Buffer.from(der).toString('base64')
    expect((await endpoints[0]!.send(b64(customs.der), customs)).status).toBe(201)
    expect((await endpoints[1]!.send(b64(citizen.der), citizen)).status).toBe(200)
    expect((await endpoints[2]!.send(b64(citizen.der), citizen)).status).toBe(200)
    expect((await endpoints[3]!.send(b64(firm.der), firm)).status).toBe(200)
    expect((await endpoints[4]!.send(b64(firm.der), firm)).status).toBe(201)
  })

  it('each endpoint answers every mutant with a 4xx (or, for a still-valid certificate, the valid answer), and the server stays up', async () => {
    const rnd = seededRandom(SEED)
    const before = snapshot(t, root)
    const started = performance.now()
    const outcomes: Record<string, Record<string, number>> = {}
    const failures: string[] = []
    const failed: { index: number; endpoint: string; seed: string; certificate: string }[] = []
    let accepted = 0
    /** mutations that happen to give the seed back (a bit flipped twice, a byte set to its own value) */
    let unchanged = 0
    let index = 0
    for (const endpoint of endpoints) {
      const tally: Record<string, number> = (outcomes[endpoint.name] = {})
      for (let i = 0; i < endpoint.count; i++, index++) {
        // a registration is rate-limited per account (30 a minute): the clock moves on, as it would between users' tries
        if (endpoint === endpoints[0] && i % 30 === 29) t.advance(61_000)
        const seed = seeds[Math.floor(rnd() * seeds.length)]!
        const certificate = encodeMutant(mutate(seed.der, rnd), rnd)
        let res: Awaited<ReturnType<Send>>
        const fail = (why: string) => {
          failures.push(`#${index} ${endpoint.name} (${seed.name}): ${why}`)
          failed.push({ index, endpoint: endpoint.name, seed: seed.name, certificate })
        }
        try {
          res = await endpoint.send(certificate, seed)
        } catch (err) {
          fail(`threw ${String(err)}`)
          continue
        }
        const key = `${res.status} ${res.json?.error?.code ?? ''}`.trim()
        tally[key] = (tally[key] ?? 0) + 1
        if (res.status >= 200 && res.status < 300) {
          if (await independentlyValid(certificate)) {
            accepted++
            if (readCertificate(certificate).every((b, k) => b === seed.der[k]) && readCertificate(certificate).length === seed.der.length) unchanged++
          }
          else fail(`${res.status} for a certificate that does not validate on its own`)
        } else if (res.status < 400 || res.status >= 500 || !res.json?.error?.code) {
          fail(`${res.status} ${res.text.slice(0, 200)}`)
        }
      }
    }
    const seconds = (performance.now() - started) / 1000
    console.log(`mutated certificates, seed ${SEED}: ${index} in ${seconds.toFixed(1)} s; ${accepted} still valid and accepted (${unchanged} of them the seed itself)`)
    for (const [name, tally] of Object.entries(outcomes)) console.log(`  ${name}: ${Object.entries(tally).sort().map(([k, n]) => `${k} ×${n}`).join(', ')}`)
    if (failed.length > 0) {
      const file = path.join(tmpdir(), `certdesk-mutated-certificates-${SEED}.json`)
      writeFileSync(file, JSON.stringify(failed, null, 1))
      failures.unshift(`seed ${SEED} (FUZZ_SEED=${SEED} replays the mutations); the failing inputs are in ${file}`)
    }
    expect(failures.slice(0, 20)).toEqual([])
    expect(index).toBe(10_000 * SHARE)
    expect(outcomes['registration .cer upload']!['429 RATE_LIMITED'] ?? 0, 'no mutant was stopped by a rate limit before being read').toBe(0)

    if (accepted === 0) expectNothingWritten(t, before, root, { auditActions: /^(?:card\.rejected|portal\.login_failed)$/ })
    else {
      // a valid mutant's own writes are its answer; nothing else may change
      expectNothingWritten(t, before, root, { auditActions: /^(?:card\.(?:rejected|verified)|portal\.(?:login|login_failed|account_registered)|registration\.created|application\.received_online)$/, changes: ['registrations', 'applications', 'application_events', 'portal_accounts', 'portal_cards', 'sqlite_sequence'] })
    }
    const audited = auditSince(t, before)
    console.log(`  audited refusals: ${audited.filter((a) => a === 'card.rejected').length} card.rejected, ${audited.filter((a) => a === 'portal.login_failed').length} portal.login_failed`)
    await expectHealthy(t)
  }, 300_000)
})
