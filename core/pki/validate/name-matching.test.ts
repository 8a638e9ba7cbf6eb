import { describe, expect, it } from 'vitest'
import { readTlv } from '../der'
import { encodeName } from '../test-certificate'
import { nameInfo, nameWithin } from './name-key'
import { dnsMayMatch, dnsWithin, emailWithin, ipWithin, uriWithin } from './name-matching'
import { dnsNameMatches, parseIp } from './peer-name'

const name = (...rdns: [string, string, ('printable' | 'utf8')?][]) => {
  const der = new Uint8Array(encodeName(rdns.map(([type, value, encoding]) => [[type, value, encoding ?? 'utf8']])).toBER())
  return nameInfo(der, readTlv(der, 0, der.length), 'name')
}

describe('name comparison (RFC 5280 §7.1)', () => {
  it('ignores case, surrounding and repeated spaces, and the string type', () => {
    const a = name(['2.5.4.6', 'TW', 'printable'], ['2.5.4.10', 'Test  Certificates'])
    const b = name(['2.5.4.6', 'tw', 'utf8'], ['2.5.4.10', ' test certificates '])
    expect(a.key).toBe(b.key)
    expect(name(['2.5.4.10', 'Test'], ['2.5.4.6', 'TW']).key).not.toBe(name(['2.5.4.6', 'TW'], ['2.5.4.10', 'Test']).key)
  })

  it('places a name within a directoryName subtree by its leading RDNs', () => {
    const base = name(['2.5.4.6', 'TW'], ['2.5.4.10', '行政院'])
    expect(nameWithin(name(['2.5.4.6', 'TW'], ['2.5.4.10', '行政院'], ['2.5.4.3', '王小明']), base)).toBe(true)
    expect(nameWithin(name(['2.5.4.6', 'TW'], ['2.5.4.10', '財政部']), base)).toBe(false)
  })
})

describe('name constraint forms (RFC 5280 §4.2.1.10)', () => {
  it.each([
    ['www.customs.gov.tw', 'customs.gov.tw', true],
    ['CUSTOMS.gov.tw', 'customs.gov.tw', true],
    ['badcustoms.gov.tw', 'customs.gov.tw', false],
    ['anything.example', '', true],
  ])('dNSName %s within %s: %s', (host, constraint, expected) => expect(dnsWithin(host, constraint)).toBe(expected))

  it('lets an excluded subtree catch a wildcard that would cover it', () => {
    expect(dnsMayMatch('*.example.com', 'bar.example.com')).toBe(true)
    expect(dnsMayMatch('*.example.com', 'a.bar.example.com')).toBe(false)
  })

  it.each([
    ['user@example.com', 'user@example.com', true],
    ['other@example.com', 'user@example.com', false],
    ['user@EXAMPLE.com', 'example.com', true],
    ['user@mail.example.com', 'example.com', false],
    ['user@mail.example.com', '.example.com', true],
    ['*@subdomain.example.com', '*@example.com', false],
  ])('rfc822Name %s within %s: %s', (address, constraint, expected) => expect(emailWithin(address, constraint)).toBe(expected))

  it('judges URIs by their host and refuses those without a domain name', () => {
    expect(uriWithin('https://portal.customs.gov.tw/x', '.customs.gov.tw')).toBe(true)
    expect(uriWithin('https://customs.gov.tw/x', '.customs.gov.tw')).toBe(false)
    expect(uriWithin('http://1.2.3.4/x', '1.2.3.4')).toBe(false)
  })

  it('matches IP addresses against address and mask of the same family', () => {
    expect(ipWithin(new Uint8Array([192, 0, 2, 77]), new Uint8Array([192, 0, 2, 0, 255, 255, 255, 0]))).toBe(true)
    expect(ipWithin(new Uint8Array([192, 0, 3, 1]), new Uint8Array([192, 0, 2, 0, 255, 255, 255, 0]))).toBe(false)
    expect(ipWithin(new Uint8Array(16), new Uint8Array([192, 0, 2, 0, 255, 255, 255, 0]))).toBe(false)
  })
})

describe('peer names', () => {
  it('reads IPv4 and IPv6 text as bytes and refuses the rest', () => {
    expect(parseIp('192.0.2.1')).toEqual(new Uint8Array([192, 0, 2, 1]))
    expect(parseIp('::1')).toEqual(new Uint8Array([...new Array(15).fill(0), 1]))
    expect(parseIp('0:0:0:0:0:0:0:1')).toEqual(parseIp('::1'))
    for (const bad of ['192.168.001.001', '0xC0A80101', '1::2::3', 'example.com', '256.0.0.1']) expect(parseIp(bad)).toBeNull()
  })

  it('lets a wildcard stand for exactly one leftmost label', () => {
    expect(dnsNameMatches('*.example.com', 'foo.example.com')).toBe(true)
    expect(dnsNameMatches('*.example.com', 'foo.bar.example.com')).toBe(false)
    expect(dnsNameMatches('*.example.com', 'example.com')).toBe(false)
    expect(dnsNameMatches('*.com', 'example.com')).toBe(false)
    expect(dnsNameMatches('Example.COM', 'example.com.')).toBe(true)
  })
})
