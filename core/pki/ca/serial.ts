import { toHexString } from '../x509-builder/base64-encode'

/**
 * 16 random bytes with the top bit cleared, so the INTEGER is positive and needs no sign byte
 * (RFC 5280 §4.1.2.2: positive, at most 20 octets), and a zero first byte replaced, so the value is
 * always 16 octets in minimal DER. ≈ 127 bits of randomness: collisions are not a practical concern,
 * but the server's unique index on (issuer, serial) is what guarantees uniqueness.
 */
export function randomSerial(): Uint8Array {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16))
  bytes[0] &= 0x7f
  if (bytes[0] === 0) bytes[0] = 0x01
  return bytes
}

/** Lower-case hex without a sign byte: the form inspectCertificate reports as serialHex. */
export function serialHex(serial: Uint8Array): string {
  let start = 0
  while (start < serial.length - 1 && serial[start] === 0) start++
  return toHexString(serial.subarray(start))
}
