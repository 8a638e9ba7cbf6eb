import { describe, expect, it } from 'vitest'
import { createTestApp } from '../lib/testing'
import { paperForm } from '../modules/applications/applications.fixtures'
import { uploadScan } from './security.fixtures'

/** Issue 9.1: office staff reach their own office's applications only (server/lib/sql.ts officeScope). */
describe('office scoping: another office\'s application does not exist for office staff', () => {
  it('a Taipei clerk and supervisor can neither read nor change a Keelung application by id, and its rows stay as they were', async () => {
    const t = await createTestApp()
    try {
      const [keelungClerk, keelungSupervisor, taipeiClerk, taipeiSupervisor] = await Promise.all(['clerk.keelung', 'supervisor.keelung', 'clerk.taipei', 'supervisor.taipei'].map((u) => t.login(u)))
      const draft = (await t.call('POST', '/api/applications', { as: keelungClerk, body: paperForm })).json
      const keyed = (await t.call('POST', '/api/applications', { as: keelungClerk, body: paperForm })).json
      const submitted = (await t.call('POST', `/api/applications/${keyed.id}/submit`, { as: keelungClerk, body: { version: keyed.version } })).json
      const scan = (await (await uploadScan(t, submitted.id, keelungClerk)).json()) as { id: number }
      const prepared = (await t.call('POST', `/api/applications/${submitted.id}/prepare`, { as: keelungClerk, body: { notes: '已核對', checksReviewed: true, version: submitted.version } })).json
      expect([draft.officeCode, prepared.officeCode, prepared.status]).toEqual(['AA', 'AA', '00'])

      const lastAuditId = () => (t.sqlite.prepare('select max(id) id from audit_log').get() as { id: number }).id
      const snapshot = () => ({
        applications: t.sqlite.prepare('select * from applications where id in (?, ?) order by id').all(draft.id, prepared.id),
        events: t.sqlite.prepare('select * from application_events order by id').all(),
        attachments: t.sqlite.prepare('select * from application_attachments order by id').all(),
        feeSlips: t.sqlite.prepare('select count(*) n from fee_slips').get(),
        mail: t.sqlite.prepare('select count(*) n from mail_outbox').get(),
      })
      const before = snapshot()
      const auditBefore = lastAuditId()

      type Answer = { status: number; json: { error?: { code: string } } }
      const attach = async (): Promise<Answer> => {
        const res = await uploadScan(t, prepared.id, taipeiClerk)
        return { status: res.status, json: (await res.json()) as Answer['json'] }
      }
      const attempts: [string, () => Promise<Answer>][] = [
        ['GET draft', () => t.call('GET', `/api/applications/${draft.id}`, { as: taipeiClerk })],
        ['GET submitted', () => t.call('GET', `/api/applications/${prepared.id}`, { as: taipeiClerk })],
        ['GET attachment', () => t.call('GET', `/api/applications/${prepared.id}/attachments/${scan.id}`, { as: taipeiClerk })],
        ['PATCH draft', () => t.call('PATCH', `/api/applications/${draft.id}`, { as: taipeiClerk, body: { contactName: '臺北改的', version: draft.version } })],
        ['submit draft', () => t.call('POST', `/api/applications/${draft.id}/submit`, { as: taipeiClerk, body: { version: draft.version } })],
        ['prepare', () => t.call('POST', `/api/applications/${prepared.id}/prepare`, { as: taipeiClerk, body: { notes: '臺北', checksReviewed: true, version: prepared.version } })],
        ['attach a scan', attach],
        ['supervisor GET', () => t.call('GET', `/api/applications/${prepared.id}`, { as: taipeiSupervisor })],
        ['supervisor approve', () => t.call('POST', `/api/applications/${prepared.id}/decide`, { as: taipeiSupervisor, body: { decision: 'approve', version: prepared.version } })],
        ['supervisor reject', () => t.call('POST', `/api/applications/${prepared.id}/decide`, { as: taipeiSupervisor, body: { decision: 'reject', reasonCode: 'data-mismatch', version: prepared.version } })],
      ]
      const answers: [string, number, string | undefined][] = []
      for (const [what, attempt] of attempts) {
        const res = await attempt()
        answers.push([what, res.status, res.json.error?.code])
      }
      expect(answers).toEqual(attempts.map(([what]) => [what, 404, 'NOT_FOUND']))
      expect(snapshot()).toEqual(before)
      expect(lastAuditId()).toBe(auditBefore)

      const ids = (await t.call('GET', '/api/applications?limit=100', { as: taipeiClerk })).json.items.map((i: { id: number }) => i.id)
      expect(ids).not.toContain(draft.id)
      expect(ids).not.toContain(prepared.id)
      const exported = await t.call('GET', '/api/applications/export?format=csv', { as: taipeiSupervisor })
      expect(exported.status).toBe(200)
      expect(exported.text).not.toContain(prepared.applicationNo)

      // The same requests are sound: the application's own office gets them done.
      expect((await t.call('PATCH', `/api/applications/${draft.id}`, { as: keelungClerk, body: { contactName: '基隆改的', version: draft.version } })).status).toBe(200)
      expect((await t.call('POST', `/api/applications/${prepared.id}/decide`, { as: keelungSupervisor, body: { decision: 'approve', version: prepared.version } })).status).toBe(200)
    } finally {
      t.close()
    }
  })
})
