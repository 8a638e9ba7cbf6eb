import type { DemoHierarchy } from '../ca/demo-hierarchy'
import type { Clock, IssuingCa } from '../ca/ca-types'
import { issueFromCsr } from '../ca/issue'
import type { ProfileRequest } from '../ca/profiles'
import { buildCsr } from '../csr/csr-build'
import { generateSigningKeyPair } from '../csr/key-pair'
import { buildPfxEntries, type PfxEntry } from '../pkcs12/pfx-build'
import { validatePfxPassword } from '../pkcs12/passwords'
import { pkiError } from '../x509-builder/pki-errors'

/**
 * Demo smart cards for the seed: each person gets a MOICA-style citizen card, each company a
 * MOEACA-style company card, as a .p12 holding what a real card holds: a signing pair
 * (digitalSignature) and an encryption pair (keyEncipherment + dataEncipherment), two keys, plus
 * the CA chain. Citizens carry the national ID's last 4 characters in SDA .51 (never the full ID)
 * and a random 16-digit card id as serialNumber; companies carry the UBN in SDA .101 and as
 * serialNumber. Pure: the seed writes the files.
 */
export interface DemoPerson {
  name: string
  nationalId: string
}
export interface DemoCompany {
  name: string
  ubn: string
}
export interface DemoCard {
  /** letters, digits and '-' only, e.g. citizen-1.p12, company-04177036.p12 */
  fileName: string
  name: string
  pfx: Uint8Array
  signCertificate: Uint8Array
  encryptCertificate: Uint8Array
  /** citizens: the 16-digit card id in the subject */
  cardId?: string
  ubn?: string
  nationalId?: string
}

export interface MakeDemoCardsOptions {
  hierarchy: DemoHierarchy
  people: readonly DemoPerson[]
  companies: readonly DemoCompany[]
  /** the PIN of every card (the .p12 password): 4–20 letters or digits */
  pin: string
  clock?: Clock
  validityDays?: number
  /** RSA-2048 by default, like real cards; tests may pass something faster */
  generateKeyPair?: () => Promise<CryptoKeyPair>
  /** tests only, see buildPfxEntries */
  pfxIterations?: number
}

function randomCardId(): string {
  const digits = globalThis.crypto.getRandomValues(new Uint8Array(16))
  return Array.from(digits, (d) => String(d % 10)).join('')
}

async function makeCard(options: MakeDemoCardsOptions, ca: IssuingCa, requests: [sign: ProfileRequest, encrypt: ProfileRequest], friendly: string, chain: Uint8Array[]) {
  const generate = options.generateKeyPair ?? (() => generateSigningKeyPair())
  const entries: PfxEntry[] = []
  for (const [index, request] of requests.entries()) {
    const keyPair = await generate()
    const issued = await issueFromCsr({ ...request, ca, csrDer: await buildCsr({ keyPair }), validity: { days: options.validityDays ?? 1825 }, clock: options.clock })
    entries.push({ privateKey: keyPair.privateKey, certificate: issued.certificate, friendlyName: `${friendly}-${index === 0 ? '簽章' : '加密'}` })
  }
  const pfx = await buildPfxEntries(entries, { password: options.pin, chain, iterations: options.pfxIterations })
  return { pfx, signCertificate: entries[0].certificate, encryptCertificate: entries[1].certificate }
}

export async function makeDemoCards(options: MakeDemoCardsOptions): Promise<{ people: DemoCard[]; companies: DemoCard[] }> {
  validatePfxPassword(options.pin)
  const { hierarchy } = options
  const people: DemoCard[] = []
  for (const [index, person] of options.people.entries()) {
    if (!/^[A-Z][A-Z0-9]\d{8}$/.test(person.nationalId)) throw pkiError('SUBJECT_INVALID', 'national ID or resident number shape')
    const subject = { name: person.name, cardId: randomCardId(), idLast4: person.nationalId.slice(-4) }
    const requests: [ProfileRequest, ProfileRequest] = [
      { profile: 'citizen-card-sign', subject },
      { profile: 'citizen-card-encrypt', subject },
    ]
    const card = await makeCard(options, hierarchy.moica, requests, person.name, [hierarchy.moica.certificate, hierarchy.grca.certificate])
    people.push({ ...card, fileName: `citizen-${index + 1}.p12`, name: person.name, cardId: subject.cardId, nationalId: person.nationalId })
  }
  const companies: DemoCard[] = []
  for (const company of options.companies) {
    const subject = { name: company.name, ubn: company.ubn }
    const requests: [ProfileRequest, ProfileRequest] = [
      { profile: 'company-card-sign', subject },
      { profile: 'company-card-encrypt', subject },
    ]
    const card = await makeCard(options, hierarchy.moeaca, requests, company.name, [hierarchy.moeaca.certificate, hierarchy.grca.certificate])
    companies.push({ ...card, fileName: `company-${company.ubn}.p12`, name: company.name, ubn: company.ubn })
  }
  return { people, companies }
}
