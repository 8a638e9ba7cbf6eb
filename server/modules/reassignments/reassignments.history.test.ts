import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DOCUMENTS, reassignmentsWorld, TODAY, YESTERDAY, type World } from './reassignments.fixtures'

/**
 * One broker's life on one world: 王建民 (A00001), whose certificate 52111891 registered, moves to 77457884,
 * then loses his qualification; 黃建國 (A00003) leaves 77457884.
 */
let w: World
beforeAll(async () => {
  w = await reassignmentsWorld()
  const { clerk, supervisor } = w.office
  w.t.advance(60_000)
  expect((await w.call('POST', '/transfers', clerk, { brokerCode: 'A00001', toUbn: '77457884', startDate: YESTERDAY, officeChecked: true })).status).toBe(201)
  w.t.advance(60_000)
  const filed = (await w.call('POST', '/disqualifications', clerk, { brokerCode: 'A00001', effectiveDate: TODAY, reason: '資格經撤銷' })).json
  w.t.advance(60_000)
  expect((await w.call('POST', `/${filed.id}/approve`, supervisor, { version: filed.version })).status).toBe(200)
  w.t.advance(60_000)
  expect((await w.call('POST', '/resignations', clerk, { ubn: '77457884', brokerCode: 'A00003', documents: DOCUMENTS, endDate: TODAY })).status).toBe(201)
}, 60_000)
afterAll(() => w.t.close())

const list = async (query = '', as = w.office.clerk) => {
  const res = await w.call('GET', query, as)
  expect(res.status, res.text).toBe(200)
  return res.json as { items: { id: number; kind: string; brokerCode: string; status: string }[]; nextCursor: string | null }
}
const kinds = (page: { items: { kind: string; brokerCode: string }[] }) => page.items.map((r) => `${r.kind}:${r.brokerCode}`)

describe('the reassignments list', () => {
  it('lists newest first, by broker, by firm (left or joined), by kind and status', async () => {
    expect(kinds(await list())).toEqual(['resignation:A00003', 'disqualification:A00001', 'transfer:A00001'])
    expect(kinds(await list('?brokerCode=a00001'))).toEqual(['disqualification:A00001', 'transfer:A00001'])
    // the disqualification names the firm the broker worked for when it was filed
    expect(kinds(await list('?ubn=77457884'))).toEqual(['resignation:A00003', 'disqualification:A00001', 'transfer:A00001'])
    expect(kinds(await list('?ubn=52111891'))).toEqual(['transfer:A00001'])
    expect(kinds(await list('?kind=disqualification&status=done'))).toEqual(['disqualification:A00001'])
    expect(kinds(await list('?status=pending'))).toEqual([])
  })

  it('pages by cursor without gaps or repeats', async () => {
    const first = await list('?limit=2')
    expect(first.items).toHaveLength(2)
    const second = await list(`?limit=2&cursor=${first.nextCursor}`)
    expect([...kinds(first), ...kinds(second)]).toEqual(kinds(await list()))
    expect(second.nextCursor).toBeNull()
  })

  it('is read by every staff role, and by nobody else; bad parameters are named', async () => {
    expect((await list('', await w.t.login('auditor'))).items).toHaveLength(3)
    expect((await w.t.call('GET', '/api/reassignments', { as: w.as.keelung })).status).toBe(401)
    expect((await w.call('GET', '?cursor=abc', w.office.clerk)).json.error.fieldErrors).toEqual({ cursor: '分頁游標無效，請重新查詢' })
    expect((await w.call('GET', '?kind=promotion', w.office.clerk)).json.error.fieldErrors).toEqual({ kind: '不是可選的值' })
    expect((await w.call('GET', '?ubn=52111892', w.office.clerk)).status).toBe(400)
    expect((await w.call('GET', '?sort=id', w.office.clerk)).json.error.fieldErrors).toEqual({ sort: '不接受此欄位' })
  })
})

describe('a broker’s timeline', () => {
  const timeline = (code: string, as = w.office.clerk) => w.call('GET', `/brokers/${code}/timeline`, as)

  it('tells the whole story, newest first: appointments, reassignments, certificates and registrations', async () => {
    const res = await timeline('A00001')
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ brokerCode: 'A00001', brokerName: '王建民', qualificationStatus: 'disqualified' })
    const events = res.json.events as { type: string; at: string; ubn: string | null; serialHex: string | null; actorName: string | null; detail: string | null }[]
    expect(events.map((e) => `${e.type}@${e.ubn}`)).toEqual([
      'registration-removed@52111891',
      'certificate-revoked@52111891',
      'reassignment-approved@77457884',
      'reassignment-filed@77457884',
      'reassignment-recorded@77457884',
      'registration-added@52111891',
      'certificate-issued@52111891',
      'appointment-ended@77457884',
      'appointment-started@77457884',
      'appointment-ended@52111891',
      'appointment-started@52111891',
    ])
    expect(events[0]).toMatchObject({ serialHex: w.wang.serialHex, actorName: 'supervisor.keelung', detail: 'disqualification' })
    expect(events[1]).toMatchObject({ serialHex: w.wang.serialHex, detail: 'privilegeWithdrawn', actorName: 'supervisor.keelung' })
    expect(events[3]).toMatchObject({ actorName: '陳怡安', detail: '資格經撤銷', reassignmentKind: 'disqualification' })
    expect(events.slice(-4).map((e) => e.at)).toEqual([TODAY, YESTERDAY, '2026-11-18', '2008-03-14'])
  })

  it('shows another office only the certificates of its own office, and the rest in full', async () => {
    const events = (await timeline('A00001', await w.t.login('clerk.taipei'))).json.events as { type: string }[]
    expect(events.filter((e) => e.type.startsWith('certificate-'))).toEqual([])
    expect(events).toHaveLength(9)
  })

  it('answers 404 for an unknown broker and 400 for a malformed code', async () => {
    expect((await timeline('A09999')).status).toBe(404)
    expect((await timeline('X1')).status).toBe(400)
    expect((await w.t.call('GET', '/api/reassignments/brokers/A00001/timeline')).status).toBe(401)
  })
})
