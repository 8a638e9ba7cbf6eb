import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, type Session } from '../../lib/testing'
import { findActiveAppointment, findBrokerRecord, findFirmRecord } from './broker-records.service'

let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
beforeAll(async () => {
  t = await createTestApp()
  clerk = await t.login('clerk.keelung')
})
afterAll(() => t.close())

const ubns = (res: { json: { items: { ubn: string }[] } }) => res.json.items.map((f) => f.ubn)
const codes = (res: { json: { items: { code: string }[] } }) => res.json.items.map((b) => b.code)

/** Follows nextCursor to the end, collecting the key of every row. */
async function walk(path: string, key: string): Promise<string[][]> {
  const pages: string[][] = []
  let cursor: string | null = null
  do {
    const sep = path.includes('?') ? '&' : '?'
    const res = await t.call('GET', `${path}${cursor ? `${sep}cursor=${cursor}` : ''}`, { as: clerk })
    expect(res.status).toBe(200)
    pages.push(res.json.items.map((row: Record<string, string>) => String(row[key])))
    cursor = res.json.nextCursor
  } while (cursor && pages.length < 20)
  return pages
}

describe('firms', () => {
  it('searches by UBN prefix or part of the name, and filters by office, business type and licence status', async () => {
    expect(ubns(await t.call('GET', '/api/broker-records/firms?q=77', { as: clerk }))).toEqual(['77435691', '77457884'])
    expect(ubns(await t.call('GET', `/api/broker-records/firms?q=${encodeURIComponent('報關')}`, { as: clerk }))).toEqual(['52111891', '61611290', '77457884', '82656552', '90344890'])
    expect(ubns(await t.call('GET', '/api/broker-records/firms?q=1891', { as: clerk }))).toEqual([])
    expect(ubns(await t.call('GET', '/api/broker-records/firms?officeCode=CA', { as: clerk }))).toEqual(['61611290', '94204782'])
    expect(ubns(await t.call('GET', '/api/broker-records/firms?businessType=forwarder', { as: clerk }))).toEqual(['77457884', '94204782'])
    expect(ubns(await t.call('GET', '/api/broker-records/firms?businessType=customs-broker&licenceStatus=suspended', { as: clerk }))).toEqual(['94204782'])
    expect(ubns(await t.call('GET', '/api/broker-records/firms?q=%25', { as: clerk }))).toEqual([])
    const row = (await t.call('GET', '/api/broker-records/firms?q=94204782', { as: clerk })).json.items[0]
    expect(row).toMatchObject({ name: '雲翔航空貨運承攬股份有限公司', officeCode: 'CA', boxNo: 'T35' })
    expect(row.licences).toEqual([
      { businessType: 'customs-broker', status: 'suspended', licensedOn: '2011-02-01', expiresOn: null },
      { businessType: 'forwarder', status: 'active', licensedOn: '2010-05-18', expiresOn: null },
    ])
  })

  it('pages by keyset in any sort order, without gaps or repeats', async () => {
    const byUbn = await walk('/api/broker-records/firms?limit=3', 'ubn')
    expect(byUbn.map((p) => p.length)).toEqual([3, 3, 2])
    expect(byUbn.flat()).toEqual(['43979122', '52111891', '61611290', '77435691', '77457884', '82656552', '90344890', '94204782'])
    const all = (await t.call('GET', '/api/broker-records/firms?sort=officeCode&order=desc&limit=100', { as: clerk })).json.items
    const byOffice = await walk('/api/broker-records/firms?sort=officeCode&order=desc&limit=3', 'ubn')
    expect(byOffice.flat()).toEqual(all.map((f: { ubn: string }) => f.ubn))
    expect(all.map((f: { officeCode: string }) => f.officeCode)).toEqual(['DA', 'DA', 'CA', 'CA', 'BA', 'BA', 'AA', 'AA'])
    const byName = await walk('/api/broker-records/firms?sort=name&limit=5', 'name')
    expect(byName.flat()).toEqual([...byName.flat()].sort())
    // the first page counts the list
    expect((await t.call('GET', '/api/broker-records/firms?officeCode=CA&sort=name&limit=1', { as: clerk })).json.total).toEqual({ count: 2, capped: false })
  })

  it('refuses a bad cursor, sort or filter, naming the parameter', async () => {
    expect((await t.call('GET', '/api/broker-records/firms?cursor=nonsense', { as: clerk })).json.error.fieldErrors).toHaveProperty('cursor')
    const bad = await t.call('GET', '/api/broker-records/firms?sort=phone&businessType=bakery&limit=0', { as: clerk })
    expect(Object.keys(bad.json.error.fieldErrors).sort()).toEqual(['businessType', 'limit', 'sort'])
  })

  it('shows a firm with its licences, box number and current and past appointments', async () => {
    const res = await t.call('GET', '/api/broker-records/firms/61611290', { as: clerk })
    expect(res.json).toMatchObject({ ubn: '61611290', boxNo: 'T12', officeCode: 'CA', licences: [{ businessType: 'customs-broker', status: 'active' }] })
    expect(res.json.appointments.map((a: { brokerCode: string; brokerName: string; status: string }) => [a.brokerCode, a.brokerName, a.status])).toEqual([
      ['C00002', '李俊傑', 'active'],
      ['C00001', '張淑芬', 'active'],
      ['C00003', '王怡君', 'ended'],
    ])
    expect((await t.call('GET', '/api/broker-records/firms/12345675', { as: clerk })).status).toBe(404)
    expect((await t.call('GET', '/api/broker-records/firms/12345678', { as: clerk, headers: { 'accept-language': 'en' } })).json.error.fieldErrors).toEqual({ ubn: 'The UBN check digit is wrong' })
  })
})

describe('brokers', () => {
  it('lists brokers with the ID number masked, searchable by code, name or a whole ID number', async () => {
    const list = await t.call('GET', '/api/broker-records/brokers?q=A', { as: clerk })
    expect(codes(list)).toEqual(['A00001', 'A00002', 'A00003'])
    expect(list.json.items[0]).toMatchObject({ code: 'A00001', name: '王建民', nationalIdMasked: 'A11****394', currentFirms: [{ ubn: '52111891', name: '基隆港通報關股份有限公司' }] })
    expect(list.text).not.toContain('A115881394')
    expect(list.json.items[0]).not.toHaveProperty('nationalId')
    expect(codes(await t.call('GET', '/api/broker-records/brokers?q=a115881394', { as: clerk }))).toEqual(['A00001'])
    expect(codes(await t.call('GET', '/api/broker-records/brokers?q=A1158', { as: clerk }))).toEqual([])
    expect(codes(await t.call('GET', `/api/broker-records/brokers?q=${encodeURIComponent('怡君')}`, { as: clerk }))).toEqual(['C00003'])
  })

  it('filters by qualification and office letter, and pages by keyset', async () => {
    expect(codes(await t.call('GET', '/api/broker-records/brokers?qualificationStatus=disqualified', { as: clerk }))).toEqual(['C00003'])
    expect(codes(await t.call('GET', '/api/broker-records/brokers?officeLetter=B', { as: clerk }))).toEqual(['B00051', 'B00052', 'B00053'])
    const pages = await walk('/api/broker-records/brokers?sort=qualifiedOn&order=desc&limit=4', 'code')
    expect(pages.map((p) => p.length)).toEqual([4, 4, 3])
    expect(pages.flat()[0]).toBe('B00053')
  })

  it('shows one broker with the ID in full and the appointment timeline', async () => {
    const res = await t.call('GET', '/api/broker-records/brokers/C00002', { as: clerk })
    expect(res.json).toMatchObject({ code: 'C00002', nationalId: 'B145568154', qualificationStatus: 'qualified' })
    expect(res.json.appointments.map((a: { firmUbn: string; fromDate: string; toDate: string | null; status: string }) => [a.firmUbn, a.fromDate, a.toDate, a.status])).toEqual([
      ['61611290', '2020-01-02', null, 'active'],
      ['77457884', '2013-07-01', '2019-12-31', 'ended'],
    ])
    expect(res.json.appointments[0].firmName).toBe('北辰報關股份有限公司')
    expect((await t.call('GET', '/api/broker-records/brokers/A99999', { as: clerk })).status).toBe(404)
    expect((await t.call('GET', '/api/broker-records/brokers/E00001', { as: clerk })).status).toBe(400)
  })
})

describe('appointments', () => {
  it('lists appointments newest first, filtered by status, firm, broker and office', async () => {
    const ended = await t.call('GET', '/api/broker-records/appointments?status=ended', { as: clerk })
    expect(ended.json.items.map((a: { brokerCode: string; firmUbn: string }) => `${a.brokerCode}@${a.firmUbn}`)).toEqual(['C00002@77457884', 'C00003@61611290'])
    const keelung = await t.call('GET', '/api/broker-records/appointments?officeCode=AA', { as: clerk })
    expect(keelung.json.items.map((a: { fromDate: string }) => a.fromDate)).toEqual(['2015-02-01', '2013-07-01', '2012-01-02', '2008-03-14'])
    expect((await t.call('GET', '/api/broker-records/appointments?firmUbn=82656552&brokerCode=B00052', { as: clerk })).json.items).toHaveLength(1)
    expect((await t.call('GET', `/api/broker-records/appointments?q=${encodeURIComponent('北辰')}`, { as: clerk })).json.items).toHaveLength(3)
    const pages = await walk('/api/broker-records/appointments?order=asc&limit=4', 'id')
    expect(pages.map((p) => p.length)).toEqual([4, 4, 2])
    expect(new Set(pages.flat()).size).toBe(10)
  })
})

describe('access', () => {
  it('lets every staff role read every office, and nobody unsigned', async () => {
    for (const username of ['clerk.taipei', 'supervisor.keelung', 'helpdesk', 'auditor', 'admin']) {
      const s = await t.login(username)
      expect((await t.call('GET', '/api/broker-records/firms?officeCode=BA', { as: s })).json.items, username).toHaveLength(2)
      expect((await t.call('GET', '/api/broker-records/brokers/A00001', { as: s })).status, username).toBe(200)
    }
    expect((await t.call('GET', '/api/broker-records/firms')).status).toBe(401)
    expect((await t.call('GET', '/api/broker-records/appointments')).status).toBe(401)
  })
})

describe('record lookups for the applications module', () => {
  it('finds a firm with its licences, a broker with active appointments, and an active appointment', () => {
    expect(findFirmRecord(t.db, '９４２０４７８２')).toMatchObject({ ubn: '94204782', licences: [{ businessType: 'customs-broker', status: 'suspended' }, { businessType: 'forwarder' }] })
    expect(findFirmRecord(t.db, '12345675')).toBeNull()
    const broker = findBrokerRecord(t.db, 'c00002')
    expect(broker).toMatchObject({ code: 'C00002', nationalId: 'B145568154' })
    expect(broker!.activeAppointments.map((a) => a.firmUbn)).toEqual(['61611290'])
    expect(findBrokerRecord(t.db, 'C00003')!.activeAppointments).toEqual([])
    expect(findBrokerRecord(t.db, 'D99999')).toBeNull()
    expect(findActiveAppointment(t.db, 'C00002', '61611290')).toMatchObject({ brokerName: '李俊傑', fromDate: '2020-01-02', status: 'active' })
    expect(findActiveAppointment(t.db, 'C00002', '77457884')).toBeNull()
    expect(findActiveAppointment(t.db, 'D00002', '90344890')).toBeNull()
  })
})
