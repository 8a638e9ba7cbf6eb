import { expect } from 'vitest'
import type { createTestApp, Session } from '../../lib/testing'
import { paperForm } from '../applications/applications.fixtures'

type TestApp = Awaited<ReturnType<typeof createTestApp>>

/**
 * Paper forms that pass every record check and are not duplicates of each other (one firm, kind and broker
 * each), so several can be open and approved at once (tests only).
 */
export const forms = {
  keelungA00001: paperForm,
  keelungA00002: { ...paperForm, brokerCode: 'A00002', brokerNationalId: 'A298698799' },
  keelungCorporate: { ...paperForm, ubn: '77457884', companyName: '和平島海運報關有限公司', phone: '02-24628899', representative: '鄭麗華', boxNo: 'K07', kind: 'corporate', brokerCode: '', brokerNationalId: '' },
  keelungA00003: { ...paperForm, ubn: '77457884', companyName: '和平島海運報關有限公司', phone: '02-24628899', representative: '鄭麗華', boxNo: 'K07', brokerCode: 'A00003', brokerNationalId: 'F173091144' },
  taipeiCorporate: { ...paperForm, ubn: '61611290', companyName: '北辰報關股份有限公司', phone: '03-3983456', representative: '謝明德', officeCode: 'CA', boxNo: 'T12', kind: 'corporate', brokerCode: '', brokerNationalId: '' },
} satisfies Record<string, Record<string, unknown>>

export interface Submitted {
  id: number
  version: number
}

/** Keyed and submitted now (status 00): received at the test clock's time. */
export async function submitted(t: TestApp, clerk: Session, form: Record<string, unknown>): Promise<Submitted> {
  const draft = await t.call('POST', '/api/applications', { as: clerk, body: form })
  expect(draft.status).toBe(201)
  const res = await t.call('POST', `/api/applications/${draft.json.id}/submit`, { as: clerk, body: { version: draft.json.version } })
  expect(res.status).toBe(200)
  return { id: res.json.id, version: res.json.version }
}

/** Decided now by a supervisor of its office: approved (10, fee slip issued) or rejected (R0). */
export async function decided(t: TestApp, supervisor: Session, app: Submitted, decision: 'approve' | 'reject') {
  const body = decision === 'approve' ? { decision, version: app.version } : { decision, reasonCode: 'documents-incomplete', version: app.version }
  const res = await t.call('POST', `/api/applications/${app.id}/decide`, { as: supervisor, body })
  expect(res.status, JSON.stringify(res.json)).toBe(200)
  return res.json as { id: number; status: string; feeSlip: { slipNo: string; issuedOn: string; dueOn: string } | null }
}
