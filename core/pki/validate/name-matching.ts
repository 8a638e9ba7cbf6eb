/**
 * Whether one name lies within one name-constraint subtree (RFC 5280 §4.2.1.10), per form:
 * - dNSName: the constraint plus zero or more labels on the left ("example.com" covers
 *   "a.example.com" but not "badexample.com"); comparison ignores case;
 * - rfc822Name: "user@host" one mailbox, "host" every mailbox at that host, ".host" every mailbox in
 *   its subdomains; '*' is an ordinary character;
 * - URI: the host of the URI against "host" (exactly) or ".domain" (its subdomains); a URI with no
 *   host, or with an IP address for host, cannot be judged and fails any URI constraint;
 * - iPAddress: address and mask of the same family.
 */
function lower(text: string): string {
  return text.toLowerCase()
}

export function dnsWithin(name: string, constraint: string): boolean {
  const n = lower(name).replace(/\.$/, '')
  const c = lower(constraint).replace(/\.$/, '')
  if (c === '') return true
  // A leading period (accepted outside strict mode, as OpenSSL does) means subdomains only.
  if (c.startsWith('.')) return n.endsWith(c)
  return n === c || n.endsWith('.' + c)
}

/**
 * For excluded subtrees a wildcard name stands for every name it could match: "*.example.com" is
 * excluded by "bar.example.com" because it would cover that host.
 */
export function dnsMayMatch(name: string, constraint: string): boolean {
  if (dnsWithin(name, constraint)) return true
  if (!name.startsWith('*.')) return false
  const domain = lower(name.slice(2))
  const c = lower(constraint).replace(/^\./, '')
  return c.endsWith('.' + domain) && !c.slice(0, -domain.length - 1).includes('.')
}

function splitMailbox(address: string): [local: string, domain: string] | null {
  const at = address.lastIndexOf('@')
  return at < 0 ? null : [address.slice(0, at), address.slice(at + 1)]
}

export function emailWithin(address: string, constraint: string): boolean {
  const mailbox = splitMailbox(address)
  if (!mailbox) return false
  const [local, domain] = mailbox
  const wanted = splitMailbox(constraint)
  if (wanted) return local === wanted[0] && lower(domain) === lower(wanted[1])
  if (constraint.startsWith('.')) return lower(domain).endsWith(lower(constraint))
  return lower(domain) === lower(constraint)
}

/** The host of an absolute URI with an authority ("scheme://[user@]host[:port]/…"), or null. */
export function uriHost(uri: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(uri)
  if (!match) return null
  const authority = match[1].slice(match[1].lastIndexOf('@') + 1)
  const host = authority.replace(/:\d*$/, '')
  // §4.2.1.10: a host given as an IP address is not a domain name a URI constraint can judge.
  if (host === '' || host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)) return null
  return host
}

export function uriWithin(uri: string, constraint: string): boolean {
  const host = uriHost(uri)
  if (host === null) return false
  if (constraint.startsWith('.')) return lower(host).endsWith(lower(constraint))
  return lower(host) === lower(constraint)
}

/** `subtree` is address ‖ mask (8 or 32 octets). */
export function ipWithin(address: Uint8Array, subtree: Uint8Array): boolean {
  const size = subtree.length / 2
  if (address.length !== size) return false
  for (let i = 0; i < size; i++) if ((address[i] & subtree[size + i]) !== (subtree[i] & subtree[size + i])) return false
  return true
}
