import { parseBrokerCode } from '../../../core/tw'
import type { Db } from '../../../db/client'
import {
  appointmentsOfBrokers,
  brokersByCode,
  brokersByPersonId,
  firmsByUbn,
  insertAppointment,
  parkPersonIds,
  updateAppointment,
  upsertBroker,
} from './broker-records.import-repo'
import { firstOf, msg, outOfScope, type ImportPlan, type PlanContext, type Rows } from './broker-records.import-plan'
import type { RowIssue } from './broker-records.import-rows'

export function planBrokers(db: Db, rows: Rows<'brokers'>, ctx: PlanContext): ImportPlan {
  const issues: RowIssue[] = []
  const existing = brokersByCode(db, rows.map((r) => r.row.code))
  const idOwners = brokersByPersonId(db, rows.map((r) => r.row.national_id))
  const inFile = new Set(rows.map((r) => r.row.code))
  const seenCodes = new Map<string, number>()
  const seenIds = new Map<string, number>()
  const writes: (typeof rows)[number]['row'][] = []
  const idsMoving: string[] = []
  let inserted = 0
  let updated = 0
  let unchanged = 0
  for (const { line, row } of rows) {
    if (!firstOf(seenCodes, row.code, line, 'code', issues)) continue
    firstOf(seenIds, row.national_id, line, 'national_id', issues)
    // a broker named in the file ends up with the file's number, so only the others keep theirs
    const owner = idOwners.get(row.national_id)
    if (owner && owner !== row.code && !inFile.has(owner)) issues.push({ line, column: 'national_id', message: msg.idTaken(owner) })
    const office = parseBrokerCode(row.code)?.officeCode
    if (outOfScope(ctx, office)) issues.push({ line, column: 'code', message: msg.outOfScope(office!, ctx.scope!) })
    if (row.disqualified_on && row.disqualified_on > ctx.today) issues.push({ line, column: 'disqualified_on', message: msg.future })
    const before = existing.get(row.code)
    const same =
      before &&
      before.nationalId === row.national_id &&
      before.name === row.name &&
      before.qualificationStatus === row.qualification_status &&
      before.qualifiedOn === row.qualified_on &&
      before.disqualifiedOn === row.disqualified_on
    if (same) unchanged++
    else {
      if (before) updated++
      else inserted++
      if (before && before.nationalId !== row.national_id) idsMoving.push(row.code)
      writes.push(row)
    }
  }
  return {
    issues,
    inserted,
    updated,
    unchanged,
    apply: (tx) => {
      parkPersonIds(tx, idsMoving)
      for (const r of writes) {
        upsertBroker(tx, { code: r.code, nationalId: r.national_id, name: r.name, qualificationStatus: r.qualification_status, qualifiedOn: r.qualified_on, disqualifiedOn: r.disqualified_on })
      }
    },
  }
}

/**
 * An appointment's key is broker + firm + from_date; re-importing it with a to_date ends it. Its status
 * follows from to_date, so dates after today are refused: an "active" row must mean active now. A broker has
 * at most one active appointment (專責: dedicated to one firm), and a disqualified broker none.
 */
export function planAppointments(db: Db, rows: Rows<'appointments'>, ctx: PlanContext): ImportPlan {
  const issues: RowIssue[] = []
  const codes = rows.map((r) => r.row.broker_code)
  const brokers = brokersByCode(db, codes)
  const firms = firmsByUbn(db, rows.map((r) => r.row.firm_ubn))
  const keyOf = (code: string, ubn: string, from: string) => `${code}|${ubn}|${from}`
  const existing = new Map(appointmentsOfBrokers(db, codes).map((a) => [keyOf(a.brokerCode, a.firmUbn, a.fromDate), a]))
  const fileKeys = new Set(rows.map(({ row }) => keyOf(row.broker_code, row.firm_ubn, row.from_date)))

  // who will be active once the file is applied: the database's active rows the file does not touch, then the file's
  const active = new Map<string, { where: string; line?: number }[]>()
  const addActive = (code: string, entry: { where: string; line?: number }) => active.set(code, [...(active.get(code) ?? []), entry])
  for (const [key, a] of existing) if (a.status === 'active' && !fileKeys.has(key)) addActive(a.brokerCode, { where: `${a.firmUbn} (${a.fromDate})` })

  const seen = new Map<string, number>()
  const checked: (typeof rows)[number][] = []
  for (const entry of rows) {
    const { line, row } = entry
    if (!firstOf(seen, keyOf(row.broker_code, row.firm_ubn, row.from_date), line, 'from_date', issues)) continue
    const broker = brokers.get(row.broker_code)
    const firm = firms.get(row.firm_ubn)
    if (!broker) issues.push({ line, column: 'broker_code', message: msg.noBroker })
    if (!firm) issues.push({ line, column: 'firm_ubn', message: msg.noFirm })
    else if (outOfScope(ctx, firm.officeCode)) issues.push({ line, column: 'firm_ubn', message: msg.outOfScope(firm.officeCode, ctx.scope!) })
    if (row.from_date > ctx.today) issues.push({ line, column: 'from_date', message: msg.future })
    if (row.to_date && row.to_date > ctx.today) issues.push({ line, column: 'to_date', message: msg.future })
    if (!row.to_date && broker?.qualificationStatus === 'disqualified') issues.push({ line, column: 'to_date', message: msg.disqualifiedActive })
    if (!row.to_date) addActive(row.broker_code, { where: `${row.firm_ubn} (${row.from_date})`, line })
    checked.push(entry)
  }
  for (const entries of active.values()) {
    if (entries.length < 2) continue
    for (const e of entries) {
      if (e.line === undefined) continue
      const others = entries.filter((o) => o !== e).map((o) => (o.line ? `#${o.line} ${o.where}` : o.where))
      issues.push({ line: e.line, column: 'to_date', message: msg.secondActive(others) })
    }
  }

  let inserted = 0
  let updated = 0
  let unchanged = 0
  const writes: ((tx: Db) => void)[] = []
  for (const { row } of checked) {
    const before = existing.get(keyOf(row.broker_code, row.firm_ubn, row.from_date))
    const status = row.to_date ? 'ended' : 'active'
    if (before && before.toDate === row.to_date && before.status === status) unchanged++
    else if (before) {
      updated++
      writes.push((tx) => updateAppointment(tx, before.id, { toDate: row.to_date, status }))
    } else {
      inserted++
      writes.push((tx) => insertAppointment(tx, { brokerCode: row.broker_code, firmUbn: row.firm_ubn, fromDate: row.from_date, toDate: row.to_date, status }))
    }
  }
  return { issues, inserted, updated, unchanged, apply: (tx) => writes.forEach((write) => write(tx)) }
}
