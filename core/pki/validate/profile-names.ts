import type { PathCertificate } from './certificate'
import type { NameValue } from './general-name-values'

/**
 * RFC 5280 §4.2.1.6 rules for subjectAltName, as the strict profile applies them:
 * - an empty subject needs a critical subjectAltName; a non-empty one SHOULD come with a non-critical one;
 * - dNSName in the preferred name syntax (RFC 1034 §3.5 as RFC 1123 §2.1 relaxes it): letters, digits
 *   and inner hyphens, labels of 1–63 characters, no blank name; a leading "*" label is accepted
 *   because every TLS certificate uses it;
 * - rfc822Name a Mailbox (local-part@domain); URI absolute, with a scheme; iPAddress 4 or 16 octets.
 */
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i
const SCHEME = /^([a-z][a-z0-9+.-]*):[^\s]+$/i
/** Hierarchical schemes (RFC 3986 §3): without "//host" such a URI is relative ("http:../x"). */
const HIERARCHICAL = new Set(['http', 'https', 'ftp', 'ldap', 'ldaps', 'ws', 'wss'])

export function isAbsoluteUri(uri: string): boolean {
  const match = SCHEME.exec(uri)
  if (!match) return false
  return !HIERARCHICAL.has(match[1].toLowerCase()) || /^[a-z][a-z0-9+.-]*:\/\/[^/?#\s]+/i.test(uri)
}

export function isDnsName(name: string, allowWildcard: boolean): boolean {
  if (name.length === 0 || name.length > 253) return false
  const labels = name.split('.')
  return labels.every((label, i) => LABEL.test(label) || (allowWildcard && i === 0 && label === '*' && labels.length > 1))
}

export function isMailbox(address: string): boolean {
  const at = address.lastIndexOf('@')
  if (at <= 0) return false
  const local = address.slice(0, at)
  return !/[\s@]/.test(local.startsWith('"') ? '' : local) && isDnsName(address.slice(at + 1), false)
}

export function generalNameIssue(name: NameValue): string | undefined {
  switch (name.type) {
    case 'dns':
      return isDnsName(name.text, true) ? undefined : `dNSName "${name.text}" is not a host name`
    case 'email':
      return isMailbox(name.text) ? undefined : `rfc822Name "${name.text}" is not a mailbox`
    case 'uri':
      return isAbsoluteUri(name.text) ? undefined : `URI "${name.text}" is not absolute`
    case 'ip':
      return name.bytes.length === 4 || name.bytes.length === 16 ? undefined : 'iPAddress that is neither IPv4 nor IPv6'
    default:
      return undefined
  }
}

export function subjectAltNameIssues(cert: PathCertificate): string[] {
  const issues: string[] = []
  const san = cert.ext.list.find((e) => e.oid === '2.5.29.17')
  const emptySubject = cert.subject.rdnKeys.length === 0
  if (emptySubject && !san) issues.push('empty subject without subjectAltName')
  if (emptySubject && san && !san.critical) issues.push('empty subject with a non-critical subjectAltName')
  if (!emptySubject && san?.critical) issues.push('subjectAltName marked critical beside a subject')
  for (const name of cert.ext.subjectAltName ?? []) {
    const issue = generalNameIssue(name)
    if (issue) issues.push(issue)
  }
  return issues
}
