import { expect } from 'vitest'
import type { createTestApp, Session } from '../../lib/testing'
import { paperForm } from '../applications/applications.fixtures'

type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** A paper application keyed, submitted and approved (tests only): status 10 with its unpaid fee slip. */
export async function approvedApplication(t: TestApp, clerk: Session, supervisor: Session, form: Record<string, unknown> = paperForm) {
  const draft = await t.call('POST', '/api/applications', { as: clerk, body: form })
  expect(draft.status).toBe(201)
  const submitted = await t.call('POST', `/api/applications/${draft.json.id}/submit`, { as: clerk, body: { version: draft.json.version } })
  expect(submitted.status).toBe(200)
  const decided = await t.call('POST', `/api/applications/${draft.json.id}/decide`, { as: supervisor, body: { decision: 'approve', version: submitted.json.version } })
  expect(decided.json.status).toBe('10')
  return decided.json as { id: number; applicationNo: string; feeSlip: { slipNo: string; amount: number; issuedOn: string; dueOn: string } }
}
