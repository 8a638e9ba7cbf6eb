import { OID, attributeNames } from '../oids'
import { ia5String, oid, printableString, sequence, set, utf8String, type Der } from './der-encode'
import { pkiError } from './pki-errors'

/**
 * Name ::= SEQUENCE OF RelativeDistinguishedName                      (RFC 5280 §4.1.2.4)
 * RelativeDistinguishedName ::= SET SIZE (1..MAX) OF AttributeTypeAndValue
 * AttributeTypeAndValue ::= SEQUENCE { type OBJECT IDENTIFIER, value DirectoryString / PrintableString / IA5String }
 *
 * Every attribute gets its own single-valued RDN, in the order given (most significant first, as
 * `openssl x509 -nameopt sep_comma_plus_space` prints it). pkijs would put them all in one
 * multi-valued RDN (STACK.md trap 4), which chain builders and Windows treat as a different name.
 *
 * String types: countryName and serialNumber are PrintableString by their X.520 definitions (the
 * GPKI samples show the same), emailAddress is IA5String (PKCS #9), and everything else UTF8String,
 * as RFC 5280 §4.1.2.6 asks of new certificates and as MOICA and MOEACA write Chinese names.
 * Values are checked against X.520's upper bounds (64 characters for CN, O, OU and serialNumber)
 * so no strict verifier refuses a certificate we issue.
 */
export type DnEntry = readonly [type: string, value: string]

const SHORT_NAMES: Record<string, string> = Object.fromEntries(Object.entries(attributeNames).map(([dotted, short]) => [short, dotted]))
const PRINTABLE = /^[A-Za-z0-9 '()+,\-./:=?]*$/
const EMAIL = '1.2.840.113549.1.9.1'
const UPPER_BOUNDS: Record<string, number> = {
  [OID.commonName]: 64,
  [OID.organization]: 64,
  [OID.organizationalUnit]: 64,
  [OID.serialNumber]: 64,
  [EMAIL]: 255,
}

export function attributeOid(type: string): string {
  const dotted = SHORT_NAMES[type] ?? (/^\d+(\.\d+)+$/.test(type) ? type : undefined)
  if (!dotted) throw pkiError('SUBJECT_INVALID', `unknown attribute type ${type}`)
  return dotted
}

function attributeValue(dotted: string, value: string): Der {
  if (dotted === OID.country) {
    if (!/^[A-Z]{2}$/.test(value)) throw pkiError('SUBJECT_INVALID', `country ${JSON.stringify(value)} is not two capital letters`)
    return printableString(value)
  }
  if (dotted === EMAIL) {
    if (!/^[\x21-\x7e]+$/.test(value)) throw pkiError('SUBJECT_INVALID', 'emailAddress is not ASCII')
    return ia5String(value)
  }
  if (dotted === OID.serialNumber && PRINTABLE.test(value)) return printableString(value)
  return utf8String(value)
}

function checkValue(dotted: string, value: string): void {
  if (value.trim() === '' || value !== value.trim()) throw pkiError('SUBJECT_INVALID', `${dotted} is empty or has outer spaces`)
  // Control characters would let a name forge a line in a log or a table.
  if ([...value].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) throw pkiError('SUBJECT_INVALID', `${dotted} holds a control character`)
  const bound = UPPER_BOUNDS[dotted]
  if (bound && [...value].length > bound) throw pkiError('SUBJECT_INVALID', `${dotted} longer than ${bound} characters`)
}

/** The DER of a Name; an empty list gives the empty SEQUENCE that a CSR without a subject carries. */
export function encodeDistinguishedName(entries: readonly DnEntry[]): Der {
  return sequence(
    ...entries.map(([type, value]) => {
      const dotted = attributeOid(type)
      checkValue(dotted, value)
      return set(sequence(oid(dotted), attributeValue(dotted, value)))
    }),
  )
}

/** For logs and tests: the same text as DistinguishedName.display for names we build. */
export function formatDistinguishedName(entries: readonly DnEntry[]): string {
  return entries.map(([type, value]) => `${attributeNames[attributeOid(type)] ?? type}=${value}`).join(', ')
}
