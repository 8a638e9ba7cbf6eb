/**
 * The one text form of an iPAddress that the CA/Browser Forum BRs (7.1.4.3) allow in a commonName:
 * IPv4 as RFC 3986 §3.2.2 dotted decimal (no leading zeros, no hex or octal), IPv6 as RFC 5952 §4
 * (lower case, no leading zeros, the longest run of two or more zero groups shortened to "::", the
 * first on a tie) and §5 (IPv4-mapped addresses end in dotted decimal). Undefined for other lengths.
 */
export function canonicalIpText(bytes: Uint8Array): string | undefined {
  if (bytes.length === 4) return [...bytes].join('.')
  if (bytes.length !== 16) return undefined
  const groups = Array.from({ length: 8 }, (_, i) => (bytes[2 * i] << 8) | bytes[2 * i + 1])
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return `::ffff:${[...bytes.subarray(12)].join('.')}`
  let start = -1
  let length = 1
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++
      continue
    }
    let end = i
    while (end < 8 && groups[end] === 0) end++
    if (end - i > length) [start, length] = [i, end - i]
    i = end
  }
  const hex = groups.map((g) => g.toString(16))
  if (start < 0) return hex.join(':')
  return `${hex.slice(0, start).join(':')}::${hex.slice(start + length).join(':')}`
}
