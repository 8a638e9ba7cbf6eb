import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { inspectCertificate, makeDemoCards, type DemoCard } from '../../core/pki'
import { inTransaction, type Db } from '../../db/client'
import { DEMO_CARD_PIN, demoCardCompanies, demoCardPeople } from '../../db/seed/demo-data'
import { issuingCa } from '../modules/ca/ca.service'
import { insertIssued } from '../modules/ca/ca.repo'
import type { CaSettings } from '../modules/ca/ca.settings'

/**
 * Writes the demo smart cards to DATA_DIR/demo-cards, once: citizen cards from the test MOICA and company cards
 * from the test MOEACA, each a .p12 with a signing and an encryption certificate, as real cards carry. The
 * certificates enter the CA's register, so they can be revoked like any other.
 */
export async function writeDemoCards(opts: { db: Db; settings: CaSettings; dataDir: string; now: Date; generateKeyPair?: () => Promise<CryptoKeyPair>; pfxIterations?: number }): Promise<string | null> {
  const dir = path.resolve(opts.dataDir, 'demo-cards')
  if (existsSync(path.join(dir, 'README.txt'))) return null
  const ca = (name: string) => issuingCa({ db: opts.db, settings: opts.settings, name })
  const hierarchy = { grca: await ca('grca'), twca: await ca('twca'), moica: await ca('moica'), moeaca: await ca('moeaca'), customs: await ca('customs') }
  const cards = await makeDemoCards({ hierarchy, people: demoCardPeople, companies: demoCardCompanies, pin: DEMO_CARD_PIN, clock: () => opts.now, generateKeyPair: opts.generateKeyPair, pfxIterations: opts.pfxIterations })
  await register(opts.db, 'moica', cards.people, opts.now)
  await register(opts.db, 'moeaca', cards.companies, opts.now)
  mkdirSync(dir, { recursive: true })
  const lines = [`Demo smart cards: open each .p12 with the PIN ${DEMO_CARD_PIN}.`, '']
  for (const card of [...cards.people, ...cards.companies]) {
    writeFileSync(path.join(dir, card.fileName), card.pfx)
    lines.push(`${card.fileName.padEnd(24)} ${card.name}${card.nationalId ? `  (ID ${card.nationalId})` : ''}${card.ubn ? `  (UBN ${card.ubn})` : ''}`)
  }
  writeFileSync(path.join(dir, 'README.txt'), lines.join('\n') + '\n')
  return dir
}

async function register(db: Db, caName: string, cards: DemoCard[], now: Date): Promise<void> {
  const rows: Parameters<typeof insertIssued>[1][] = []
  for (const card of cards) {
    for (const [der, profile] of [[card.signCertificate, 'sign'], [card.encryptCertificate, 'encrypt']] as const) {
      const info = await inspectCertificate(der)
      rows.push({ caName, serialHex: info.serialHex, profile: `${caName === 'moica' ? 'citizen' : 'company'}-card-${profile}`, subjectDn: info.subject.display, notBefore: info.notBefore, notAfter: info.notAfter, der: Buffer.from(der), issuedAt: now.toISOString() })
    }
  }
  inTransaction(db, (tx) => {
    for (const row of rows) insertIssued(tx, row)
  })
}
