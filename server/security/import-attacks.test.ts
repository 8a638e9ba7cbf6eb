import { describe, expect, it } from 'vitest'
import { signChallenge, type LoginChallenge } from '../../core/pki'
import { expectNothingWritten, filesUnder, snapshot } from './attack.fixtures'
import { multipart, PDF, realPng } from './payloads.fixtures'
import { send, uploadTarget } from './upload.fixtures'

/** What the CSV imports (broker records, the bank file) and the certificate uploads accept, attacked. */
const u = uploadTarget()

describe('CSV imports: broker records and the bank file', () => {
  const imports = () => [
    { name: 'broker records', path: '/api/broker-records/import', as: u.supervisor, fields: [{ name: 'kind', data: 'firms' }, { name: 'dryRun', data: 'false' }] },
    { name: 'bank file', path: '/api/payments/import', as: u.clerk, fields: [] as { name: string; data: string }[] },
  ]
  const csv = (data: Uint8Array | string, fields: { name: string; data: string }[], filename = 'import.csv') => multipart([...fields, { name: 'file', filename, type: 'text/csv', data }])
  const files: [string, Uint8Array | string][] = [
    ['a PNG declared text/csv', realPng(2, 2)],
    ['a PDF declared text/csv', PDF],
    ['UTF-16 text with its BOM', new Uint8Array(Buffer.from('\ufeffubn,name\r\n52111891,x\r\n', 'utf16le'))],
    ['invalid UTF-8 (an overlong slash)', new Uint8Array([0x61, 0x2c, 0xc0, 0xaf, 0x0a])],
    ['a header and no rows', 'ubn,name,representative,address,phone,office_code,box_no\n'],
    ['a million blank lines', `ubn,name,representative,address,phone,office_code,box_no\n${'\n'.repeat(1_000_000)}`],
    ['one line of five million commas', ','.repeat(5 * 1024 * 1024 - 1)],
    ['2.5 million one-character lines', '1\n'.repeat(2_500_000)],
    ['100,000 rows of empty cells after the header', `ubn,name,representative,address,phone,office_code,box_no\n${'x,,,,,,\n'.repeat(99_000)}`],
    ['a quote that never closes', `"${'x'.repeat(4_000_000)}`],
    ['SQL in every cell', "' OR 1=1 --,\"; drop table firms; --,%,_,\\\n"],
  ]

  it.each(files)('%s: a 4xx, quickly, and nothing is imported', async (_what, data) => {
    for (const endpoint of imports()) {
      const before = snapshot(u.t, u.root)
      const started = performance.now()
      const res = await send(u.t, endpoint.path, endpoint.as, csv(data, endpoint.fields))
      expect(res.status, `${endpoint.name}: ${JSON.stringify(res.json).slice(0, 300)}`).toBeGreaterThanOrEqual(400)
      expect(res.status, endpoint.name).toBeLessThan(500)
      expect(performance.now() - started, endpoint.name).toBeLessThan(5_000)
      expectNothingWritten(u.t, before, u.root)
    }
  })

  it('a row with NUL, U+202E or a lone surrogate in a name is refused on its cell, and nothing is imported', async () => {
    const header = 'ubn,name,representative,address,phone,office_code,box_no'
    const row = (name: Uint8Array) => new Uint8Array(Buffer.concat([Buffer.from(`${header}\n52111891,`), name, Buffer.from(',許文雄,基隆市,02-24201234,AA,K01\n')]))
    // a lone surrogate cannot be UTF-8: the three bytes that would encode it (ED A0 80) are refused with the file
    for (const [name, message] of [[Buffer.from('港通\u0000報關'), '含有不允許的控制字元'], [Buffer.from('港通\u202e報關'), '含有看不見的格式字元'], [Buffer.from([0xe6, 0xb8, 0xaf, 0xed, 0xa0, 0x80]), '不是 UTF-8 編碼的文字檔']] as const) {
      const before = snapshot(u.t, u.root)
      const res = await send(u.t, '/api/broker-records/import', u.supervisor, csv(row(name), imports()[0]!.fields))
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.json.error)).toContain(message)
      expectNothingWritten(u.t, before, u.root)
    }
  })

  it('over 5 MB is a 413', async () => {
    for (const endpoint of imports()) {
      const res = await send(u.t, endpoint.path, endpoint.as, csv('x'.repeat(5 * 1024 * 1024 + 100_000), endpoint.fields))
      expect(res.status, endpoint.name).toBe(413)
    }
  })

  it('a climbing file name is only a name: recorded cleaned, and no file is written anywhere', async () => {
    const filesBefore = filesUnder(u.root)
    const res = await send(u.t, '/api/broker-records/import', u.supervisor, csv('ubn,name,representative,address,phone,office_code,box_no\n52111891,基隆港通報關股份有限公司,許文雄,基隆市,02-24201234,AA,K01\n', [{ name: 'kind', data: 'firms' }, { name: 'dryRun', data: 'true' }], '../../../etc/passwd\u202e.csv'))
    expect(res.status).toBe(200)
    expect(res.json.fileName).toBe('passwd_.csv')
    expect(filesUnder(u.root)).toEqual(filesBefore)
  })
})

describe('certificate uploads that are not certificates', () => {
  const b64 = (s: string | Uint8Array) => Buffer.from(s).toString('base64')
  const notCertificates: [string, string][] = [
    ['a PDF (base64)', b64(PDF)],
    ['HTML with a script', '<html><script>alert(1)</script></html>'],
    ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['a PNG (base64)', b64(realPng(1, 1))],
    ['a PEM certificate request', '-----BEGIN CERTIFICATE REQUEST-----\nMIIBAjCBqAIBADBGMQswCQYDVQQGEwJUVzEPMA0GA1UECgwG5ris6KmmMSYwJAYD\n-----END CERTIFICATE REQUEST-----\n'],
    ['PEM armour around garbage', '-----BEGIN CERTIFICATE-----\n!!!! not base64 ****\n-----END CERTIFICATE-----\n'],
    ['PEM armour that never ends', `-----BEGIN CERTIFICATE-----\n${'A'.repeat(90_000)}`],
    ['100,000 characters of base64 zeros', 'A'.repeat(100_000)],
    ['a DER length of 2^32 (30 84 FF FF FF FF)', b64(new Uint8Array([0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x30, 0x00]))],
    ['an indefinite length (30 80)', b64(new Uint8Array([0x30, 0x80, 0x30, 0x80, 0x00, 0x00, 0x00, 0x00]))],
    ['SQL', "' OR 1=1 --"],
    ['a NUL byte', 'MII\u0000BCg=='],
  ]

  it.each(notCertificates)('%s: a 4xx on the registration upload, nothing written', async (_what, certificate) => {
    const before = snapshot(u.t, u.root)
    const res = await u.t.call('POST', '/api/portal/registrations', { as: u.company, body: { form: 'file', useType: 'customs-broker', certificate } })
    expect(res.status, res.text.slice(0, 300)).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
    expect(res.json.error.fieldErrors).toHaveProperty('certificate')
    expectNothingWritten(u.t, before, u.root)
  })

  let client = 0
  const answer = async (certificate: string) => {
    const headers = { 'x-forwarded-for': `203.0.113.${(client++ % 250) + 1}` }
    const challenge = (await u.t.call('POST', '/api/card-login/challenge', { headers })).json as LoginChallenge
    const signed = await signChallenge(u.cards['citizen-1'], challenge)
    return { body: { nonce: challenge.nonce, signature: signed.signature, certificate }, headers }
  }

  it.each(notCertificates)('%s: a 4xx on card sign-in, card check and the portal card login, nothing written', async (_what, certificate) => {
    const before = snapshot(u.t, u.root)
    for (const [path, extra] of [['/api/card-login/verify', {}], ['/api/portal/accounts/card-check', { category: 'individual' }], ['/api/portal/auth/login/card', {}]] as const) {
      const { body, headers } = await answer(certificate)
      const res = await u.t.call('POST', path, { body: { ...extra, ...body }, headers })
      expect(res.status, `${path}: ${res.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400)
      expect(res.status, path).toBeLessThan(500)
    }
    expectNothingWritten(u.t, before, u.root)
  })
})

