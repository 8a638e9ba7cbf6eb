import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Pkcs12CardReader, signChallenge, type Card, type LoginChallenge } from '../../../core/pki'
import { DEMO_CARD_PIN } from '../../../db/seed/demo-data'
import { writeDemoCards } from '../../lib/demo-cards'
import { testCards, type createTestApp, type Session } from '../../lib/testing'

type TestApp = Awaited<ReturnType<typeof createTestApp>>

export const DEMO_PEOPLE = {
  'citizen-1': { name: '王建民', idNumber: 'A115881394' },
  'citizen-2': { name: '蔡明哲', idNumber: 'C189768466' },
  'citizen-3': { name: '林雅琪', idNumber: 'K227317784' },
} as const
export type DemoCardName = keyof typeof DEMO_PEOPLE | 'company-52111891' | 'company-61611290' | 'company-82656552'

/** The demo cards of a test app (which needs `{ ca: true }`), opened with their PIN. */
export async function openDemoCards(t: TestApp): Promise<Record<DemoCardName, Card>> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-cards-'))
  const dir = (await writeDemoCards({ db: t.db, settings: t.ca, dataDir, now: t.now(), ...testCards }))!
  const names: DemoCardName[] = ['citizen-1', 'citizen-2', 'citizen-3', 'company-52111891', 'company-61611290', 'company-82656552']
  const files = names.map((n) => new Uint8Array(readFileSync(path.join(dir, `${n}.p12`))))
  rmSync(dataDir, { recursive: true, force: true }) // one folder per test that opened the cards was left behind
  const cards = await Promise.all(files.map((file) => new Pkcs12CardReader().open(file, DEMO_CARD_PIN)))
  return Object.fromEntries(names.map((n, i) => [n, cards[i]!])) as Record<DemoCardName, Card>
}

/** What the browser sends when a card answers a fresh challenge. */
export async function cardAnswerFor(t: TestApp, card: Card): Promise<{ nonce: string; certificate: string; signature: string }> {
  const challenge = (await t.call('POST', '/api/card-login/challenge')).json as LoginChallenge
  return { nonce: challenge.nonce, ...(await signChallenge(card, challenge)) }
}

export const PORTAL_PASSWORD = 'Portal-pass-1'

export async function registerPerson(t: TestApp, card: Card, person: { name: string; idNumber: string }, overrides: Record<string, unknown> = {}) {
  return t.call('POST', '/api/portal/accounts', {
    body: {
      category: 'individual', attribute: 'general', ...(await cardAnswerFor(t, card)),
      email: `${person.idNumber.toLowerCase()}@example.tw`, contactName: person.name, idNumber: person.idNumber, birthDate: '1980-05-17',
      phone: '0912345678', address: '臺北市中正區重慶南路一段 122 號', password: PORTAL_PASSWORD, passwordConfirm: PORTAL_PASSWORD, ...overrides,
    },
  })
}

export async function registerCompany(t: TestApp, card: Card, ubn: string, overrides: Record<string, unknown> = {}) {
  return t.call('POST', '/api/portal/accounts', {
    body: {
      category: 'company', attribute: 'customs-broker', ...(await cardAnswerFor(t, card)),
      email: `contact-${ubn}@example.tw`, contactName: '陳小明', phone: '02-25505500#12', address: '基隆市中正區港西街 6 號',
      password: PORTAL_PASSWORD, passwordConfirm: PORTAL_PASSWORD, ubn, companyName: `公司 ${ubn}`, representative: '林大同', companyPhone: '02-24202951', companyAddress: '基隆市中正區港西街 6 號', ...overrides,
    },
  })
}

function sessionOf(res: { status: number; headers: Headers; json: { csrfToken: string } }, what: string): Session {
  if (res.status !== 200) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.json)}`)
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrfToken: res.json.csrfToken }
}

/** Signs in to the portal with a registered card; the session works with `t.call(..., { as })`. */
export async function portalCardLogin(t: TestApp, card: Card): Promise<Session> {
  return sessionOf(await t.call('POST', '/api/portal/auth/login/card', { body: await cardAnswerFor(t, card) }), 'portal card login')
}

export async function portalPasswordLogin(t: TestApp, accountId: string, password = PORTAL_PASSWORD): Promise<Session> {
  return sessionOf(await t.call('POST', '/api/portal/auth/login/password', { body: { accountId, password } }), 'portal password login')
}
