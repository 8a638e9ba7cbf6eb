import { beforeAll, describe, expect, it } from 'vitest'
import { PkiError, type PkiErrorCode } from './errors'
import { readCertificate, readCertificates } from './read'
import { buildTestCertificate } from './test-certificate'

function pem(der: Uint8Array, label = 'CERTIFICATE'): string {
  let binary = ''
  for (const byte of der) binary += String.fromCharCode(byte)
  const body = btoa(binary).replace(/.{64}/g, '$&\n')
  return `-----BEGIN ${label}-----\n${body}\n-----END ${label}-----\n`
}

function codeOf(action: () => unknown): PkiErrorCode | 'no error' {
  try {
    action()
    return 'no error'
  } catch (error) {
    if (error instanceof PkiError) return error.code
    throw error
  }
}

/** Deterministic noise, so a failure reproduces. */
function noise(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length)
  let state = seed
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) >>> 0
    bytes[i] = state >>> 24
  }
  return bytes
}

let first: Uint8Array
let second: Uint8Array

beforeAll(async () => {
  first = await buildTestCertificate({ subject: [[['2.5.4.6', 'TW', 'printable']], [['2.5.4.3', '第一張']]] })
  second = await buildTestCertificate({ subject: [[['2.5.4.3', 'second']]], serial: new Uint8Array([9]) })
})

describe('readCertificates', () => {
  it('reads DER as it is, without copying', () => {
    const [der] = readCertificates(first)
    expect(der).toBe(first)
  })

  it('reads PEM inside the text OpenSSL prints around it, with CRLF line ends', () => {
    const text = `Certificate:\r\n    Data:\r\n        Version: 3 (0x2)\r\n${pem(first).replace(/\n/g, '\r\n')}trailing words\r\n`
    expect(readCertificate(text)).toEqual(first)
  })

  it('reads every block of a bundle, in order, and skips other PEM blocks', () => {
    const text = `${pem(first)}\n${pem(new Uint8Array([1, 2, 3]), 'PRIVATE KEY')}${pem(second)}`
    expect(readCertificates(text)).toEqual([first, second])
  })

  it('reads PEM given as bytes, also UTF-16 with a byte-order mark', () => {
    const text = pem(first)
    expect(readCertificate(new TextEncoder().encode(`\ufeff${text}`))).toEqual(first)
    const utf16 = new Uint8Array(2 + text.length * 2)
    utf16.set([0xff, 0xfe])
    for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i)
    expect(readCertificate(utf16)).toEqual(first)
  })

  it('reads bare base64, on one line or wrapped', () => {
    const body = pem(first).split('\n').slice(1, -2)
    expect(readCertificate(body.join(''))).toEqual(first)
    expect(readCertificate(`  ${body.join('\n  ')}\n`)).toEqual(first)
  })

  it('keeps the certificate of an OpenSSL TRUSTED CERTIFICATE and drops its trust settings', () => {
    const withAux = new Uint8Array([...first, 0x30, 0x03, 0x06, 0x01, 0x00])
    expect(readCertificate(pem(withAux, 'TRUSTED CERTIFICATE'))).toEqual(first)
  })

  it('refuses a bundle where exactly one certificate is wanted', () => {
    expect(codeOf(() => readCertificate(pem(first) + pem(second)))).toBe('MULTIPLE_CERTIFICATES')
  })

  it.each([
    ['empty bytes', () => new Uint8Array()],
    ['empty text', () => ''],
    ['whitespace', () => ' \n\t '],
  ])('says EMPTY for %s', (_, input) => {
    expect(codeOf(() => readCertificates(input()))).toBe('EMPTY')
  })

  it('says TRUNCATED for every cut-off prefix of a certificate, in DER and in PEM', () => {
    for (let length = 1; length < first.length; length += length < 40 ? 1 : 37) {
      expect(codeOf(() => readCertificates(first.subarray(0, length))), `${length} bytes`).toBe('TRUNCATED')
    }
    const text = pem(first)
    expect(codeOf(() => readCertificates(text.slice(0, 200)))).toBe('TRUNCATED')
    const cut = text.replace(/-----END CERTIFICATE-----\n$/, '').slice(0, -40) + '\n-----END CERTIFICATE-----'
    expect(codeOf(() => readCertificates(cut))).toBe('TRUNCATED')
  })

  it('says TRAILING_DATA for bytes after the certificate', () => {
    expect(codeOf(() => readCertificates(new Uint8Array([...first, 0x0a])))).toBe('TRAILING_DATA')
  })

  it('says NOT_A_CERTIFICATE for noise, text, other PEM blocks and other DER structures', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const bytes = noise(300, seed)
      const code = codeOf(() => readCertificates(bytes))
      // Noise that happens to start with 0x30 reads as a cut-off or over-long SEQUENCE.
      expect(bytes[0] === 0x30 ? ['TRUNCATED', 'TRAILING_DATA', 'TOO_LARGE', 'NOT_A_CERTIFICATE'] : ['NOT_A_CERTIFICATE']).toContain(code)
    }
    expect(codeOf(() => readCertificates('hello, this is a letter'))).toBe('NOT_A_CERTIFICATE')
    // Inputs built to make a naive pattern or PEM scanner take quadratic time must still be quick.
    for (const crafted of [' '.repeat(3_000_000) + '!', '-----BEGIN X-----'.repeat(200_000)]) {
      const started = performance.now()
      expect(codeOf(() => readCertificates(crafted))).toBe('NOT_A_CERTIFICATE')
      expect(performance.now() - started).toBeLessThan(2_000)
    }
    expect(codeOf(() => readCertificates(pem(new Uint8Array([0x30, 0x00]), 'CERTIFICATE REQUEST')))).toBe('NOT_A_CERTIFICATE')
    // A CSR's DER: SEQUENCE { SEQUENCE { INTEGER 0, Name, SPKI, [0] }, AlgorithmIdentifier, BIT STRING }
    const csrLike = new Uint8Array([0x30, 0x12, 0x30, 0x0b, 0x02, 0x01, 0x00, 0x30, 0x00, 0x30, 0x00, 0xa0, 0x00, 0x30, 0x00, 0x30, 0x00, 0x03, 0x01, 0x00])
    expect(codeOf(() => readCertificates(csrLike))).toBe('NOT_A_CERTIFICATE')
    expect(codeOf(() => readCertificates(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05])))).toBe('NOT_A_CERTIFICATE')
  })

  it('says TOO_LARGE for a certificate over 64 KB, before reading it all', () => {
    const huge = new Uint8Array(70_000)
    huge.set([0x30, 0x83, 0x01, 0x11, 0x6b])
    expect(codeOf(() => readCertificates(huge))).toBe('TOO_LARGE')
    expect(codeOf(() => readCertificates(huge.subarray(0, 10)))).toBe('TOO_LARGE')
    expect(codeOf(() => readCertificates(pem(huge)))).toBe('TOO_LARGE')
    expect(codeOf(() => readCertificates('A'.repeat(5 * 1024 * 1024)))).toBe('TOO_LARGE')
  })

  it('says MALFORMED for a PEM body that is not base64', () => {
    expect(codeOf(() => readCertificates('-----BEGIN CERTIFICATE-----\nMII*&^\n-----END CERTIFICATE-----'))).toBe('MALFORMED')
  })

  it('gives messages in both languages', () => {
    const error = (() => {
      try {
        readCertificates('nothing here')
      } catch (caught) {
        return caught
      }
    })()
    expect(error).toBeInstanceOf(PkiError)
    expect((error as PkiError).text).toEqual({ 'zh-TW': '這不是憑證檔案', en: 'This file is not a certificate' })
  })
})
