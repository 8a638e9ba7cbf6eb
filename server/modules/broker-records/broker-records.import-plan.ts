import type { ImportKind } from '../../../core/contracts/broker-records'
import { officeNames, type OfficeCode } from '../../../core/contracts/offices'
import type { LocalizedText } from '../../../core/i18n'
import type { Db } from '../../../db/client'
import { clearBoxes, firmsByUbn, firmsHoldingBoxes, licencesByUbn, upsertFirm, upsertLicence } from './broker-records.import-repo'
import type { RowIssue, RowsOf } from './broker-records.import-rows'

export interface PlanContext {
  /** the actor's office, or null for headquarters: an office imports only its own records */
  scope: string | null
  /** today in Taipei, YYYY-MM-DD */
  today: string
  now: string
}

/** What an import would do: the problems that stop it, or the counts and the writes that carry it out. */
export interface ImportPlan {
  issues: RowIssue[]
  inserted: number
  updated: number
  unchanged: number
  apply: (tx: Db) => void
}

export type Rows<K extends ImportKind> = { line: number; row: RowsOf[K] }[]

const office = (code: string) => officeNames[code as OfficeCode] ?? { 'zh-TW': code, en: code }
const say = (zh: string, en: string): LocalizedText => ({ 'zh-TW': zh, en })
export const msg = {
  sameKey: (line: number) => say(`與第 ${line} 列重複`, `Repeats line ${line}`),
  outOfScope: (of: string, scope: string) =>
    say(`此列屬於${office(of)['zh-TW']}，您只能匯入${office(scope)['zh-TW']}的資料`, `This row belongs to ${office(of).en}; you may import only ${office(scope).en} records`),
  noFirm: say('記錄中沒有此統一編號的業者（請先匯入業者 firms）', 'No firm with this UBN in the records (import it with firms first)'),
  noBroker: say('記錄中沒有此專責報關人員（請先匯入 brokers）', 'No broker with this code in the records (import it with brokers first)'),
  boxTaken: (ubn: string, of: string) => say(`此箱號在${office(of)['zh-TW']}已由業者 ${ubn} 使用`, `${office(of).en} has given this box number to firm ${ubn}`),
  boxInFile: (line: number) => say(`此箱號在同一關別與第 ${line} 列相同`, `Line ${line} has the same box number in the same office`),
  idTaken: (code: string) => say(`此身分證號已屬於專責報關人員 ${code}`, `This ID number belongs to broker ${code}`),
  future: say('不可晚於今天', 'Must not be after today'),
  disqualifiedActive: say('此人員已喪失資格，委任須填終止日 to_date', 'The broker is disqualified: the appointment needs a to_date'),
  secondActive: (where: string[]) =>
    say(`同一人員同時只能有一筆有效委任，另有：${where.join('、')}；轉任須先終止原委任`, `A broker has one active appointment at a time; another: ${where.join(', ')}. End it first`),
}

/** Flags a repeated key, keeping the first line that used it; true when the row is the first. */
export function firstOf(seen: Map<string, number>, key: string, line: number, column: string, issues: RowIssue[]): boolean {
  const first = seen.get(key)
  if (first !== undefined) {
    issues.push({ line, column, message: msg.sameKey(first) })
    return false
  }
  seen.set(key, line)
  return true
}

export function outOfScope(ctx: PlanContext, of: string | undefined): boolean {
  return ctx.scope !== null && of !== undefined && of !== ctx.scope
}

export function planFirms(db: Db, rows: Rows<'firms'>, ctx: PlanContext): ImportPlan {
  const issues: RowIssue[] = []
  const existing = firmsByUbn(db, rows.map((r) => r.row.ubn))
  const inFile = new Set(rows.map((r) => r.row.ubn))
  const boxHolders = new Map<string, { ubn: string; line?: number }>()
  for (const f of firmsHoldingBoxes(db, rows.flatMap((r) => (r.row.box_no ? [r.row.box_no] : [])))) {
    if (!inFile.has(f.ubn)) boxHolders.set(`${f.officeCode}|${f.boxNo}`, { ubn: f.ubn })
  }
  const seen = new Map<string, number>()
  const writes: (typeof rows)[number]['row'][] = []
  const boxesMoving: string[] = []
  let inserted = 0
  let updated = 0
  let unchanged = 0
  for (const { line, row } of rows) {
    if (!firstOf(seen, row.ubn, line, 'ubn', issues)) continue
    const before = existing.get(row.ubn)
    if (outOfScope(ctx, row.office_code)) issues.push({ line, column: 'office_code', message: msg.outOfScope(row.office_code, ctx.scope!) })
    else if (outOfScope(ctx, before?.officeCode)) issues.push({ line, column: 'ubn', message: msg.outOfScope(before!.officeCode, ctx.scope!) })
    if (row.box_no) {
      const key = `${row.office_code}|${row.box_no}`
      const holder = boxHolders.get(key)
      if (holder) issues.push({ line, column: 'box_no', message: holder.line ? msg.boxInFile(holder.line) : msg.boxTaken(holder.ubn, row.office_code) })
      else boxHolders.set(key, { ubn: row.ubn, line })
    }
    const same =
      before &&
      before.name === row.name &&
      before.representative === row.representative &&
      before.address === row.address &&
      before.phone === row.phone &&
      before.officeCode === row.office_code &&
      before.boxNo === row.box_no
    if (same) unchanged++
    else {
      if (before) updated++
      else inserted++
      if (before && before.boxNo !== row.box_no) boxesMoving.push(row.ubn)
      writes.push(row)
    }
  }
  return {
    issues,
    inserted,
    updated,
    unchanged,
    apply: (tx) => {
      clearBoxes(tx, boxesMoving)
      for (const r of writes) {
        upsertFirm(tx, { ubn: r.ubn, name: r.name, representative: r.representative, address: r.address, phone: r.phone, officeCode: r.office_code, boxNo: r.box_no, updatedAt: ctx.now })
      }
    },
  }
}

export function planLicences(db: Db, rows: Rows<'licences'>, ctx: PlanContext): ImportPlan {
  const issues: RowIssue[] = []
  const ubns = rows.map((r) => r.row.ubn)
  const firms = firmsByUbn(db, ubns)
  const existing = new Map(licencesByUbn(db, ubns).map((l) => [`${l.ubn}|${l.businessType}`, l]))
  const seen = new Map<string, number>()
  const writes: (typeof rows)[number]['row'][] = []
  let inserted = 0
  let updated = 0
  let unchanged = 0
  for (const { line, row } of rows) {
    const key = `${row.ubn}|${row.business_type}`
    if (!firstOf(seen, key, line, 'business_type', issues)) continue
    const firm = firms.get(row.ubn)
    if (!firm) issues.push({ line, column: 'ubn', message: msg.noFirm })
    else if (outOfScope(ctx, firm.officeCode)) issues.push({ line, column: 'ubn', message: msg.outOfScope(firm.officeCode, ctx.scope!) })
    const before = existing.get(key)
    if (before && before.status === row.status && before.licensedOn === row.licensed_on && before.expiresOn === row.expires_on) unchanged++
    else {
      if (before) updated++
      else inserted++
      writes.push(row)
    }
  }
  return {
    issues,
    inserted,
    updated,
    unchanged,
    apply: (tx) => {
      for (const r of writes) upsertLicence(tx, { ubn: r.ubn, businessType: r.business_type, status: r.status, licensedOn: r.licensed_on, expiresOn: r.expires_on })
    },
  }
}
