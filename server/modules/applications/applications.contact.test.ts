import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paperForm } from './applications.fixtures'
import { paidApplication, portalWorld, type PortalWorld } from './applications.portal.fixtures'
import { approvedApplication } from '../payments/payments.fixtures'

let w: PortalWorld
beforeAll(async () => {
  w = await portalWorld()
}, 60_000)
afterAll(() => w.t.close())

const contact = { contactName: '李先生', contactPhone: '02-24209999#3', contactMobile: '0987654321', contactEmail: 'new-contact@keelung-broker.example' }
const patch = (id: number, body: Record<string, unknown>, as = w.company) =>
  w.t.call('PATCH', `/api/portal/applications/${id}/contact`, { as, body, headers: { 'accept-language': 'en' } })

describe('修改: the company changes the contact of an open application', () => {
  it('changes the contact with the version read, on the timeline and in the audit trail; the next notice goes to the new e-mail', async () => {
    const app = await approvedApplication(w.t, w.clerk, w.supervisor)
    const before = (await w.t.call('GET', `/api/portal/applications/${app.id}`, { as: w.company })).json
    const res = await patch(app.id, { ...contact, contactPhone: '0224209999#3', version: before.version })
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ ...contact, status: '10', version: before.version + 1, companyName: paperForm.companyName, boxNo: 'K01' })
    expect(res.json.timeline.at(-1)).toMatchObject({ action: 'contactChanged', note: '連絡人姓名、連絡人電話、連絡人手機、連絡人 E-MAIL' })
    const audit = w.t.sqlite.prepare("select actor_name, summary from audit_log where action = 'application.contact_changed' and entity_id = ?").get(app.applicationNo) as { actor_name: string; summary: string }
    expect(audit.actor_name).toBe('portal:52111891')
    expect(JSON.parse(audit.summary)).toMatchObject({ before: { contactEmail: paperForm.contactEmail }, after: { contactEmail: contact.contactEmail } })
    // the console sees the change too
    expect((await w.t.call('GET', `/api/applications/${app.id}`, { as: w.clerk })).json.events.at(-1)).toMatchObject({ action: 'contactChanged' })

    await w.t.call('POST', '/api/payments', { as: w.clerk, body: { slipNo: app.feeSlip.slipNo, amount: 2000, paidOn: '2026-11-20', channel: 'counter' } })
    const mail = w.t.sqlite.prepare("select to_address from mail_outbox where template = 'application-paid' and application_id = ?").get(app.id) as { to_address: string } | undefined
    expect(mail?.to_address).toBe(contact.contactEmail)

    // the same data again changes nothing: no new version, no new timeline line
    const after = (await w.t.call('GET', `/api/portal/applications/${app.id}`, { as: w.company })).json
    const same = await patch(app.id, { ...contact, version: after.version })
    expect(same.json.version).toBe(after.version)
    expect(same.json.timeline.filter((e: { action: string }) => e.action === 'contactChanged')).toHaveLength(1)
  })

  it('refuses a stale version, a closed application, another company\'s application, and anything but the contact', async () => {
    const app = await paidApplication(w, { ...paperForm, brokerCode: 'A00002', brokerNationalId: 'A298698799' })
    const current = (await w.t.call('GET', `/api/portal/applications/${app.id}`, { as: w.company })).json
    expect((await patch(app.id, { ...contact, version: current.version - 1 })).json.error.code).toBe('VERSION_CONFLICT')
    expect((await patch(app.id, { ...contact, version: current.version }, w.other)).status).toBe(403)
    const notContact = await patch(app.id, { ...contact, companyName: '改名', boxNo: 'X99', version: current.version })
    expect(notContact.status).toBe(400)
    expect(notContact.json.error.fieldErrors).toEqual({ companyName: 'This field is not accepted', boxNo: 'This field is not accepted' })
    const bad = await patch(app.id, { contactName: '', contactPhone: '12', contactMobile: '0212345678', contactEmail: 'x@', version: current.version })
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['contactEmail', 'contactMobile', 'contactName', 'contactPhone'])
    expect((await w.t.call('GET', `/api/portal/applications/${app.id}`, { as: w.company })).json.contactName).toBe(paperForm.contactName)

    w.t.sqlite.prepare("update applications set status = 'A0' where id = ?").run(app.id)
    const closed = await patch(app.id, { ...contact, version: current.version })
    expect(closed.status).toBe(409)
    expect(closed.json.error.message).toContain('still open')
  })
})
