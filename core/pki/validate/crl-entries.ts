import { TAG, childrenOf, malformed, type Tlv } from '../der'
import { integerHex } from '../der-values'
import { readExtensions } from './crl-extensions'
import { decodeEnumerated } from './der-strict'
import { decodeNameValues } from './general-name-values'
import type { NameInfo } from './name-key'

/**
 * revokedCertificates ::= SEQUENCE OF SEQUENCE { userCertificate CertificateSerialNumber,
 *   revocationDate Time, crlEntryExtensions Extensions OPTIONAL }              (RFC 5280 §5.1.2.6, §5.3)
 * Entry extensions: reasonCode 2.5.29.21 (CRLReason ::= ENUMERATED { unspecified (0), keyCompromise (1),
 * cACompromise (2), affiliationChanged (3), superseded (4), cessationOfOperation (5), certificateHold (6),
 * removeFromCRL (8), privilegeWithdrawn (9), aACompromise (10) }), holdInstructionCode 2.5.29.23,
 * invalidityDate 2.5.29.24, certificateIssuer 2.5.29.29 (GeneralNames; in indirect CRLs it names the
 * issuer of this and the following entries). An unknown critical entry extension makes the whole CRL
 * unusable (§5.3).
 */
export interface CrlEntry {
  serialHex: string
  /** CRLReason; undefined when the entry has no reasonCode */
  reason?: number
}

export const CERTIFICATE_HOLD = 6
export const REMOVE_FROM_CRL = 8

const KNOWN_ENTRY_EXTENSIONS = new Set(['2.5.29.21', '2.5.29.23', '2.5.29.24', '2.5.29.29'])

/** Entries by certificate issuer (name key), then by serial number (hex). */
export type CrlEntries = Map<string, Map<string, CrlEntry>>

interface Target {
  entries: CrlEntries
  unusable: string[]
}

export function findEntry(entries: CrlEntries, issuerKey: string, serialHex: string): CrlEntry | undefined {
  return entries.get(issuerKey)?.get(serialHex)
}

export function decodeCrlEntries(der: Uint8Array, revoked: Tlv, crlIssuer: NameInfo, crl: Target): void {
  let bySerial = crl.entries.get(crlIssuer.key) ?? new Map<string, CrlEntry>()
  crl.entries.set(crlIssuer.key, bySerial)
  for (const item of childrenOf(der, revoked, 'revokedCertificates')) {
    const [serialTlv, dateTlv, extensionsTlv, extra] = childrenOf(der, item, 'revoked certificate')
    if (extra || !dateTlv) throw malformed('invalid revoked certificate entry', item.start)
    // revocationDate is not used (RFC 5280 §6.3 revokes regardless of it); checking its type is
    // enough, and skipping the full decode keeps a 400,000-entry MOICA CRL under a second.
    if (dateTlv.tag !== TAG.UTC_TIME && dateTlv.tag !== TAG.GENERALIZED_TIME) throw malformed('revocationDate is not a time', dateTlv.start)
    const entry: CrlEntry = { serialHex: integerHex(der, serialTlv) }
    for (const { oid, critical, value } of extensionsTlv ? readExtensions(der, extensionsTlv) : []) {
      if (oid === '2.5.29.21') entry.reason = decodeEnumerated(der, value)
      else if (oid === '2.5.29.29') {
        const directory = decodeNameValues(der, value, 'certificateIssuer').find((name) => name.dir)
        if (!directory?.dir) throw malformed('certificateIssuer without a directory name', value.start)
        bySerial = crl.entries.get(directory.dir.key) ?? new Map<string, CrlEntry>()
        crl.entries.set(directory.dir.key, bySerial)
      } else if (critical && !KNOWN_ENTRY_EXTENSIONS.has(oid)) crl.unusable.push(`unknown critical CRL entry extension ${oid}`)
    }
    bySerial.set(entry.serialHex, entry)
  }
}

