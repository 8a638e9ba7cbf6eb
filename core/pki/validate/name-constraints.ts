import type { PathCertificate } from './certificate'
import type { NameConstraints } from './constraint-extensions'
import type { NameValue } from './general-name-values'
import { nameWithin } from './name-key'
import { dnsMayMatch, dnsWithin, emailWithin, ipWithin, uriHost, uriWithin } from './name-matching'

/**
 * Name constraints (RFC 5280 §6.1.3 b–c, §6.1.4 g). Instead of intersecting subtrees, every
 * constraining CA's extension is kept and each later name is checked against all of them, which
 * is the same test without the set algebra. A form is constrained by a CA's permitted subtrees only
 * when that CA lists at least one subtree of that form. Forms we cannot compare (otherName,
 * x400Address, ediPartyName, registeredID) fail as soon as a name and a constraint of that form meet.
 */
const EMAIL_ADDRESS = '1.2.840.113549.1.9.1'

/** Over a million comparisons is a crafted certificate (x509-limbo nc-dos): refuse, as OpenSSL does. */
export const MAX_NAME_CHECKS = 1 << 20

/** The names of a certificate that constraints apply to: its subject, e-mail addresses in it, its SANs. */
export function constrainedNames(cert: PathCertificate): NameValue[] {
  const names: NameValue[] = []
  if (cert.subject.rdnKeys.length) names.push({ type: 'dirName', text: cert.subject.dn.display, bytes: cert.subject.der, dir: cert.subject })
  for (const rdn of cert.subject.dn.rdns) {
    for (const attribute of rdn) if (attribute.type === EMAIL_ADDRESS) names.push({ type: 'email', text: attribute.value, bytes: new Uint8Array() })
  }
  return names.concat(cert.ext.subjectAltName ?? [])
}

function within(name: NameValue, base: NameValue, excluded: boolean): boolean {
  switch (name.type) {
    case 'dns':
      return excluded ? dnsMayMatch(name.text, base.text) : dnsWithin(name.text, base.text)
    case 'email':
      return emailWithin(name.text, base.text)
    case 'uri':
      return uriWithin(name.text, base.text)
    case 'ip':
      return ipWithin(name.bytes, base.bytes)
    case 'dirName':
      return nameWithin(name.dir!, base.dir!)
    default:
      // Uncomparable forms: a permitted subtree never admits them, an excluded one always refuses.
      return excluded
  }
}

/** The first violation as a short English description, or undefined when every name passes. */
export function nameConstraintViolation(names: NameValue[], constraints: NameConstraints): string | undefined {
  const { permitted, excluded } = constraints
  if (names.length * (permitted.length + excluded.length) > MAX_NAME_CHECKS) return 'too many names and constraints to compare'
  for (const name of names) {
    if (name.type === 'uri' && uriHost(name.text) === null && [...permitted, ...excluded].some((c) => c.type === 'uri')) {
      return `URI ${name.text} has no host to check against URI constraints`
    }
    const sameForm = permitted.filter((c) => c.type === name.type)
    if (sameForm.length && !sameForm.some((c) => within(name, c, false))) return `${name.type} ${name.text} is not in the permitted subtrees`
    const hit = excluded.find((c) => c.type === name.type && within(name, c, true))
    if (hit) return `${name.type} ${name.text} is in the excluded subtree ${hit.text}`
  }
  return undefined
}
