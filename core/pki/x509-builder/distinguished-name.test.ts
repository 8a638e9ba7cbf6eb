import { describe, expect, it } from 'vitest'
import { readTlv } from '../der'
import { decodeName } from '../names'
import { encodeDistinguishedName, formatDistinguishedName, type DnEntry } from './distinguished-name'
import { pkiErrorCode } from './pki-errors'

const decode = (der: Uint8Array) => decodeName(der, readTlv(der, 0, der.length), 'name')

describe('distinguished names', () => {
  const customs: DnEntry[] = [['C', 'TW'], ['O', 'Finance'], ['OU', 'TaiCA Test FXML CA'], ['OU', '97162640-RA-001'], ['OU', 'TST'], ['CN', '97162640-06-000']]

  it('puts every attribute in its own RDN, in order', () => {
    const name = decode(encodeDistinguishedName(customs))
    expect(name.rdns.every((rdn) => rdn.length === 1)).toBe(true)
    expect(name.display).toBe('C=TW, O=Finance, OU=TaiCA Test FXML CA, OU=97162640-RA-001, OU=TST, CN=97162640-06-000')
    expect(formatDistinguishedName(customs)).toBe(name.display)
  })

  it('uses PrintableString for C and serialNumber, UTF8String for the rest, IA5String for e-mail', () => {
    const der = encodeDistinguishedName([['C', 'TW'], ['CN', '測試人'], ['serialNumber', '1282000269404504'], ['emailAddress', 'a@b.tw']])
    expect(decode(der).display).toBe('C=TW, CN=測試人, serialNumber=1282000269404504, emailAddress=a@b.tw')
    const hex = Array.from(der, (b) => b.toString(16).padStart(2, '0')).join('')
    expect(hex).toContain('0603550406' + '13025457') // countryName PrintableString "TW"
    expect(hex).toContain('0603550403' + '0c09') // commonName UTF8String, 9 bytes
    expect(hex).toContain('0603550405' + '1310') // serialNumber PrintableString, 16 bytes
    expect(hex).toContain('06092a864886f70d010901' + '1606') // emailAddress IA5String
  })

  it('falls back to UTF8String for a serialNumber PrintableString cannot hold', () => {
    const hex = Array.from(encodeDistinguishedName([['serialNumber', '編號_1']]), (b) => b.toString(16).padStart(2, '0')).join('')
    expect(hex).toContain('06035504050c')
  })

  it('encodes the empty name as an empty SEQUENCE', () => {
    expect(encodeDistinguishedName([])).toEqual(Uint8Array.of(0x30, 0x00))
  })

  it.each([
    [[['C', 'tw']]],
    [[['C', 'TWN']]],
    [[['CN', '']]],
    [[['CN', ' padded ']]],
    [[['CN', 'line\nbreak']]],
    [[['CN', 'x'.repeat(65)]]],
    [[['nickname', 'x']]],
  ] as DnEntry[][][])('refuses %j', (entries) => {
    let error: unknown
    try {
      encodeDistinguishedName(entries)
    } catch (e) {
      error = e
    }
    expect(pkiErrorCode(error)).toBe('SUBJECT_INVALID')
  })
})
