import * as asn1js from 'asn1js'
import { describe, expect, it } from 'vitest'
import { PkiError } from './errors'
import { inspectCertificate } from './inspect'
import { OID } from './oids'
import { buildTestCertificate, directoryAttributes, keyUsageValue, stringValue, type ExtensionSpec, type NameSpec } from './test-certificate'

const dn = (...pairs: [string, string][]): NameSpec => pairs.map(([type, value]) => [[type, value]])
const [C, O, OU, CN, SERIAL] = ['2.5.4.6', '2.5.4.10', '2.5.4.11', '2.5.4.3', '2.5.4.5']
const FXML_CA = dn([C, 'TW'], [O, 'Finance'], [OU, 'TaiCA Test FXML CA'])
const caConstraints: ExtensionSpec = { oid: OID.basicConstraints, critical: true, value: new asn1js.Sequence({ value: [new asn1js.Boolean({ value: true })] }) }
const signing: ExtensionSpec = { oid: OID.keyUsage, critical: true, value: keyUsageValue([0]) }
const encryption: ExtensionSpec = { oid: OID.keyUsage, critical: true, value: keyUsageValue([2, 3]) }

async function inspect(subject: NameSpec, issuer: NameSpec, extensions: ExtensionSpec[] = []) {
  return inspectCertificate(await buildTestCertificate({ subject, issuer, extensions }))
}

describe('kind', () => {
  it.each([
    ['內政部憑證管理中心', 'moica', false],
    ['(測試用) 內政部憑證管理中心', 'moica', true],
    ['工商憑證管理中心', 'moeaca', false],
    ['政府憑證管理中心', 'gca', false],
    ['(測試用) 政府測試憑證管理中心', 'gca', true],
    ['組織及團體憑證管理中心', 'xca', false],
  ])('issuer OU %s is %s', async (ou, kind, isTest) => {
    const info = await inspect(dn([C, 'TW'], [CN, '王小明']), dn([C, 'TW'], [O, '行政院'], [OU, ou]))
    expect([info.kind, info.isTest]).toEqual([kind, isTest])
  })

  it('does not take a GPKI name outside Taiwan, nor a CA certificate, for a card', async () => {
    expect((await inspect(dn([CN, 'x']), dn([C, 'US'], [OU, '內政部憑證管理中心']))).kind).toBe('other')
    expect((await inspect(dn([C, 'TW'], [OU, 'sub']), dn([C, 'TW'], [OU, '內政部憑證管理中心']), [caConstraints])).kind).toBe('other')
  })

  it('knows a customs corporate certificate by its RA OU and <UBN>-<nn>-<nnn> CN, and takes the UBN from the CN', async () => {
    const subject = dn([C, 'TW'], [O, 'Finance'], [OU, 'TaiCA Test FXML CA'], [OU, '97162640-RA-001'], [OU, 'TST'], [CN, '04177036-01-000'])
    const info = await inspect(subject, FXML_CA)
    expect(info.kind).toBe('customs-corporate')
    expect(info.identity).toMatchObject({ ubn: '04177036', ubnSource: 'customs-cn' })
    expect(info.isTest).toBe(true)
  })

  it('knows a customs personal certificate by the broker code it names', async () => {
    const named = await inspect(dn([C, 'TW'], [CN, 'SingleWindow-01-B00051']), dn([C, 'TW'], [O, 'TAIWAN-CA'], [CN, 'TWCA']))
    expect([named.kind, named.identity.brokerCode]).toEqual(['customs-personal', 'B00051'])
    const inRa = await inspect(dn([C, 'TW'], [O, 'Finance'], [OU, '97162640-RA-001'], [CN, '王小明-A00001']), FXML_CA)
    expect([inRa.kind, inRa.identity.brokerCode]).toEqual(['customs-personal', 'A00001'])
  })

  it('does not guess: an unrecognised CN in the customs hierarchy, or a broker-like CN outside it, is other', async () => {
    expect((await inspect(dn([C, 'TW'], [O, 'Finance'], [OU, '97162640-RA-001'], [CN, 'somebody']), FXML_CA)).kind).toBe('other')
    expect((await inspect(dn([C, 'TW'], [CN, 'A00001']), dn([CN, 'Some CA']))).kind).toBe('other')
  })
})

describe('signing and encryption', () => {
  const gca = dn([C, 'TW'], [OU, '政府憑證管理中心'])
  it.each([
    ['a signing certificate (digitalSignature)', [signing], true, false],
    ['an encryption certificate (keyEncipherment + dataEncipherment)', [encryption], false, true],
    ['a certificate without keyUsage', [], true, false],
    ['a CA certificate', [caConstraints], false, false],
  ])('%s', async (_, extensions, canSign, encryptionOnly) => {
    const info = await inspect(dn([CN, 'x']), gca, extensions)
    expect({ canSign: info.canSign, encryptionOnly: info.encryptionOnly }).toEqual({ canSign, encryptionOnly })
  })
})

describe('GPKI identity', () => {
  const moeaca = dn([C, 'TW'], [OU, '工商憑證管理中心'])
  const sda = (...attributes: [string, asn1js.AsnType][]): ExtensionSpec => ({ oid: OID.subjectDirectoryAttributes, value: directoryAttributes(attributes) })

  it('reads the subject directory attributes as GPKI writes them', async () => {
    const info = await inspect(dn([C, 'TW'], [CN, '王小明']), dn([C, 'TW'], [OU, '內政部憑證管理中心']), [
      sda(
        [OID.gpkiSubjectClass, new asn1js.ObjectIdentifier({ value: '2.16.886.1.100.3.1.9' })],
        [OID.gpkiCardType, stringValue('Primary', 'printable')],
        [OID.gpkiIdLast4, stringValue('1234')],
        [OID.gpkiOrgOid, new asn1js.ObjectIdentifier({ value: '2.16.886.101.90001' })],
      ),
    ])
    expect(info.identity).toEqual({ name: '王小明', subjectClass: '2.16.886.1.100.3.1.9', cardType: 'primary', idLast4: '1234', orgOid: '2.16.886.101.90001' })
  })

  it('keeps a card type it does not know as written', async () => {
    const info = await inspect(dn([CN, 'x']), moeaca, [sda([OID.gpkiCardType, stringValue('token', 'printable')])])
    expect(info.identity.cardType).toBe('token')
  })

  it('takes the UBN from the extension, else from an 8-digit subject serialNumber, and refuses two different ones', async () => {
    const company: NameSpec = [[[C, 'TW']], [[O, '測試公司']], [[SERIAL, '82675132', 'printable']]]
    const fromSubject = await inspect(company, moeaca)
    expect(fromSubject.identity).toMatchObject({ name: '測試公司', ubn: '82675132', ubnSource: 'subject-serial-number' })
    const both = await inspect(company, moeaca, [sda([OID.gpkiUbn, stringValue('82675132')])])
    expect(both.identity).toMatchObject({ ubn: '82675132', ubnSource: 'extension' })
    const conflict = inspect(company, moeaca, [sda([OID.gpkiUbn, stringValue('12345675')])])
    await expect(conflict).rejects.toBeInstanceOf(PkiError)
    await expect(conflict).rejects.toMatchObject({ code: 'UBN_MISMATCH' })
  })

  it('never reads a MOICA 16-digit serialNumber as a UBN', async () => {
    const info = await inspect(dn([C, 'TW'], [CN, '測試人'], [SERIAL, '1282000269404504']), dn([C, 'TW'], [OU, '內政部憑證管理中心']))
    expect(info.identity.ubn).toBeUndefined()
  })
})
