import { expect } from 'vitest'
import { signDocument, type Card } from '../../../core/pki'
import { canonicalBytes } from '../../../core/workflow/canonical-json'
import { createTestApp } from '../../lib/testing'
import { approvedApplication } from '../payments/payments.fixtures'
import { openDemoCards, portalCardLogin, registerCompany, registerPerson, DEMO_PEOPLE, type DemoCardName } from '../portal-accounts/portal.fixtures'
import { paperForm } from './applications.fixtures'

type TestApp = Awaited<ReturnType<typeof createTestApp>>

/**
 * A test app with staff signed in and three portal accounts (tests only): the demo firm 52111891, the Kaohsiung
 * firm 82656552, and a person, each signed in with its own card.
 */
export async function portalWorld() {
  const t = await createTestApp({}, { ca: true })
  const cards: Record<DemoCardName, Card> = await openDemoCards(t)
  expect((await registerCompany(t, cards['company-52111891'], '52111891')).status).toBe(201)
  expect((await registerCompany(t, cards['company-82656552'], '82656552')).status).toBe(201)
  expect((await registerPerson(t, cards['citizen-1'], DEMO_PEOPLE['citizen-1'])).status).toBe(201)
  return {
    t,
    cards,
    clerk: await t.login('clerk.keelung'),
    supervisor: await t.login('supervisor.keelung'),
    company: await portalCardLogin(t, cards['company-52111891']),
    other: await portalCardLogin(t, cards['company-82656552']),
    person: await portalCardLogin(t, cards['citizen-1']),
  }
}
export type PortalWorld = Awaited<ReturnType<typeof portalWorld>>

/** The online DC02 of 52111891 as the portal form sends it: a corporate certificate, no broker. */
export const onlineForm = (t: TestApp, overrides: Record<string, unknown> = {}) => ({
  ...paperForm, kind: 'corporate', brokerCode: null, brokerNationalId: null, targetSerial: null, signedAt: t.now().toISOString(), ...overrides,
})

/** What the browser posts: the document and the card's signature over its canonical JSON. */
export async function signedBody(doc: Record<string, unknown>, card: Card) {
  return { application: doc, ...(await signDocument(card, canonicalBytes(doc))) }
}

/** A paper application of 52111891 keyed, approved and paid (status 20), with its fee slip. */
export async function paidApplication(w: PortalWorld, form: Record<string, unknown> = paperForm) {
  const app = await approvedApplication(w.t, w.clerk, w.supervisor, form)
  const paid = await w.t.call('POST', '/api/payments', { as: w.clerk, body: { slipNo: app.feeSlip.slipNo, amount: 2000, paidOn: '2026-11-20', channel: 'counter' } })
  expect(paid.status).toBe(201)
  return app
}
