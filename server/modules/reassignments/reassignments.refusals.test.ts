import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Session } from '../../lib/testing'
import { DOCUMENTS, grantRole, reassignmentsWorld, snapshot, YESTERDAY, type World } from './reassignments.fixtures'

/** Every refusal on one world: each is checked to leave every table as it was. */
let w: World
let taipeiClerk: Session
let taipeiSupervisor: Session
let hqClerk: Session
beforeAll(async () => {
  w = await reassignmentsWorld()
  taipeiClerk = await w.t.login('clerk.taipei')
  taipeiSupervisor = await w.t.login('supervisor.taipei')
  // headquarters staff act for every office: the admin, given the clerk's desk
  grantRole(w.t, 'admin', 'clerk')
  hqClerk = await w.t.login('admin')
}, 60_000)
afterAll(() => w.t.close())

/** Runs the call and checks its status, and that nothing at all was written. */
async function refused(call: Promise<{ status: number; json: { error: { message: string; fieldErrors?: Record<string, string> } } }>, status: number) {
  const before = snapshot(w.t)
  const res = await call
  expect(res.status).toBe(status)
  expect(snapshot(w.t)).toEqual(before)
  return res.json.error
}

const resign = (body: object, as = w.office.clerk, lang = 'zh-TW') => w.call('POST', '/resignations', as, body, lang)
const wangLeaves = { ubn: '52111891', brokerCode: 'A00001', documents: DOCUMENTS, endDate: YESTERDAY }

describe('離職: refusals change nothing', () => {
  const refusals: [string, object, number, Record<string, string> | null, string | null][] = [
    ['a broker not appointed at the firm', { brokerCode: 'A00003' }, 409, { brokerCode: '專責報關人員 黃建國（A00003） 目前未受委任於 基隆港通報關股份有限公司（52111891），無委任關係可終止' }, '黃建國（A00003）'],
    ['an end date in the future', { endDate: '2026-11-21' }, 400, { endDate: '日期不可晚於今日（2026-11-20）' }, null],
    ['an end date before the appointment began', { endDate: '2008-03-13' }, 400, { endDate: '離職日期不可早於委任起日（2008-03-14）' }, null],
    ['a date that does not exist', { endDate: '2026-02-30' }, 400, { endDate: '日期格式不正確' }, null],
    ['a document not received', { documents: { ...DOCUMENTS, brokerCard: false } }, 400, { 'documents.brokerCard': '請確認已收到此文件' }, null],
    ['no documents at all', { documents: undefined }, 400, { documents: '此欄位為必填' }, null],
    ['an unknown broker', { brokerCode: 'A09999' }, 400, { brokerCode: '查無專責報關人員 A09999' }, null],
    ['an unknown firm', { ubn: '12345675' }, 400, { ubn: '查無統一編號 12345675 的業者' }, null],
    ['a UBN with a wrong check digit', { ubn: '52111892' }, 400, null, null],
    ['a field the form does not have', { note: 'x' }, 400, { note: '不接受此欄位' }, null],
  ]
  it.each(refusals)('%s', async (_name, change, status, fieldErrors, inMessage) => {
    const before = snapshot(w.t)
    const res = await resign({ ...wangLeaves, ...change })
    expect(res.status).toBe(status)
    if (fieldErrors) expect(res.json.error.fieldErrors).toMatchObject(fieldErrors)
    if (inMessage) expect(res.json.error.message).toContain(inMessage)
    expect(snapshot(w.t)).toEqual(before)
  })

  it('is for clerks of the firm’s office', async () => {
    const before = snapshot(w.t)
    expect((await resign(wangLeaves, w.office.supervisor)).status).toBe(403)
    const taipei = await resign(wangLeaves, taipeiClerk)
    expect(taipei.status).toBe(403)
    expect(taipei.json.error.message).toBe('業者 基隆港通報關股份有限公司（52111891）不屬於貴關別，請由所屬關別辦理')
    expect((await w.t.call('POST', '/api/reassignments/resignations', { body: wangLeaves })).status).toBe(401)
    expect((await w.t.call('POST', '/api/reassignments/resignations', { as: w.as.keelung, body: wangLeaves })).status).toBe(401)
    expect(snapshot(w.t)).toEqual(before)
  })

})

const transfer = (body: object, as = w.office.clerk) => w.call('POST', '/transfers', as, body)
const moves = (change: object) => ({ brokerCode: 'A00001', toUbn: '77457884', startDate: YESTERDAY, officeChecked: true, ...change })

describe('轉任: refusals change nothing', () => {
  it('a new firm without an active customs broker licence', async () => {
    const suspended = await refused(transfer(moves({ toUbn: '94204782' }), taipeiClerk), 409)
    expect(suspended.fieldErrors?.toUbn).toBe('雲翔航空貨運承攬股份有限公司（94204782） 沒有有效的報關業執照，不得委任專責報關人員')
    const warehouse = await refused(transfer(moves({ toUbn: '77435691' }), hqClerk), 409)
    expect(warehouse.message).toContain('中港倉儲股份有限公司（77435691） 沒有有效的報關業執照')
  })

  it('the firm the broker already works for', async () => {
    expect((await refused(transfer(moves({ toUbn: '52111891' })), 409)).fieldErrors?.toUbn).toContain('新任業者不可與原業者相同')
  })

  it('a broker appointed nowhere, or disqualified', async () => {
    expect((await refused(transfer(moves({ brokerCode: 'B00053' })), 409)).message).toBe('專責報關人員 郭志偉（B00053） 目前未受委任於任何報關業，請以新委任辦理')
    expect((await refused(transfer(moves({ brokerCode: 'C00003' })), 409)).fieldErrors?.brokerCode).toBe('專責報關人員 王怡君（C00003） 已喪失資格')
  })

  it('a broker whose disqualification awaits approval', async () => {
    expect((await w.call('POST', '/disqualifications', w.office.clerk, { brokerCode: 'A00002', effectiveDate: YESTERDAY, reason: '待查' })).status).toBe(201)
    expect((await refused(transfer(moves({ brokerCode: 'A00002' })), 409)).message).toContain('有待核定的喪失資格案件')
  })

  it('bad dates, no office check, an unknown firm, another office, the wrong role', async () => {
    expect((await refused(transfer(moves({ startDate: '2026-11-21' })), 400)).fieldErrors).toEqual({ startDate: '日期不可晚於今日（2026-11-20）' })
    expect((await refused(transfer(moves({ startDate: '2008-03-14' })), 400)).fieldErrors).toEqual({ startDate: '轉任日期須晚於原委任起日（2008-03-14）' })
    expect((await refused(transfer(moves({ officeChecked: false })), 400)).fieldErrors).toEqual({ officeChecked: '請確認已完成委任關係審核' })
    expect((await refused(transfer(moves({ officeChecked: undefined })), 400)).fieldErrors).toEqual({ officeChecked: '請確認已完成委任關係審核' })
    expect((await refused(transfer(moves({ toUbn: '12345675' })), 400)).fieldErrors).toEqual({ toUbn: '查無統一編號 12345675 的業者' })
    expect((await refused(transfer(moves({ toUbn: '61611290' })), 403)).message).toBe('新任業者 北辰報關股份有限公司（61611290）不屬於貴關別，請由所屬關別辦理')
    await refused(transfer(moves({}), w.office.supervisor), 403)
  })
})

const fileFor = (body: object, as = w.office.clerk) => w.call('POST', '/disqualifications', as, body)
const loses = (change: object) => ({ brokerCode: 'A00001', effectiveDate: YESTERDAY, reason: '資格經撤銷', ...change })

describe('喪失資格: refusals change nothing', () => {
  it('a broker already disqualified, or with a request pending', async () => {
    expect((await refused(fileFor(loses({ brokerCode: 'C00003' }), taipeiClerk), 409)).message).toBe('專責報關人員 王怡君（C00003） 已喪失資格')
    expect((await refused(fileFor(loses({ brokerCode: 'A00002' })), 409)).message).toBe('專責報關人員 林美玲（A00002） 已有待核定的喪失資格案件')
  })

  it('bad dates, a missing reason, another office, the wrong role', async () => {
    expect((await refused(fileFor(loses({ effectiveDate: '2026-11-21' })), 400)).fieldErrors).toEqual({ effectiveDate: '日期不可晚於今日（2026-11-20）' })
    expect((await refused(fileFor(loses({ effectiveDate: '2006-05-09' })), 400)).fieldErrors).toEqual({ effectiveDate: '喪失資格日期不可早於取得資格日期（2006-05-10）' })
    expect((await refused(fileFor(loses({ reason: '  ' })), 400)).fieldErrors).toEqual({ reason: '此欄位為必填' })
    expect((await refused(fileFor(loses({ reason: 'x'.repeat(501) })), 400)).fieldErrors).toEqual({ reason: '最多 500 個字元' })
    expect((await refused(fileFor(loses({ brokerCode: 'A0001' })), 400)).fieldErrors?.brokerCode).toBeTruthy()
    expect((await refused(fileFor(loses({}), taipeiClerk), 403)).message).toBe('專責報關人員 王建民（A00001）不屬於貴關別，請由所屬關別辦理')
    await refused(fileFor(loses({}), w.office.supervisor), 403)
  })

  it('decisions: the wrong role, office, version or request, and bad bodies', async () => {
    const pending = (await w.call('GET', '?kind=disqualification&status=pending', w.office.supervisor)).json.items[0] as { id: number; version: number }
    const decide = (action: string, body: object, as: Session = w.office.supervisor, id: number | string = pending.id) => w.call('POST', `/${id}/${action}`, as, body)
    await refused(decide('approve', { version: pending.version }, w.office.clerk), 403)
    expect((await refused(decide('approve', { version: pending.version }, taipeiSupervisor), 403)).message).toBe('此案件不屬於貴關別')
    expect((await refused(decide('approve', { version: pending.version + 1 }), 409)).message).toBe('資料已被他人修改，請重新載入後再試')
    await refused(decide('approve', { version: pending.version }, w.office.supervisor, 9999), 404)
    await refused(decide('approve', { version: pending.version }, w.office.supervisor, 'abc'), 400)
    expect((await refused(decide('approve', {}), 400)).fieldErrors).toEqual({ version: '此欄位為必填' })
    expect((await refused(decide('reject', { version: pending.version }), 400)).fieldErrors).toEqual({ reason: '此欄位為必填' })
    // a resignation is not a request to decide
    expect((await resign({ ...wangLeaves, ubn: '77457884', brokerCode: 'A00003' })).status).toBe(201)
    const resignation = (await w.call('GET', '?kind=resignation', w.office.supervisor)).json.items[0] as { id: number }
    await refused(decide('approve', { version: 1 }, w.office.supervisor, resignation.id), 404)
  })
})
