import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isValidNationalId } from '../../core/tw'
import { Pkcs12CardReader } from '../../core/pki'
import { DEMO_CARD_PIN, demoCardPeople } from '../../db/seed/demo-data'
import { writeDemoCards } from './demo-cards'
import { createTestApp, testCards } from './testing'

let t: Awaited<ReturnType<typeof createTestApp>>
const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-cards-'))
let dir: string | null
beforeAll(async () => {
  t = await createTestApp({}, { ca: true })
  dir = await writeDemoCards({ db: t.db, settings: t.ca, dataDir, now: t.now(), ...testCards })
}, 60_000)
afterAll(() => {
  t.close()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('demo smart cards', () => {
  it('writes citizen and company cards with a README naming the PIN, once', async () => {
    expect(dir).toBe(path.join(dataDir, 'demo-cards'))
    expect(readFileSync(path.join(dir!, 'README.txt'), 'utf8')).toContain(`PIN ${DEMO_CARD_PIN}`)
    for (const f of ['citizen-1.p12', 'citizen-3.p12', 'company-52111891.p12', 'company-82656552.p12']) expect(existsSync(path.join(dir!, f)), f).toBe(true)
    expect(await writeDemoCards({ db: t.db, settings: t.ca, dataDir, now: t.now(), ...testCards })).toBeNull()
    for (const p of demoCardPeople) expect(isValidNationalId(p.nationalId)).toBe(true)
  })

  it('a citizen card opens with the PIN and carries the last 4 of the holder\'s ID, not the ID', async () => {
    const card = await new Pkcs12CardReader().open(new Uint8Array(readFileSync(path.join(dir!, 'citizen-1.p12'))), DEMO_CARD_PIN)
    expect(card.info.kind).toBe('moica')
    expect(card.info.identity.idLast4).toBe(demoCardPeople[0]!.nationalId.slice(-4))
    expect(card.info.identity.name).toBe(demoCardPeople[0]!.name)
    expect(card.info.canSign).toBe(true)
    expect(Buffer.from(card.certificate).includes(Buffer.from(demoCardPeople[0]!.nationalId))).toBe(false)
  })

  it('a company card carries the UBN, and a wrong PIN says only that', async () => {
    const file = new Uint8Array(readFileSync(path.join(dir!, 'company-61611290.p12')))
    const card = await new Pkcs12CardReader().open(file, DEMO_CARD_PIN)
    expect(card.info.kind).toBe('moeaca')
    expect(card.info.identity.ubn).toBe('61611290')
    await expect(new Pkcs12CardReader().open(file, '000000')).rejects.toMatchObject({ code: 'WRONG_PIN', text: { 'zh-TW': 'PIN 錯誤', en: 'Wrong PIN' } })
  })

  it('records every card certificate in the CA register, so it can be revoked', () => {
    const rows = t.sqlite.prepare("select ca_name, profile, count(*) n from ca_issued group by ca_name, profile order by ca_name, profile").all()
    expect(rows).toEqual([
      { ca_name: 'moeaca', profile: 'company-card-encrypt', n: 3 },
      { ca_name: 'moeaca', profile: 'company-card-sign', n: 3 },
      { ca_name: 'moica', profile: 'citizen-card-encrypt', n: 3 },
      { ca_name: 'moica', profile: 'citizen-card-sign', n: 3 },
    ])
  })
})
