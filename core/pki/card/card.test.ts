import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { createDemoHierarchy, type DemoHierarchy } from '../ca/demo-hierarchy'
import { ecKeyPair } from '../ca/test-keys'
import { generateSigningKeyPair } from '../csr/key-pair'
import { buildPfxEntries } from '../pkcs12/pfx-build'
import { encodeBase64 } from '../x509-builder/base64-encode'
import { pkiErrorCode } from '../x509-builder/pki-errors'
import { makeDemoCards, type DemoCard } from './demo-cards'
import { challengeMessage, createLoginChallenge, signChallenge, verifyChallengeSignature } from './login-challenge'
import { Pkcs12CardReader } from './pkcs12-card-reader'

const PIN = '123456'
const NOW = new Date('2025-03-01T08:00:00.000Z')
const AUDIENCE = 'https://certdesk.example'
const reader = new Pkcs12CardReader()
const fast = { pin: PIN, pfxIterations: 2048, clock: () => NOW }
let hierarchy: DemoHierarchy
let citizen: DemoCard
let company: DemoCard
let rsaCitizen: DemoCard

const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => pkiErrorCode(error) ?? String(error))
const pem = (der: Uint8Array) => `-----BEGIN CERTIFICATE-----\n${encodeBase64(der).replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`

beforeAll(async () => {
  hierarchy = await createDemoHierarchy({ generateKeyPair: ecKeyPair, clock: () => new Date('2025-01-01T00:00:00Z') })
  const cards = await makeDemoCards({ ...fast, hierarchy, people: [{ name: '王小明', nationalId: 'A123456789' }], companies: [{ name: '測試股份有限公司', ubn: '04177036' }], generateKeyPair: ecKeyPair })
  ;[citizen] = cards.people
  ;[company] = cards.companies
  const rsaKeys = [await generateSigningKeyPair(), await generateSigningKeyPair()]
  ;[rsaCitizen] = (await makeDemoCards({ ...fast, hierarchy, people: [{ name: '陳美麗', nationalId: 'F223456780' }], companies: [], generateKeyPair: async () => rsaKeys.shift()! })).people
})

describe('demo cards', () => {
  it('hold a signing and an encryption certificate with the GPKI identity, and chain to the demo GRCA', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'certdesk-card-'))
    writeFileSync(join(dir, 'root.pem'), pem(hierarchy.grca.certificate))
    writeFileSync(join(dir, 'moica.pem'), pem(hierarchy.moica.certificate))
    writeFileSync(join(dir, 'sign.pem'), pem(citizen.signCertificate))
    const verified = execFileSync('openssl', ['verify', '-x509_strict', '-attime', String(NOW.getTime() / 1000), '-CAfile', join(dir, 'root.pem'), '-untrusted', join(dir, 'moica.pem'), join(dir, 'sign.pem')])
    expect(verified.toString()).toMatch(/sign\.pem: OK/)
    writeFileSync(join(dir, citizen.fileName), citizen.pfx)
    const dump = spawnSync('openssl', ['pkcs12', '-in', join(dir, citizen.fileName), '-nodes', '-passin', `pass:${PIN}`], { encoding: 'utf8' })
    expect(dump.stdout.match(/BEGIN PRIVATE KEY/g)).toHaveLength(2)
    expect(dump.stdout.match(/BEGIN CERTIFICATE/g)).toHaveLength(4)
    expect(readFileSync(join(dir, citizen.fileName)).length).toBe(citizen.pfx.length)
    expect(citizen.fileName).toBe('citizen-1.p12')
    expect(company.fileName).toBe('company-04177036.p12')
    expect(citizen.cardId).toMatch(/^\d{16}$/)
  })

  it('refuse a PIN outside 4–20 letters or digits, and an ID of the wrong shape', async () => {
    expect(await code(makeDemoCards({ ...fast, hierarchy, pin: '12', people: [], companies: [] }))).toBe('PFX_PASSWORD_RULE')
    expect(await code(makeDemoCards({ ...fast, hierarchy, people: [{ name: 'x', nationalId: '123' }], companies: [], generateKeyPair: ecKeyPair }))).toBe('SUBJECT_INVALID')
  })
})

describe('Pkcs12CardReader', () => {
  it('opens a citizen card on its signing certificate, with the chain', async () => {
    const card = await reader.open(citizen.pfx, PIN)
    expect(card.certificate).toEqual(citizen.signCertificate)
    expect(card.info.extensions.keyUsage).toEqual(['digitalSignature'])
    expect(card.info.identity).toMatchObject({ name: '王小明', idLast4: '6789', cardType: 'primary' })
    expect(card.info.kind).toBe('moica')
    expect(card.chain).toEqual([hierarchy.moica.certificate, hierarchy.grca.certificate])
  })

  it('opens a company card: UBN from SDA .101 and serialNumber', async () => {
    const card = await reader.open(company.pfx, PIN)
    expect(card.info.identity).toMatchObject({ name: '測試股份有限公司', ubn: '04177036', ubnSource: 'extension' })
    expect(card.info.kind).toBe('moeaca')
  })

  it('says WRONG_PIN, in both languages and nothing more, for a wrong PIN', async () => {
    const error = await reader.open(citizen.pfx, '654321').catch((e: unknown) => e)
    expect(pkiErrorCode(error)).toBe('WRONG_PIN')
    expect((error as { text: unknown }).text).toEqual({ 'zh-TW': 'PIN 錯誤', en: 'Wrong PIN' })
    expect((error as Error).message).toBe('Wrong PIN')
  })

  it('refuses an encryption-only card and a file without keys', async () => {
    // Any key will do: the reader refuses before it looks for one.
    const keys = await ecKeyPair()
    const encryptionOnly = await buildPfxEntries([{ privateKey: keys.privateKey, certificate: citizen.encryptCertificate }], { password: PIN, iterations: 2048 })
    expect(await code(reader.open(encryptionOnly, PIN))).toBe('NO_SIGNING_CERTIFICATE')
    const truststore = new Uint8Array(readFileSync(join(__dirname, '../../../../shared/testsuites/pkcs12/openssl/nokeys-truststore.p12')))
    expect(await code(reader.open(truststore, 'Passw0rd!'))).toBe('NO_PRIVATE_KEY')
  })

  it('finds the right key even when the localKeyIds are swapped', async () => {
    const [a, b] = [await ecKeyPair(), await ecKeyPair()]
    const pool = [a, b] // a signs, b encrypts
    const people = [{ name: '李四', nationalId: 'B123456780' }]
    const { signCertificate } = (await makeDemoCards({ ...fast, hierarchy, people, companies: [], generateKeyPair: async () => pool.shift()! })).people[0]
    const swapped = await buildPfxEntries([{ privateKey: b.privateKey, certificate: signCertificate }, { privateKey: a.privateKey, certificate: citizen.encryptCertificate }], { password: PIN, iterations: 2048 })
    const card = await reader.open(swapped, PIN)
    const challenge = createLoginChallenge({ audience: AUDIENCE, now: NOW })
    await expect(verifyChallengeSignature({ challenge, response: await signChallenge(card, challenge), now: NOW, maxAgeMs: 60_000 })).resolves.toBeTruthy()
  })
})

describe('login challenge', () => {
  it('signs exactly "certdesk-login\\n<audience>\\n<nonce>\\n<issuedAt>"', () => {
    const challenge = createLoginChallenge({ audience: AUDIENCE, now: NOW })
    expect(challenge.nonce).toMatch(/^[\w-]{43}$/)
    expect(challenge.issuedAt).toBe('2025-03-01T08:00:00.000Z')
    expect(new TextDecoder().decode(challengeMessage(challenge))).toBe(`certdesk-login\n${AUDIENCE}\n${challenge.nonce}\n2025-03-01T08:00:00.000Z`)
  })

  it.each([
    ['ECDSA', () => citizen],
    ['RSA', () => rsaCitizen],
  ])('verifies a fresh %s response and returns the certificate it was made with', async (_, card) => {
    const opened = await reader.open(card().pfx, PIN)
    const challenge = createLoginChallenge({ audience: AUDIENCE, now: NOW })
    const response = await signChallenge(opened, challenge)
    const result = await verifyChallengeSignature({ challenge, response, now: new Date(NOW.getTime() + 30_000), maxAgeMs: 120_000 })
    expect(result.certificate).toEqual(card().signCertificate)
    expect(result.info.identity.idLast4).toBe(card().nationalId!.slice(-4))
  })

  it('refuses a stale, altered or borrowed response', async () => {
    const card = await reader.open(citizen.pfx, PIN)
    const challenge = createLoginChallenge({ audience: AUDIENCE, now: NOW })
    const response = await signChallenge(card, challenge)
    const check = (overrides: Partial<Parameters<typeof verifyChallengeSignature>[0]>) =>
      code(verifyChallengeSignature({ challenge, response, now: NOW, maxAgeMs: 60_000, ...overrides }))
    expect(await check({ now: new Date(NOW.getTime() + 60_001) })).toBe('CHALLENGE_EXPIRED')
    expect(await check({ now: new Date(NOW.getTime() - 60_000) })).toBe('CHALLENGE_INVALID')
    expect(await check({ challenge: { ...challenge, audience: 'https://evil.example' } })).toBe('CHALLENGE_INVALID')
    expect(await check({ challenge: createLoginChallenge({ audience: AUDIENCE, now: NOW }) })).toBe('CHALLENGE_INVALID')
    expect(await check({ response: { ...response, certificate: encodeBase64(company.signCertificate) } })).toBe('CHALLENGE_INVALID')
    expect(await check({ response: { ...response, certificate: encodeBase64(citizen.encryptCertificate) } })).toBe('NO_SIGNING_CERTIFICATE')
    expect(await check({ response: { ...response, signature: 'not base64!' } })).toBe('CHALLENGE_INVALID')
    expect(await check({ challenge: { ...challenge, audience: 'a\nb' } })).toBe('CHALLENGE_INVALID')
  })
})
