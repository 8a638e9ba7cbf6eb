import type { CardType } from '../gpki-identity'
import type { DnEntry } from '../x509-builder/distinguished-name'
import { pkiError } from '../x509-builder/pki-errors'
import type { IssuerFacts } from './ca-certificate'

/**
 * Subjects the CA writes; the request's subject is never used. Shapes are checked here (UBN 8
 * digits, broker code A–D + 5 digits …); checksums and existence are the service's job (core/tw).
 *
 * Customs certificates sit under the issuing CA's name, as TaiCA's do (pki/README.md):
 *   customs-corporate: C=TW, O=Finance, OU=<CA OU>, OU=<raUbn>-RA-<nnn>, OU=TST, CN=<UBN>-<nn>-000
 *   customs-personal:  C=TW, O=Finance, OU=<CA OU>, OU=<raUbn>-RA-<nnn>, OU=TST, CN=SingleWindow-<nn>-<broker code>, serialNumber=<employer UBN>
 * OU=TST only when the issuing CA is a test CA. The broker's certificate carries the firm's UBN as
 * the subject serialNumber, which inspectCertificate already reads as the UBN (gpki-identity.ts),
 * while classify.ts reads the broker code from the CN.
 * Cards, MOICA / MOEACA style (the GPKI samples):
 *   citizen: C=TW, CN=<name>, serialNumber=<16-digit card id, opaque, never the national ID>
 *   company: C=TW, O=<company name>, serialNumber=<UBN>
 */
export interface CustomsRa {
  /** the UBN of the RA that registered the holder */
  ubn: string
  /** the RA's number, 1–999; default 1 */
  number?: number
}
export interface CustomsCorporateSubject {
  ubn: string
  /** the firm's certificate number, 1–99 (the nn of <UBN>-nn-000) */
  sequence: number
  ra: CustomsRa
}
export interface CustomsPersonalSubject {
  /** 專責報關人員代碼, e.g. B00051 */
  brokerCode: string
  /** the UBN of the broker's firm */
  ubn: string
  sequence: number
  ra: CustomsRa
}
export interface CitizenCardSubject {
  name: string
  /** the card's 16-digit serialNumber: an opaque id, never the national ID */
  cardId: string
  /** last 4 characters of the national ID or resident number */
  idLast4: string
  cardType?: CardType
}
export interface CompanyCardSubject {
  name: string
  ubn: string
  cardType?: CardType
}

function check(ok: boolean, detail: string): void {
  if (!ok) throw pkiError('SUBJECT_INVALID', detail)
}

const UBN = /^\d{8}$/
const two = (n: number) => String(n).padStart(2, '0')

function checkRa(ra: CustomsRa): string {
  const number = ra.number ?? 1
  check(UBN.test(ra.ubn), 'RA UBN must be 8 digits')
  check(Number.isInteger(number) && number >= 1 && number <= 999, 'RA number must be 1–999')
  return `${ra.ubn}-RA-${String(number).padStart(3, '0')}`
}

function checkSequence(sequence: number): string {
  check(Number.isInteger(sequence) && sequence >= 1 && sequence <= 99, 'sequence must be 1–99')
  return two(sequence)
}

/** C, O and OU of the issuing CA, then the RA, then OU=TST for a test CA. */
function customsPrefix(issuer: IssuerFacts, ra: CustomsRa): DnEntry[] {
  const prefix: DnEntry[] = []
  for (const rdn of issuer.info.subject.rdns) {
    for (const attribute of rdn) if (attribute.shortName && ['C', 'O', 'OU'].includes(attribute.shortName)) prefix.push([attribute.shortName, attribute.value])
  }
  prefix.push(['OU', checkRa(ra)])
  if (issuer.info.isTest) prefix.push(['OU', 'TST'])
  return prefix
}

export function customsCorporateSubject(subject: CustomsCorporateSubject, issuer: IssuerFacts): DnEntry[] {
  check(UBN.test(subject.ubn), 'UBN must be 8 digits')
  return [...customsPrefix(issuer, subject.ra), ['CN', `${subject.ubn}-${checkSequence(subject.sequence)}-000`]]
}

export function customsPersonalSubject(subject: CustomsPersonalSubject, issuer: IssuerFacts): DnEntry[] {
  check(/^[A-D]\d{5}$/.test(subject.brokerCode), 'broker code must be A–D and 5 digits')
  check(UBN.test(subject.ubn), 'UBN must be 8 digits')
  return [
    ...customsPrefix(issuer, subject.ra),
    ['CN', `SingleWindow-${checkSequence(subject.sequence)}-${subject.brokerCode}`],
    ['serialNumber', subject.ubn],
  ]
}

export function citizenSubject(subject: CitizenCardSubject): DnEntry[] {
  check(/^\d{16}$/.test(subject.cardId), 'card id must be 16 digits')
  check(/^[0-9A-Z]{4}$/.test(subject.idLast4), 'idLast4 must be 4 digits or capital letters')
  return [
    ['C', 'TW'],
    ['CN', subject.name],
    ['serialNumber', subject.cardId],
  ]
}

export function companySubject(subject: CompanyCardSubject): DnEntry[] {
  check(UBN.test(subject.ubn), 'UBN must be 8 digits')
  return [
    ['C', 'TW'],
    ['O', subject.name],
    ['serialNumber', subject.ubn],
  ]
}
