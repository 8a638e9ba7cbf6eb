import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { approvedApplication } from '../payments/payments.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let helpdesk: Session
let approved: { applicationNo: string; slipNo: string }

beforeAll(async () => {
  t = await createTestApp()
  helpdesk = await t.login('helpdesk')
  const clerk = await t.login('clerk.keelung')
  const supervisor = await t.login('supervisor.keelung')
  const app = await approvedApplication(t, clerk, supervisor)
  approved = { applicationNo: app.applicationNo, slipNo: app.feeSlip.slipNo }
})
afterAll(() => t.close())

const find = async (q: string) => (await t.call('GET', `/api/lookup?q=${encodeURIComponent(q)}`, { as: helpdesk })).json

describe('lookup: one search box', () => {
  it('reads each kind of key and finds the firm or person behind it', async () => {
    expect(await find('52111891')).toMatchObject({ readAs: 'ubn', matches: [{ kind: 'firm', ubn: '52111891' }] })
    expect(await find('a00001')).toMatchObject({ readAs: 'brokerCode', matches: [{ kind: 'person', ref: 'broker:A00001' }] })
    expect(await find('A115881394')).toMatchObject({ readAs: 'idNumber', matches: [{ kind: 'person', ref: 'broker:A00001' }] })
    expect(await find(approved.applicationNo)).toMatchObject({ readAs: 'applicationNo', matches: [{ kind: 'firm', ubn: '52111891' }] })
    expect(await find(approved.slipNo)).toMatchObject({ readAs: 'feeSlipNo', matches: [{ kind: 'firm', ubn: '52111891' }] })
    expect(await find('chen.chihming@example.tw')).toMatchObject({ readAs: 'accountId', matches: [{ kind: 'person', ref: expect.stringMatching(/^account:\d+$/) }] })
    expect(await find('77435691')).toMatchObject({ matches: [{ kind: 'firm', ubn: '77435691' }] })
    expect((await find('nothing-like-this')).matches).toEqual([])
  })

  it("shows a firm's page: accounts, applications, fee slips and appointments, with the phone masked", async () => {
    const firm = (await t.call('GET', '/api/lookup/firms/52111891', { as: helpdesk })).json
    expect(firm.maskedPhone).toBe('02-24***234')
    expect(firm.applications.map((a: { applicationNo: string }) => a.applicationNo)).toContain(approved.applicationNo)
    expect(firm.feeSlips).toEqual([expect.objectContaining({ slipNo: approved.slipNo, amount: 2000, status: 'unpaid' })])
    expect(firm.appointments.some((a: { brokerCode: string }) => a.brokerCode === 'A00001')).toBe(true)
    const migrated = (await t.call('GET', '/api/lookup/firms/77435691', { as: helpdesk })).json
    expect(migrated.accounts).toEqual([expect.objectContaining({ accountId: '77435691', migrated: true, hasPassword: false })])
  })

  it("shows a person's page with the ID masked, and reveals it only with a reason, audited", async () => {
    const person = (await t.call('GET', '/api/lookup/people/broker:A00001', { as: helpdesk })).json
    expect(person).toMatchObject({ name: '王建民', maskedIdNumber: 'A11****394', brokerCode: 'A00001', qualificationStatus: 'qualified' })
    expect(JSON.stringify(person)).not.toContain('A115881394')
    const noReason = await t.call('POST', '/api/lookup/reveal', { as: helpdesk, body: { ref: 'broker:A00001', field: 'idNumber', reason: '' } })
    expect(noReason.status).toBe(400)
    const shown = await t.call('POST', '/api/lookup/reveal', { as: helpdesk, body: { ref: 'broker:A00001', field: 'idNumber', reason: '來電核對身分' } })
    expect(shown.json).toEqual({ value: 'A115881394' })
    const audit = t.sqlite.prepare("select actor_name, summary after_json from audit_log where action = 'lookup.revealed'").get() as { actor_name: string; after_json: string }
    expect(audit.actor_name).toBe('helpdesk')
    expect(audit.after_json).toContain('來電核對身分')
    expect(audit.after_json).not.toContain('A115881394')
  })

  it('refuses bad refs and unknown people', async () => {
    expect((await t.call('GET', '/api/lookup/people/A115881394', { as: helpdesk })).status).toBe(400)
    expect((await t.call('GET', '/api/lookup/people/broker:B99999', { as: helpdesk })).status).toBe(404)
    expect((await t.call('GET', '/api/lookup?q=x')).status).toBe(401)
  })
})
