import type { KeyUsage } from './extension-decoders'
import { attributeValues, type DistinguishedName } from './names'
import { OID } from './oids'

export type CertificateKind = 'moica' | 'moeaca' | 'gca' | 'xca' | 'customs-personal' | 'customs-corporate' | 'other'

/**
 * The rule, in order:
 * 1. A CA certificate (basicConstraints cA) is 'other': kinds name what a holder's certificate is
 *    for, and `isCA` already says what a CA certificate is.
 * 2. Customs-dedicated certificates (TWCA through the Single Window RA) are recognised by the
 *    subject, since the issuer is a commercial CA whose name may change. The seeds show
 *    `C=TW, O=Finance, OU=TaiCA Test FXML CA, OU=97162640-RA-001, OU=TST, CN=97162640-06-000`:
 *    - the customs hierarchy: a subject OU `<UBN>-RA-<nnn>`, or O=Finance with an "FXML" CA name;
 *    - customs-personal: the CN names a broker code (office letter A–D and 5 digits) as a token
 *      delimited by '-', '_', a space or the ends, e.g. `SingleWindow-01-B00051`. That certificate
 *      name is recognised even outside the hierarchy, being specific enough on its own;
 *    - customs-corporate: in the hierarchy with CN `<UBN>-<nn>-<nnn>` (the UBN is the holder's;
 *      the RA OU carries the RA's own UBN, as the seed's `CN=04177036-01-000` under 97162640 shows).
 *    A customs certificate matching neither is 'other' rather than guessed.
 * 3. Government cards by the issuer's OU or CN, when the issuer has C=TW: 內政部憑證管理中心 →
 *    'moica', 工商憑證管理中心 → 'moeaca', 政府憑證管理中心 → 'gca', 組織及團體憑證管理中心 → 'xca'.
 *    Test hierarchies are matched after removing "(測試用)" and "測試" and all spaces, so
 *    "(測試用) 政府測試憑證管理中心" is 'gca'; `isTest` tells them apart.
 * 4. Anything else is 'other'.
 */
const RA_OU = /^\d{8}-RA-\d{3}$/
const CORPORATE_CN = /^(\d{8})-\d{2}-\d{3}$/
const BROKER_TOKEN = /(?:^|[-_\s])([ABCD]\d{5})(?=$|[-_\s])/
const SINGLE_WINDOW_NAME = /SingleWindow-\d{2}-([ABCD]\d{5})\b/

const GPKI_PRODUCTION_POLICY = /^2\.16\.886\.101\.0\.3\.[1-9]$/

const GPKI_CAS: Record<string, CertificateKind> = {
  內政部憑證管理中心: 'moica',
  工商憑證管理中心: 'moeaca',
  政府憑證管理中心: 'gca',
  組織及團體憑證管理中心: 'xca',
}

function gpkiCaName(value: string): string {
  return value.replace(/[(（]\s*測試用\s*[)）]/g, '').replace(/測試/g, '').replace(/\s+/g, '')
}

function inCustomsHierarchy(subject: DistinguishedName, issuer: DistinguishedName): boolean {
  if (attributeValues(subject, OID.organizationalUnit).some((ou) => RA_OU.test(ou))) return true
  return [subject, issuer].some(
    (name) =>
      attributeValues(name, OID.organization).some((o) => /^finance$/i.test(o.trim())) &&
      [...attributeValues(name, OID.organizationalUnit), ...attributeValues(name, OID.commonName)].some((v) => /FXML/i.test(v)),
  )
}

/** The customs reading of a subject: which broker or which firm it names, if any. */
export function customsSubject(subject: DistinguishedName, issuer: DistinguishedName): { kind: CertificateKind; ubn?: string; brokerCode?: string } {
  const cn = attributeValues(subject, OID.commonName)[0]?.trim() ?? ''
  const named = SINGLE_WINDOW_NAME.exec(cn)
  if (named) return { kind: 'customs-personal', brokerCode: named[1] }
  if (!inCustomsHierarchy(subject, issuer)) return { kind: 'other' }
  const broker = BROKER_TOKEN.exec(cn)
  if (broker) return { kind: 'customs-personal', brokerCode: broker[1] }
  const corporate = CORPORATE_CN.exec(cn)
  if (corporate) return { kind: 'customs-corporate', ubn: corporate[1] }
  return { kind: 'other' }
}

export function classifyCertificate(subject: DistinguishedName, issuer: DistinguishedName, isCA: boolean): CertificateKind {
  if (isCA) return 'other'
  const customs = customsSubject(subject, issuer).kind
  if (customs !== 'other') return customs
  if (!attributeValues(issuer, OID.country).includes('TW')) return 'other'
  for (const value of [...attributeValues(issuer, OID.organizationalUnit), ...attributeValues(issuer, OID.commonName)]) {
    const kind = GPKI_CAS[gpkiCaName(value)]
    if (kind) return kind
  }
  return 'other'
}

/**
 * GPKI cards hold a signing certificate (digitalSignature) and an encryption one (keyEncipherment +
 * dataEncipherment); only the first may log in or sign. nonRepudiation counts as signing too. A
 * certificate without keyUsage is unrestricted (RFC 5280 §4.2.1.3), so it may sign unless it is a
 * CA's, whose key is for certificates and CRLs, never for a user's documents.
 */
export function keyUse(keyUsage: KeyUsage[] | undefined, isCA: boolean): { canSign: boolean; encryptionOnly: boolean } {
  if (!keyUsage) return { canSign: !isCA, encryptionOnly: false }
  const signs = keyUsage.includes('digitalSignature') || keyUsage.includes('nonRepudiation')
  const encrypts = keyUsage.includes('keyEncipherment') || keyUsage.includes('dataEncipherment') || keyUsage.includes('keyAgreement')
  return { canSign: signs && !isCA, encryptionOnly: encrypts && !signs }
}

/**
 * Test hierarchies must never be accepted in production: GPKI test CAs say "測試" in their names
 * (and may still carry the production policy, as the MOICA samples do), GPKI test policy is
 * 2.16.886.101.0.3.0, and TWCA's customs test CA is "TaiCA Test FXML CA" with OU=TST in subjects.
 */
export function isTestCertificate(subject: DistinguishedName, issuer: DistinguishedName, policies: string[] | undefined): boolean {
  // GRCA's cross certificates list the test policy beside the production ones: only a test policy alone counts.
  if (policies?.includes(OID.gpkiTestPolicy) && !policies.some((p) => GPKI_PRODUCTION_POLICY.test(p))) return true
  if (issuer.rdns.some((rdn) => rdn.some((a) => /測試|\bTest\b/i.test(a.value)))) return true
  return inCustomsHierarchy(subject, issuer) && attributeValues(subject, OID.organizationalUnit).some((ou) => ou === 'TST' || /\bTest\b/i.test(ou))
}
