import Database from 'better-sqlite3'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import { needsFee } from '../../core/workflow/application'
import * as schema from '../../db/schema'
import { verifyAuditChain } from '../modules/audit/audit.service'

/** The audit action that records each kind of history line of an application. */
const auditOfEvent: Record<string, string> = {
  created: 'application.draft_created',
  submitted: 'application.submitted',
  received: 'application.received_online',
  approved: 'application.approved',
  rejected: 'application.rejected',
  paid: 'application.paid',
  expired: 'application.expired',
  issued: 'application.certificate_issued',
  attached: 'application.attachment_added',
  prepared: 'application.prepared',
  contactChanged: 'application.contact_changed',
}
const STATUSES = new Set(['draft', '00', 'R0', '10', '20', 'A0', 'A9'])

/** Opens a database file read-only, as `npm run audit:verify` would read a copy (no migrations, no writes). */
export function openReadOnly(file: string): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true })
}

export function integrityOf(sqlite: Database.Database): string {
  return (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ')
}

/** The verifier `npm run audit:verify` uses, on any connection. */
export function auditChainOf(sqlite: Database.Database) {
  return verifyAuditChain({ db: drizzle(sqlite, { schema }) })
}

interface AppRow { id: number; applicationNo: string; status: string; service: string }
interface SlipRow { id: number; slipNo: string; applicationId: number; status: string }

/**
 * What must hold in any committed state (docs/domain.md): every status one of the codes; a fee slip exactly
 * when the status needs one and in the matching state; one payment per paid slip; the status equal to the last
 * status-changing history line; one audit row per history line, per issued slip and per payment. Returns the
 * problems found, empty when all holds.
 */
export function workflowProblems(sqlite: Database.Database): string[] {
  const problems: string[] = []
  const apps = sqlite.prepare('select id, application_no applicationNo, status, service from applications').all() as AppRow[]
  const slips = sqlite.prepare('select id, slip_no slipNo, application_id applicationId, status from fee_slips').all() as SlipRow[]
  const paymentsBySlip = new Map<number, number>()
  for (const p of sqlite.prepare('select fee_slip_id id, count(*) n from payments group by fee_slip_id').all() as { id: number; n: number }[]) paymentsBySlip.set(p.id, p.n)
  const slipsByApp = new Map<number, SlipRow[]>()
  for (const s of slips) slipsByApp.set(s.applicationId, [...(slipsByApp.get(s.applicationId) ?? []), s])
  const auditCount = new Map<string, number>()
  for (const r of sqlite.prepare("select action, entity_id entityId, count(*) n from audit_log where entity in ('application', 'fee_slip') group by action, entity_id").all() as { action: string; entityId: string; n: number }[]) {
    auditCount.set(`${r.action} ${r.entityId}`, r.n)
  }
  const eventsOf = sqlite.prepare('select action, to_status toStatus from application_events where application_id = ? order by id')

  for (const app of apps) {
    const where = `${app.applicationNo} (${app.status})`
    if (!STATUSES.has(app.status)) problems.push(`${where}: unknown status`)
    const own = slipsByApp.get(app.id) ?? []
    const slipStates = own.map((s) => s.status).join(',')
    const expected: Record<string, string> = { draft: '', '00': '', R0: '', '10': 'unpaid', '20': 'paid', A9: 'void', A0: needsFee(app.service) ? 'paid' : '' }
    if (slipStates !== expected[app.status]) problems.push(`${where}: fee slips [${slipStates}], expected [${expected[app.status]}]`)
    for (const s of own) {
      const paid = paymentsBySlip.get(s.id) ?? 0
      if (paid !== (s.status === 'paid' ? 1 : 0)) problems.push(`${where}: slip ${s.slipNo} ${s.status} has ${paid} payments`)
      if ((auditCount.get(`fee_slip.issued ${s.slipNo}`) ?? 0) !== 1) problems.push(`${where}: slip ${s.slipNo} has ${auditCount.get(`fee_slip.issued ${s.slipNo}`) ?? 0} fee_slip.issued audit rows`)
      if ((auditCount.get(`payment.recorded ${s.slipNo}`) ?? 0) !== paid) problems.push(`${where}: slip ${s.slipNo} has ${paid} payments but ${auditCount.get(`payment.recorded ${s.slipNo}`) ?? 0} payment.recorded audit rows`)
    }
    const events = eventsOf.all(app.id) as { action: string; toStatus: string | null }[]
    const lastStatus = events.filter((e) => e.toStatus).at(-1)?.toStatus
    if (lastStatus !== app.status) problems.push(`${where}: the last history line leads to ${lastStatus}`)
    const perAction = new Map<string, number>()
    for (const e of events) perAction.set(e.action, (perAction.get(e.action) ?? 0) + 1)
    for (const action of perAction.keys()) if (!auditOfEvent[action]) problems.push(`${where}: unexpected history line '${action}'`)
    for (const [action, audit] of Object.entries(auditOfEvent)) {
      const lines = perAction.get(action) ?? 0
      const rows = auditCount.get(`${audit} ${app.applicationNo}`) ?? 0
      if (lines !== rows) problems.push(`${where}: ${lines} '${action}' history lines but ${rows} ${audit} audit rows`)
    }
  }
  return problems
}
