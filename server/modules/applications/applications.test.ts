import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { paperForm } from './applications.fixtures'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
let supervisor: Session
beforeEach(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk.keelung')
  supervisor = await t.login('supervisor.keelung')
})
afterEach(() => t.close())

const count = (sql: string, ...args: unknown[]) => (t.sqlite.prepare(sql).get(...args) as { n: number }).n

async function keyAndSubmit(form: Record<string, unknown> = paperForm) {
  const draft = await t.call('POST', '/api/applications', { as: clerk, body: form })
  expect(draft.status).toBe(201)
  const submitted = await t.call('POST', `/api/applications/${draft.json.id}/submit`, { as: clerk, body: { version: draft.json.version } })
  expect(submitted.status).toBe(200)
  return submitted.json
}

describe('paper keying', () => {
  it('saves an incomplete draft with a generated number, and names every missing field at submit', async () => {
    const draft = await t.call('POST', '/api/applications', { as: clerk, body: { ubn: '52111891' } })
    expect(draft.json).toMatchObject({ status: 'draft', channel: 'paper', officeCode: 'AA', keyedBy: '陳怡安', can: { edit: true, submit: true, decide: false } })
    expect(draft.json.applicationNo).toMatch(/^AA115\d{7}$/)
    const res = await t.call('POST', `/api/applications/${draft.json.id}/submit`, { as: clerk, body: { version: 1 }, headers: { 'accept-language': 'en' } })
    expect(res.status).toBe(400)
    expect(Object.keys(res.json.error.fieldErrors).sort()).toEqual(['boxNo', 'businessType', 'companyName', 'contactEmail', 'contactMobile', 'contactName', 'contactPhone', 'kind', 'privacyConsent', 'service'])
    expect(res.json.error.fieldErrors.kind).toBe('This field is required')
    expect(count("select count(*) n from applications where status = '00'")).toBe(0)
  })

  it('updates a draft with optimistic locking, and refuses invalid fields by name', async () => {
    const draft = (await t.call('POST', '/api/applications', { as: clerk, body: { ubn: '52111891' } })).json
    const ok = await t.call('PATCH', `/api/applications/${draft.id}`, { as: clerk, body: { companyName: '基隆港通報關股份有限公司', version: draft.version } })
    expect(ok.json.companyName).toBe('基隆港通報關股份有限公司')
    expect((await t.call('PATCH', `/api/applications/${draft.id}`, { as: clerk, body: { companyName: 'x', version: draft.version } })).status).toBe(409)
    const bad = await t.call('PATCH', `/api/applications/${draft.id}`, { as: clerk, body: { ubn: '52111892', brokerNationalId: 'A123', version: ok.json.version }, headers: { 'accept-language': 'en' } })
    expect(bad.json.error.fieldErrors).toEqual({ ubn: 'The UBN check digit is wrong', brokerNationalId: expect.stringContaining('national ID') })
  })

  it('keeps another office\'s applications out of reach, in lists and by id', async () => {
    const app = await keyAndSubmit()
    const taipei = await t.login('clerk.taipei')
    expect((await t.call('GET', `/api/applications/${app.id}`, { as: taipei })).status).toBe(404)
    expect((await t.call('GET', '/api/applications', { as: taipei })).json.items).toEqual([])
    expect((await t.call('POST', '/api/applications', { as: taipei, body: { officeCode: 'AA' } })).json.error.fieldErrors).toEqual({ officeCode: '沒有這個關別' })
  })
})

describe('review and decision', () => {
  it('a broker appointed to the firm passes every check; approval issues the fee slip and queues the 10 mail', async () => {
    const app = await keyAndSubmit()
    expect(app.status).toBe('00')
    expect(app.checks.every((c: { result: string }) => c.result === 'pass')).toBe(true)
    const queue = await t.call('GET', '/api/applications?status=00', { as: supervisor })
    expect(queue.json.items.map((i: { applicationNo: string }) => i.applicationNo)).toEqual([app.applicationNo])
    const decided = await t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'approve', version: app.version } })
    expect(decided.status).toBe(200)
    expect(decided.json.status).toBe('10')
    expect(decided.json.feeSlip).toMatchObject({ amount: 2000, issuedOn: '2026-11-20', dueOn: '2026-12-04', status: 'unpaid' })
    expect(decided.json.feeSlip.slipNo).toMatch(/^AAF115\d{8}$/)
    const mail = t.sqlite.prepare('select to_address, subject from mail_outbox where application_id = ?').all(app.id)
    expect(mail).toEqual([{ to_address: 'contact@keelung-broker.example', subject: `[關港貿單一窗口]通關專屬憑證申請繳費通知，申請序號:${app.applicationNo}` }])
    expect(decided.json.events.map((e: { action: string }) => e.action)).toEqual(['created', 'submitted', 'approved'])
    expect(count("select count(*) n from audit_log where action in ('application.approved', 'fee_slip.issued')")).toBe(2)
  })

  it('a broker not appointed to the firm fails its check, cannot be approved, and is rejected with the R0 mail', async () => {
    const app = await keyAndSubmit({ ...paperForm, brokerCode: 'A00003', brokerNationalId: 'F173091144' })
    expect(app.checks.find((c: { id: string }) => c.id === 'brokerAppointed')).toMatchObject({ result: 'fail', applicationValue: '52111891', recordValue: null })
    const approve = await t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'approve', version: app.version } })
    expect(approve.status).toBe(409)
    expect(approve.json.error.message).toContain('委任關係')
    const noReason = await t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'reject', version: app.version } })
    expect(noReason.json.error.fieldErrors).toEqual({ reasonCode: '此欄位為必填' })
    const rejected = await t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'reject', reasonCode: 'broker-not-appointed', reasonText: '請檢附委任資料', version: app.version } })
    expect(rejected.json).toMatchObject({ status: 'R0', rejectReasonCode: 'broker-not-appointed', decidedBy: '林志豪' })
    expect((t.sqlite.prepare('select subject from mail_outbox where application_id = ?').get(app.id) as { subject: string }).subject).toBe(`[關港貿單一窗口]通關專屬憑證申請退件通知，申請序號:${app.applicationNo}`)
  })

  it('four eyes: who keyed it cannot decide it, in the view and through the API', async () => {
    const admin = await t.login('admin')
    const created = await t.call('POST', '/api/staff', { as: admin, body: { username: 'both.keelung', displayName: '兼任', officeCode: 'AA', roles: ['clerk', 'supervisor'] } })
    const first = await t.login('both.keelung', created.json.temporaryPassword)
    const changed = await t.call('POST', '/api/auth/password', { as: first, body: { currentPassword: created.json.temporaryPassword, newPassword: 'Both-roles-1' } })
    const both = { cookie: changed.headers.get('set-cookie')!.split(';')[0]!, csrfToken: changed.json.csrfToken }
    const draft = (await t.call('POST', '/api/applications', { as: both, body: paperForm })).json
    const app = (await t.call('POST', `/api/applications/${draft.id}/submit`, { as: both, body: { version: draft.version } })).json
    expect(app.can.decide).toBe(false)
    const res = await t.call('POST', `/api/applications/${app.id}/decide`, { as: both, body: { decision: 'approve', version: app.version } })
    expect(res.status).toBe(403)
    expect((await t.call('POST', `/api/applications/${app.id}/decide`, { as: clerk, body: { decision: 'approve', version: app.version } })).status).toBe(403)
    expect((await t.call('GET', `/api/applications/${app.id}`, { as: supervisor })).json.can.decide).toBe(true)
  })

  it('when two decisions race, exactly one wins and the other gets a 409', async () => {
    const app = await keyAndSubmit()
    const other = await t.login('supervisor.keelung')
    const results = await Promise.all([
      t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body: { decision: 'approve', version: app.version } }),
      t.call('POST', `/api/applications/${app.id}/decide`, { as: other, body: { decision: 'reject', reasonCode: 'other', reasonText: 'x', version: app.version } }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 409])
    expect(count('select count(*) n from fee_slips where application_id = ?', app.id)).toBeLessThanOrEqual(1)
  })

  it('marks an application waiting longer than its office\'s service level as overdue, and filters by it', async () => {
    const app = await keyAndSubmit()
    const overdue = () => t.call('GET', '/api/applications?overdue=true', { as: supervisor }).then((r) => r.json.items.map((i: { id: number }) => i.id))
    expect(await overdue()).toEqual([])
    t.advance(4 * 86_400_000)
    supervisor = await t.login('supervisor.keelung')
    expect(await overdue()).toEqual([app.id])
    expect((await t.call('GET', `/api/applications/${app.id}`, { as: supervisor })).json).toMatchObject({ ageDays: 4, overdue: true })
    t.sqlite.prepare("insert into settings (key, value, updated_at) values ('review.slaDays.AA', '10', 'now')").run()
    expect(await overdue()).toEqual([])
    expect((await t.call('GET', `/api/applications/${app.id}`, { as: supervisor })).json.overdue).toBe(false)
  })

  it('the clerk prepares: notes and checks reviewed, on the timeline', async () => {
    const app = await keyAndSubmit()
    expect((await t.call('POST', `/api/applications/${app.id}/prepare`, { as: clerk, body: { notes: '已核對', version: app.version } })).json.error.fieldErrors).toEqual({ checksReviewed: '請確認已檢視所有比對結果' })
    const prepared = await t.call('POST', `/api/applications/${app.id}/prepare`, { as: clerk, body: { notes: '已核對正本', checksReviewed: true, version: app.version } })
    expect(prepared.json).toMatchObject({ preparedBy: '陳怡安', prepareNotes: '已核對正本' })
    expect(prepared.json.events.at(-1)).toMatchObject({ action: 'prepared', note: '已核對正本' })
  })
})

describe('attachments', () => {
  // a real 1 × 1 PNG: images are checked beyond their first bytes (server/lib/image-check.ts)
  const png = new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffffff7f0009fb03fdf5d8f19a0000000049454e44ae426082', 'hex'))
  const upload = (id: number, bytes: Uint8Array, name: string) => {
    const form = new FormData()
    form.append('file', new File([bytes.slice().buffer], name, { type: 'application/pdf' }))
    return t.app.request(`/api/applications/${id}/attachments`, { method: 'POST', body: form, headers: { cookie: clerk.cookie, 'x-csrf-token': clerk.csrfToken } })
  }

  it('keeps a scan checked by content, not by name, and serves it back to staff', async () => {
    const draft = (await t.call('POST', '/api/applications', { as: clerk, body: { ubn: '52111891' } })).json
    const res = await upload(draft.id, png, '../../etc/申請書.pdf')
    expect(res.status).toBe(201)
    const info = (await res.json()) as { id: number; contentType: string; fileName: string }
    expect(info).toMatchObject({ contentType: 'image/png', fileName: '申請書.pdf' })
    const back = await t.app.request(`/api/applications/${draft.id}/attachments/${info.id}`, { headers: { cookie: supervisor.cookie } })
    expect(back.headers.get('content-type')).toBe('image/png')
    expect(new Uint8Array(await back.arrayBuffer())).toEqual(png)
  })

  it('refuses a file that is not PDF, JPEG or PNG, and one over 10 MB', async () => {
    const draft = (await t.call('POST', '/api/applications', { as: clerk, body: { ubn: '52111891' } })).json
    const text = await upload(draft.id, new TextEncoder().encode('<html>not a scan</html>'), 'scan.pdf')
    expect(text.status).toBe(400)
    expect(((await text.json()) as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors.file).toContain('PDF')
    const big = new Uint8Array(10 * 1024 * 1024 + 200_000)
    big.set(png)
    expect((await upload(draft.id, big, 'big.png')).status).toBe(413)
    expect(count('select count(*) n from application_attachments')).toBe(0)
  })
})
