import { encodeBase64 } from '../x509-builder/base64-encode'

/**
 * Deterministic mutations of DER files for robustness tests: the same seed gives the same inputs on every
 * machine, so a failure can be replayed. The mutations aim at what parsers get wrong: lengths, tags,
 * truncation, and bytes inserted or removed inside nested structures.
 */

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0xff]

export function mutate(input: Uint8Array, rnd: () => number): Uint8Array {
  const bytes = new Uint8Array(input)
  const at = () => Math.floor(rnd() * bytes.length)
  switch (Math.floor(rnd() * 7)) {
    case 0: {
      // flip a few bits
      for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) bytes[at()]! ^= 1 << Math.floor(rnd() * 8)
      return bytes
    }
    case 1: {
      // a byte that breaks length and tag decoding
      bytes[at()] = INTERESTING[Math.floor(rnd() * INTERESTING.length)]!
      return bytes
    }
    case 2:
      return bytes.slice(0, at())
    case 3: {
      const i = at()
      return new Uint8Array([...bytes.slice(0, i), ...bytes.slice(i + 1 + Math.floor(rnd() * 8))])
    }
    case 4: {
      const i = at()
      const junk = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * 256))
      return new Uint8Array([...bytes.slice(0, i), ...junk, ...bytes.slice(i)])
    }
    case 5: {
      // duplicate a slice: repeated extensions, nested copies
      const i = at()
      const j = Math.min(bytes.length, i + 1 + Math.floor(rnd() * 64))
      return new Uint8Array([...bytes.slice(0, j), ...bytes.slice(i, j), ...bytes.slice(j)])
    }
    default: {
      // an indefinite or huge length right after a tag
      const i = Math.max(1, at())
      bytes[i] = rnd() < 0.5 ? 0x80 : 0x84
      return bytes
    }
  }
}

/**
 * How a (mutated) certificate travels in a JSON body, as the upload and card endpoints take it: base64 DER
 * mostly, PEM now and then, and sometimes with the text itself damaged: a character outside the alphabet, a
 * cut or doubled armour line, padding in the middle, whitespace inside.
 */
export function encodeMutant(der: Uint8Array, rnd: () => number): string {
  const base64 = encodeBase64(der)
  const pem = () => `-----BEGIN CERTIFICATE-----\n${base64.match(/.{1,64}/g)?.join('\n') ?? ''}\n-----END CERTIFICATE-----\n`
  const roll = rnd()
  if (roll < 0.8) return base64
  if (roll < 0.92) return pem()
  const text = rnd() < 0.5 ? base64 : pem()
  const at = Math.floor(rnd() * text.length)
  switch (Math.floor(rnd() * 5)) {
    case 0:
      return text.slice(0, at) + '!*\u0000é'[Math.floor(rnd() * 4)] + text.slice(at)
    case 1:
      return text.replace('-----END CERTIFICATE-----', '')
    case 2:
      return `${text}${text}`
    case 3:
      return `${text.slice(0, at)}==${text.slice(at)}`
    default:
      return `${text.slice(0, at)} \r\n\t${text.slice(at)}`
  }
}
