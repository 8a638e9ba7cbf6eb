import { describe, expect, it } from 'vitest'
import { runRecordChecks, type CheckedApplication, type RecordSnapshot } from './record-checks'

const app: CheckedApplication = { ubn: '52111891', companyName: '基隆港通報關股份有限公司', officeCode: 'AA', businessType: 'customs-broker', kind: 'personal', boxNo: 'K01', service: 'new', brokerCode: 'A00001', brokerNationalId: 'A115881394', targetSerial: null }
const records: RecordSnapshot = {
  firm: { name: '基隆港通報關股份有限公司', officeCode: 'AA', boxNo: 'K01', licences: [{ businessType: 'customs-broker', status: 'active' }] },
  broker: { nationalId: 'A115881394', name: '王建民', qualificationStatus: 'qualified' },
  brokerAppointedToFirm: true,
  openDuplicates: [],
  target: null,
  renewGraceDays: 30,
  now: new Date('2026-11-22T00:00:00Z'),
}
const results = (checks: ReturnType<typeof runRecordChecks>) => Object.fromEntries(checks.map((c) => [c.id, c.result]))

describe('record checks', () => {
  it('passes every check for a broker appointed to the firm', () => {
    const checks = runRecordChecks(app, records)
    expect(results(checks)).toEqual({ ubnChecksum: 'pass', firmExists: 'pass', licenceActive: 'pass', officeMatches: 'pass', boxNo: 'pass', brokerExists: 'pass', brokerQualified: 'pass', brokerIdMatches: 'pass', brokerAppointed: 'pass', noOpenDuplicate: 'pass' })
    expect(checks.find((c) => c.id === 'brokerExists')).toMatchObject({ applicationValue: 'A00001', recordValue: '王建民' })
  })

  it('fails a broker who is not appointed, disqualified, or whose ID differs; warns on another office', () => {
    const checks = runRecordChecks({ ...app, officeCode: 'CA', brokerNationalId: 'F173091144' }, { ...records, broker: { ...records.broker!, qualificationStatus: 'disqualified' }, brokerAppointedToFirm: false })
    expect(results(checks)).toMatchObject({ officeMatches: 'warn', brokerQualified: 'fail', brokerIdMatches: 'fail', brokerAppointed: 'fail' })
    expect(checks.find((c) => c.id === 'brokerAppointed')!.reason!.en).toMatch(/not currently appointed/)
  })

  it('fails an unknown firm, an inactive licence and an open duplicate', () => {
    expect(results(runRecordChecks(app, { ...records, firm: null })).firmExists).toBe('fail')
    expect(results(runRecordChecks(app, { ...records, firm: { ...records.firm!, licences: [{ businessType: 'customs-broker', status: 'suspended' }] } })).licenceActive).toBe('fail')
    const dup = runRecordChecks(app, { ...records, openDuplicates: ['AA1150000013'] })
    expect(dup.find((c) => c.id === 'noOpenDuplicate')).toMatchObject({ result: 'fail', recordValue: 'AA1150000013' })
  })

  it('checks that the target certificate belongs to the applicant and allows the service', () => {
    const target = { status: 'valid' as const, ubn: '52111891', kind: 'personal', brokerCode: 'A00001', notAfter: '2027-06-01T00:00:00Z' }
    const run = (service: CheckedApplication['service'], t: RecordSnapshot['target']) => runRecordChecks({ ...app, service, targetSerial: 'ab12' }, { ...records, target: t }).find((c) => c.id === 'targetCertificate')!.result
    expect(run('suspend', target)).toBe('pass')
    expect(run('unsuspend', target)).toBe('fail')
    expect(run('unsuspend', { ...target, status: 'suspended' })).toBe('pass')
    expect(run('renew', { ...target, notAfter: '2026-11-01T00:00:00Z' })).toBe('pass')
    expect(run('renew', { ...target, notAfter: '2026-10-01T00:00:00Z' })).toBe('fail')
    expect(run('revoke', { ...target, ubn: '61611290' })).toBe('fail')
    expect(run('revoke', null)).toBe('fail')
    const fixed = { officeCode: 'AA', businessType: 'customs-broker', boxNo: 'K01' }
    expect(run('modify', { ...target, fixed })).toBe('pass')
    expect(run('modify', { ...target, fixed: { ...fixed, boxNo: 'K02' } })).toBe('fail')
  })
})
