import type { PathCertificate } from './certificate'
import { sameBytes } from './der-strict'

/**
 * Does the leaf name the expected peer? Only subjectAltName counts (RFC 6125 §6.4.4 lets a client
 * fall back to the CN; CA/Browser Forum certificates and x509-limbo do not, and neither do we).
 * - DNS: case-insensitive; a wildcard only as the whole leftmost label of a name with at least
 *   two more labels, standing for exactly one label ("*.example.com" ∌ "a.b.example.com"), so a
 *   wildcard over a top-level domain ("*.com", a public suffix: BR 7.1.2.7.12) matches nothing.
 *   Without a public suffix list, multi-label suffixes ("*.co.uk") are not recognised as too broad.
 * - IP: compared as bytes, so "::1" and "0:0:0:0:0:0:0:1" are the same address.
 * - e-mail: the local part exactly, the domain case-insensitively.
 */
export function parseIp(text: string): Uint8Array | null {
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(text)) {
    const parts = text.split('.').map(Number)
    return parts.every((p, i) => p <= 255 && String(p) === text.split('.')[i]) ? new Uint8Array(parts) : null
  }
  if (!/^[0-9a-f:.]+$/i.test(text) || !text.includes(':')) return null
  const [head, tail, extra] = text.split('::')
  if (extra !== undefined) return null
  const groups = (part: string | undefined): number[] | null => {
    if (!part) return []
    const out: number[] = []
    for (const group of part.split(':')) {
      if (group.includes('.')) {
        const v4 = parseIp(group)
        if (!v4 || v4.length !== 4) return null
        out.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3])
      } else if (/^[0-9a-f]{1,4}$/i.test(group)) out.push(parseInt(group, 16))
      else return null
    }
    return out
  }
  const left = groups(head)
  const right = tail === undefined ? [] : groups(tail)
  if (!left || !right) return null
  const missing = 8 - left.length - right.length
  if ((tail === undefined && missing !== 0) || (tail !== undefined && missing < 1)) return null
  const all = [...left, ...new Array<number>(tail === undefined ? 0 : missing).fill(0), ...right]
  return new Uint8Array(all.flatMap((g) => [g >> 8, g & 0xff]))
}

export function dnsNameMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase()
  const h = host.toLowerCase().replace(/\.$/, '')
  if (!p.startsWith('*.')) return p === h
  const rest = p.slice(2)
  if (!rest.includes('.') || rest.includes('*')) return false
  const dot = h.indexOf('.')
  return dot > 0 && h.slice(dot + 1) === rest
}

function emailMatches(name: string, expected: string): boolean {
  const at = name.lastIndexOf('@')
  const wantedAt = expected.lastIndexOf('@')
  return at > 0 && name.slice(0, at) === expected.slice(0, wantedAt) && name.slice(at + 1).toLowerCase() === expected.slice(wantedAt + 1).toLowerCase()
}

export function namesPeer(cert: PathCertificate, expected: { dns?: string; ip?: string; email?: string }): boolean {
  const san = cert.ext.subjectAltName ?? []
  if (expected.dns !== undefined && !san.some((n) => n.type === 'dns' && dnsNameMatches(n.text, expected.dns!))) return false
  if (expected.ip !== undefined) {
    const wanted = parseIp(expected.ip)
    if (!wanted || !san.some((n) => n.type === 'ip' && sameBytes(n.bytes, wanted))) return false
  }
  if (expected.email !== undefined && !san.some((n) => n.type === 'email' && emailMatches(n.text, expected.email!))) return false
  return true
}
