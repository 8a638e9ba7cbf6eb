import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Card } from '../../core/pki'
import type { Session } from '../lib/testing'
import { paperForm } from '../modules/applications/applications.fixtures'
import { cardAnswerFor, openDemoCards, PORTAL_PASSWORD, type DemoCardName } from '../modules/portal-accounts/portal.fixtures'
import { attackedApp, expectHealthy, expectNothingWritten, snapshot, type TestApp } from './attack.fixtures'

/**
 * Unicode edge cases in the text fields of real forms (application keying, staff accounts, portal registration)
 * and in search boxes. The rule (core/contracts/text.ts): control characters, invisible formatting characters
 * and lone surrogates are refused with a message on the field, in zh-TW and English; real text (CJK of every
 * plane, combining marks, emoji, ideographic variation sequences) is kept exactly, and lengths count characters.
 */
let t: TestApp
/** A text column's stored bytes in hex, upper case (PostgreSQL has no hex()) */
const hexOf = (column: string) => (t.dialect === 'postgres' ? `upper(encode(convert_to(${column}, 'UTF8'), 'hex'))` : `hex(${column})`)
let root: string
let dispose: () => void
let admin: Session
let clerk: Session
let cards: Record<DemoCardName, Card>
beforeAll(async () => {
  ;({ t, root, dispose } = await attackedApp({}, { ca: true }))
  admin = await t.login('admin')
  clerk = await t.login('clerk.keelung')
  cards = await openDemoCards(t)
})
afterAll(() => dispose())

const MESSAGES = {
  brokenUnicode: ['含有不完整的 Unicode 字元（單獨的代理字元），請重新輸入', 'Contains a broken Unicode character (a lone surrogate); type the text again'],
  controlCharacter: ['含有不允許的控制字元（如 NUL 或換行），請刪除後再送出', 'Contains a control character (such as NUL or a line break) that is not allowed here; remove it and try again'],
  invisibleCharacter: [
    '含有看不見的格式字元（如文字方向覆寫 U+202E 或零寬空白），請刪除後再送出',
    'Contains an invisible formatting character (such as the right-to-left override U+202E or a zero-width space); remove it and try again',
  ],
} as const

/** What an attacker types, and which message it must get. */
const refused: [string, string, keyof typeof MESSAGES][] = [
  ['a lone high surrogate', '王\ud800明', 'brokenUnicode'],
  ['a lone low surrogate', '\udc00王明', 'brokenUnicode'],
  ['a surrogate pair in the wrong order', '王\udc00\ud800明', 'brokenUnicode'],
  ['NUL', '王\u0000明', 'controlCharacter'],
  ['BEL', '王\u0007明', 'controlCharacter'],
  ['ESC (a terminal escape sequence)', '王\u001b[31m明', 'controlCharacter'],
  ['DEL', '王\u007f明', 'controlCharacter'],
  ['C1 NEL', '王\u0085明', 'controlCharacter'],
  ['a line break in a one-line field', '王\n明', 'controlCharacter'],
  ['a tab in a one-line field', '王\t明', 'controlCharacter'],
  ['LINE SEPARATOR U+2028', '王\u2028明', 'controlCharacter'],
  ['RIGHT-TO-LEFT OVERRIDE U+202E', '報關\u202egnp.exe', 'invisibleCharacter'],
  ['LEFT-TO-RIGHT EMBEDDING U+202A', '報\u202a關', 'invisibleCharacter'],
  ['RIGHT-TO-LEFT ISOLATE U+2067', '報\u2067關', 'invisibleCharacter'],
  ['RIGHT-TO-LEFT MARK U+200F', '報\u200f關', 'invisibleCharacter'],
  ['ZERO WIDTH SPACE U+200B', '報\u200b關', 'invisibleCharacter'],
  ['WORD JOINER U+2060', '報\u2060關', 'invisibleCharacter'],
  ['a BOM inside the text', '報\ufeff關', 'invisibleCharacter'],
  ['SOFT HYPHEN', '報\u00ad關', 'invisibleCharacter'],
]

/** Real text a customs office meets, kept exactly as typed (no NFC: U+FA0C would become U+5140). */
const accepted: [string, string][] = [
  ['supplementary-plane Han (𠀋, U+2000B)', '𠀋建民'],
  ['a CJK compatibility ideograph (U+FA0C), not normalised', '\ufa0c港報關行'],
  ['an ideographic variation sequence', '葛\u{e0100}西報關'],
  ['a combining sequence', 'Cafe\u0301 Trading'],
  ['a 4-byte emoji and a ZWJ sequence', '港通 🚢 👩\u200d💻'],
  ['full-width letters and digits', 'ＡＢＣ報關１２３'],
  ['Japanese and Korean', '日本通関 한국관세'],
  ['Arabic letters (right-to-left, with no bidi control)', 'شركة الجمارك'],
  ['an SQL-looking name', "O'Brien\"; drop table applications; -- %_\\"],
]

const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex').toUpperCase()

describe('application keying (DC02): companyName, contactName, representative', () => {
  it.each(refused)('%s is refused on the field, in zh-TW and English, and nothing is written', async (_what, value, key) => {
    const before = snapshot(t, root)
    for (const field of ['companyName', 'contactName', 'representative']) {
      const zh = await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, [field]: value } })
      expect(zh.status, field).toBe(400)
      expect(zh.json.error.fieldErrors).toEqual({ [field]: MESSAGES[key][0] })
      const en = await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, [field]: value }, headers: { 'accept-language': 'en' } })
      expect(en.json.error.fieldErrors).toEqual({ [field]: MESSAGES[key][1] })
    }
    expectNothingWritten(t, before, root)
  })

  it.each(accepted)('%s is kept exactly, and stored as valid UTF-8', async (_what, value) => {
    const draft = await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, companyName: value, contactName: value } })
    expect(draft.status).toBe(201)
    const back = await t.call('GET', `/api/applications/${draft.json.id}`, { as: clerk })
    expect(back.json.companyName).toBe(value)
    expect(back.json.contactName).toBe(value)
    const stored = t.sqlite.prepare(`select ${hexOf('company_name')} h from applications where id = ?`).get(draft.json.id) as { h: string }
    expect(stored.h).toBe(hex(value))
  })

  it('counts characters, not UTF-16 units: 100 × 𠀋 fits companyName (100), 101 do not', async () => {
    const fits = await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, companyName: '𠀋'.repeat(100) } })
    expect(fits.status).toBe(201)
    expect(fits.json.companyName).toBe('𠀋'.repeat(100))
    const before = snapshot(t, root)
    const over = await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, companyName: '𠀋'.repeat(101) } })
    expect(over.json.error.fieldErrors).toEqual({ companyName: '最多 100 個字元' })
    const overEn = await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, companyName: 'a'.repeat(101) }, headers: { 'accept-language': 'en' } })
    expect(overEn.json.error.fieldErrors).toEqual({ companyName: 'At most 100 characters' })
    const huge = await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, companyName: '𠀋'.repeat(200_000) } })
    expect(huge.json.error.fieldErrors).toEqual({ companyName: '最多 100 個字元' })
    expectNothingWritten(t, before, root)
  })

  it('notes may hold line breaks and tabs, but not NUL or U+202E', async () => {
    const draft = (await t.call('POST', '/api/applications', { as: clerk, body: paperForm })).json
    const submitted = (await t.call('POST', `/api/applications/${draft.id}/submit`, { as: clerk, body: { version: draft.version } })).json
    const before = snapshot(t, root)
    for (const [notes, key] of [['已核對\u0000正本', 'controlCharacter'], ['已核對\u202e正本', 'invisibleCharacter']] as const) {
      const res = await t.call('POST', `/api/applications/${submitted.id}/prepare`, { as: clerk, body: { notes, checksReviewed: true, version: submitted.version } })
      expect(res.json.error.fieldErrors).toEqual({ notes: MESSAGES[key][0] })
    }
    expectNothingWritten(t, before, root)
    const ok = await t.call('POST', `/api/applications/${submitted.id}/prepare`, { as: clerk, body: { notes: '已核對正本\n\t附件 2 份', checksReviewed: true, version: submitted.version } })
    expect(ok.status).toBe(200)
  })
})

describe('staff accounts: displayName', () => {
  const staff = (displayName: string, username: string) => ({ username, displayName, officeCode: 'AA', roles: ['clerk'] })

  it.each(refused)('%s is refused on displayName, and no account is made', async (_what, value, key) => {
    const before = snapshot(t, root)
    const res = await t.call('POST', '/api/staff', { as: admin, body: staff(value, 'unicode.attack'), headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(400)
    expect(res.json.error.fieldErrors).toEqual({ displayName: MESSAGES[key][1] })
    expectNothingWritten(t, before, root)
  })

  it('a supplementary-plane name is accepted and counted as one character each (50 × 𠀋)', async () => {
    const res = await t.call('POST', '/api/staff', { as: admin, body: staff('𠀋'.repeat(50), 'long.name') })
    expect(res.status).toBe(201)
    expect(res.json.staff.displayName).toBe('𠀋'.repeat(50))
  })

  it('a username with look-alike or invisible characters is refused by its format', async () => {
    const before = snapshot(t, root)
    for (const username of ['аdmin', 'ad\u200bmin', 'admin\u0000', 'ＡＤＭＩＮ', 'admin\u202e']) {
      const res = await t.call('POST', '/api/staff', { as: admin, body: staff('測試', username) })
      expect(res.json.error.fieldErrors, username).toEqual({ username: expect.stringContaining('帳號限用') })
    }
    expectNothingWritten(t, before, root)
  })
})

describe('portal registration: contactName, address, companyName, representative', () => {
  /** One answer of the card to one challenge: refused forms never reach the card, so it still works at the end. */
  let answer: { nonce: string; certificate: string; signature: string }
  beforeAll(async () => {
    answer = await cardAnswerFor(t, cards['company-61611290'])
  })
  const register = (overrides: Record<string, string>) =>
    t.call('POST', '/api/portal/accounts', {
      body: {
        category: 'company', attribute: 'customs-broker', ...answer, email: 'contact-61611290@example.tw', contactName: '陳小明', phone: '02-25505500#12', address: '臺北市中正區重慶南路一段 122 號',
        password: PORTAL_PASSWORD, passwordConfirm: PORTAL_PASSWORD, ubn: '61611290', companyName: '公司 61611290', representative: '林大同', companyPhone: '02-24202951', companyAddress: '臺北市中正區重慶南路一段 122 號', ...overrides,
      },
    })

  it.each(refused)('%s is refused by name before the card is even looked at', async (_what, value, key) => {
    const before = snapshot(t, root)
    for (const field of ['contactName', 'address', 'companyName', 'representative', 'companyAddress']) {
      const res = await register({ [field]: value })
      expect(res.status, field).toBe(400)
      expect(res.json.error.fieldErrors).toEqual({ [field]: MESSAGES[key][0] })
    }
    expectNothingWritten(t, before, root)
  })

  it('a company registers with supplementary-plane Han in its contact, representative and address', async () => {
    const res = await register({ contactName: '𠀋小明', representative: '林𠀋同', address: '臺北市中正區𠀋街 1 號', companyAddress: '臺北市中正區𠀋街 1 號' })
    expect(res.status, res.text).toBe(201)
    const row = t.sqlite.prepare(`select ${hexOf('contact_name')} c from portal_accounts where account_id = '61611290'`).get() as { c: string }
    expect(row.c).toBe(hex('𠀋小明'))
  })
})

describe('search boxes', () => {
  const boxes = (): [string, Session][] => [
    ['/api/applications', clerk],
    ['/api/staff', admin],
    ['/api/lookup', clerk],
    ['/api/broker-records/firms', clerk],
    ['/api/broker-records/brokers', clerk],
    ['/api/certificates', clerk],
    ['/api/payments', clerk],
    ['/api/mail', admin],
  ]

  // A URL carries UTF-8, which has no lone surrogates: those are tried below as the bytes that would encode them.
  it.each(refused.filter(([, , key]) => key !== 'brokenUnicode'))('%s in q: a 400 on q, nothing written', async (_what, value, key) => {
    const before = snapshot(t, root)
    for (const [path, as] of boxes()) {
      const res = await t.call('GET', `${path}?q=${encodeURIComponent(value)}`, { as })
      expect(res.status, path).toBe(400)
      expect(res.json.error.fieldErrors, path).toEqual({ q: MESSAGES[key][0] })
    }
    expectNothingWritten(t, before, root)
  })

  it('invalid UTF-8 in q (the bytes of a surrogate ED A0 80, an overlong slash C0 AF, a lone FF): an answer or a 400, never a 5xx', async () => {
    const before = snapshot(t, root)
    for (const [path, as] of boxes()) {
      for (const raw of ['%ED%A0%80', '%C0%AF', '%FF', '%E4%B8', '%']) {
        const res = await t.call('GET', `${path}?q=${raw}`, { as })
        expect(res.status, `${path} ${raw}: ${res.text.slice(0, 200)}`).toBeLessThan(500)
        expect([200, 400], `${path} ${raw}`).toContain(res.status)
      }
    }
    expectNothingWritten(t, before, root)
  })

  it.each(accepted)('%s in q: an answer, not an error', async (_what, value) => {
    for (const [path, as] of boxes()) {
      const res = await t.call('GET', `${path}?q=${encodeURIComponent(value)}`, { as })
      expect(res.status, `${path}: ${res.text.slice(0, 200)}`).toBe(200)
    }
  })

  it('finds what was keyed with supplementary-plane Han', async () => {
    await t.call('POST', '/api/applications', { as: clerk, body: { ...paperForm, companyName: '𠀋𠀋報關行' } })
    const found = await t.call('GET', `/api/applications?status=draft&q=${encodeURIComponent('𠀋𠀋報關')}`, { as: clerk })
    expect(found.json.items.map((a: { companyName: string }) => a.companyName)).toContain('𠀋𠀋報關行')
    await expectHealthy(t)
  })
})
