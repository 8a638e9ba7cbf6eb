import { expect } from 'vitest'
import type { Session } from '../../lib/testing'
import { count, issueCustoms, registrationsWorld, type TestApp, WANG } from '../registrations/registrations.fixtures'

export { count, issueCustoms, TSAI, WANG } from '../registrations/registrations.fixtures'

/** Every table a reassignment may write, as rows: equal before and after a refused call means nothing was written. */
export function snapshot(t: TestApp) {
  const all = (table: string, order = 'id') => t.sqlite.prepare(`select * from ${table} order by ${order}`).all()
  return {
    appointments: all('appointments'),
    brokers: all('brokers', 'code'),
    registrations: t.sqlite.prepare('select id, status, certificate_status, deleted_at, deleted_by, deleted_reason from registrations order by id').all(),
    certificates: t.sqlite.prepare('select serial_hex, status, revocation_reason from certificates order by id').all(),
    caRevocations: t.sqlite.prepare('select serial_hex, revoked_at, revocation_reason from ca_issued order by serial_hex').all(),
    reassignments: all('reassignments'),
    audit: count(t, 'audit_log'),
    mail: count(t, 'mail_outbox'),
  }
}

/**
 * The portal world of the registrations tests, plus the office: 52111891 has registered its broker 王建民's
 * (A00001) certificate and a corporate certificate of its own; the Keelung clerk and supervisor are signed in.
 */
export async function reassignmentsWorld() {
  const w = await registrationsWorld()
  const register = async (body: object, as: Session) => {
    const res = await w.t.call('POST', '/api/portal/registrations', { as, body })
    expect(res.status, res.text).toBe(201)
    return res.json.id as number
  }
  const wang = await issueCustoms(w.t, { ubn: '52111891', brokerCode: 'A00001' })
  const wangRegistration = await register({ useType: 'broker', form: 'file', certificate: wang.cer, ...WANG }, w.as.keelung)
  const corporate = await issueCustoms(w.t, { ubn: '52111891' })
  const corporateRegistration = await register({ useType: 'customs-broker', form: 'file', certificate: corporate.cer }, w.as.keelung)
  const office = { clerk: await w.t.login('clerk.keelung'), supervisor: await w.t.login('supervisor.keelung') }
  const call = (method: string, path: string, as: Session, body?: object, lang = 'zh-TW') => w.t.call(method, `/api/reassignments${path}`, { as, body, headers: { 'accept-language': lang } })
  return { ...w, office, register, call, wang, wangRegistration, corporate, corporateRegistration }
}
export type World = Awaited<ReturnType<typeof reassignmentsWorld>>

export const DOCUMENTS = { form: true, examCertificate: true, brokerCard: true }
/** Yesterday in Taipei for the test clock (2026-11-20 10:00 Taipei). */
export const YESTERDAY = '2026-11-19'
export const TODAY = '2026-11-20'

/** Gives a demo staff account another role (a desk that both keys and approves, or a second supervisor). */
export function grantRole(t: TestApp, username: string, role: string): void {
  t.sqlite.prepare('insert into staff_roles (staff_id, role) select id, ? from staff where username = ?').run(role, username)
}

/** Makes every insert into reassignments fail, as a full disk would, in the grammar of the test's database. */
export function failReassignmentInserts(t: TestApp) {
  t.sqlite.exec(
    t.dialect === 'postgres'
      ? `create function fail_insert() returns trigger language plpgsql as $$ begin raise exception 'disk full'; end $$;
         create trigger fail_reassignment before insert on reassignments for each row execute function fail_insert()`
      : "create temp trigger fail_reassignment before insert on reassignments begin select raise(abort, 'disk full'); end",
  )
}
