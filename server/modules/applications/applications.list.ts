import { and, asc, desc, eq, gte, lt, lte, ne, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import { union } from 'drizzle-orm/sqlite-core'
import type { Db } from '../../../db/client'
import { applicationNames, applications } from '../../../db/schema'
import type { ListTotal } from '../../../core/contracts/paging'
import { boundedCount, boundedCountQuery, keysetAfter, manyRows, toTotal, type Keyset } from '../../lib/paging'
import { preparedOnce, shapeOf } from '../../lib/prepared'
import { containsPattern } from '../../lib/sql'
import type { ApplicationRow } from './applications.repo'

/**
 * The queue's query (decision 0016). Its default order is `received_at`, a virtual column: `submitted_at`, or
 * for a draft (not received yet) `created_at`. The indexes on it (schema `applications_*_received_idx`) lead
 * with each equality filter that selects few rows (office, status, both, service, UBN, broker), so each
 * filter's page is a range of one index, read in order.
 */
const receivedKey = applications.receivedAt

/** A row's received key, as the cursor carries it. */
export const receivedKeyOf = (row: Pick<ApplicationRow, 'submittedAt' | 'createdAt'>): string => row.submittedAt ?? row.createdAt

export interface ApplicationFilter {
  scope: string | null
  /** the portal: one company's applications only */
  ubn?: string
  q?: string
  officeCode?: string
  status?: string
  channel?: string
  service?: string
  kind?: string
  submittedFrom?: string
  submittedBefore?: string
  /** per office, the latest submission time of a waiting application that is past that office's service level */
  overdueBefore?: Record<string, string>
  sort: 'submittedAt' | 'applicationNo'
  order: 'asc' | 'desc'
  after?: Keyset
  /** the search matches SORT_LIMIT rows or more, when already known (the first page's count): else counted here */
  manyMatches?: boolean
  limit: number
}
type ListFilter = Omit<ApplicationFilter, 'limit'>

/** More firms than this matching a name search make it broad: the list then walks its order instead. */
const MAX_NAME_ARMS = 32

/** `col = value`, or with `demoted` `+col = value`: the unary plus keeps SQLite from choosing that column's index. */
const equals = (col: SQLWrapper, value: string, demoted: boolean) => (demoted ? sql`+${col} = ${value}` : sql`${col} = ${value}`)

/**
 * The filters other than the search box. `demoted` leaves their indexes unused, for a query whose index is
 * chosen by another condition (the UBN, a search arm, the number order).
 */
function filters(f: ListFilter, demoted: boolean): SQL[] {
  const where: SQL[] = []
  const byNumber = f.sort === 'applicationNo'
  for (const office of new Set([f.scope, f.officeCode].filter((o): o is string => !!o))) {
    where.push(equals(applications.officeCode, office, demoted || byNumber))
    // An application number begins with its office code: the number order reads that office's range only.
    // After a cursor the keyset bounds one side already; two bounds on one side would leave SQLite to seek the
    // looser one and skip to the other.
    if (byNumber && !(f.after && f.order === 'asc')) where.push(sql`${applications.applicationNo} >= ${office}`)
    if (byNumber && !(f.after && f.order === 'desc')) where.push(sql`${applications.applicationNo} < ${`${office}~`}`)
  }
  if (f.status) where.push(equals(applications.status, f.status, demoted))
  else where.push(ne(applications.status, 'draft'))
  if (f.channel) where.push(equals(applications.channel, f.channel, true))
  if (f.kind) where.push(equals(applications.kind, f.kind, true))
  if (f.service) where.push(equals(applications.service, f.service, demoted || byNumber))
  if (f.ubn) where.push(eq(applications.ubn, f.ubn))
  // Received applications (every status but draft) always carry submitted_at, so their received_at is it: the
  // period is a range of the indexes. A draft has not been received: no period holds it.
  if (f.status === 'draft' && (f.submittedFrom || f.submittedBefore)) where.push(sql`0`)
  if (f.submittedFrom) where.push(gte(receivedKey, f.submittedFrom))
  if (f.submittedBefore) where.push(lt(receivedKey, f.submittedBefore))
  if (f.overdueBefore) {
    const perOffice = Object.entries(f.overdueBefore).map(([office, before]) => and(eq(applications.officeCode, office), lte(receivedKey, before))!)
    where.push(equals(applications.status, '00', demoted), or(...perOffice)!)
    const latest = Object.values(f.overdueBefore).sort().at(-1)
    if (latest) where.push(lte(receivedKey, latest))
  }
  return where
}

/** What the search box matches: the number, the UBN or the broker code exactly, or part of the company name. */
interface Search {
  upper: string
  text: string
  pattern: string
  /** the firms with a matching company name (application_names), or null when more than MAX_NAME_ARMS match */
  nameUbns: string[] | null
}

/**
 * The firms whose applications carried a company name containing `pattern` (a LIKE pattern), from
 * application_names: null when more than `max` match (a broad search).
 */
export function firmsNamedLike(db: Db, pattern: string, max = MAX_NAME_ARMS): string[] | null {
  // application_names holds each (UBN, company name) pair once: thousands of rows, not a million
  const ubns = db
    .selectDistinct({ ubn: applicationNames.ubn })
    .from(applicationNames)
    .where(sql`${applicationNames.companyName} like ${pattern} escape '\\'`)
    .limit(max + 1)
    .all()
    .map((r) => r.ubn)
  return ubns.length > max ? null : ubns
}

function search(db: Db, q: string): Search {
  const pattern = containsPattern(q)
  return { upper: q.toUpperCase(), text: q, pattern, nameUbns: firmsNamedLike(db, pattern) }
}

const nameLike = (s: Search) => sql`${applications.companyName} like ${s.pattern} escape '\\'`

/** The search as one condition; `demoted` walks the list's order and tests each row instead of using indexes. */
function searchCondition(s: Search, demoted: boolean): SQL {
  const byName = s.nameUbns
    ? s.nameUbns.length > 0 && sql`${applications.ubn} in ${s.nameUbns}`
    : sql`${applications.ubn} in (select ${applicationNames.ubn} from ${applicationNames} where ${applicationNames.companyName} like ${s.pattern} escape '\\')`
  return or(
    equals(applications.applicationNo, s.upper, demoted),
    equals(applications.ubn, s.text, demoted),
    equals(applications.brokerCode, s.upper, demoted),
    byName ? and(demoted ? sql`+${byName}` : byName, nameLike(s)) : undefined,
  )!
}

/** The list's query without its page size: the list takes a page of it, the export iterates all of it. */
export function applicationsQuery(db: Db, f: ListFilter) {
  const dir = f.order === 'asc' ? asc : desc
  const byNumber = f.sort === 'applicationNo'
  const key = byNumber ? applications.applicationNo : receivedKey
  const after = keysetAfter(key, applications.id, f.order, f.after)
  const s = f.q ? search(db, f.q) : undefined
  // One firm's applications (the portal) are read through (ubn, received); the other filters only test rows.
  const base = filters(f, !!f.ubn)
  if (s && s.nameUbns && !byNumber) {
    // Each way the search can match is a range of one index in the list's order; SQLite merges them (MERGE
    // UNION), so a page costs its own rows whatever the search matches.
    const arm = (term: SQL) => db.select().from(applications).where(and(...filters(f, true), term, after))
    const arms = [
      arm(eq(applications.applicationNo, s.upper)),
      arm(eq(applications.ubn, s.text)),
      arm(eq(applications.brokerCode, s.upper)),
      ...s.nameUbns.map((ubn) => arm(and(eq(applications.ubn, ubn), nameLike(s))!)),
    ] as const
    return union(arms[0], arms[1], ...arms.slice(2)).orderBy(dir(receivedKey), dir(applications.id))
  }
  // The number order: the search's index ranges, sorted, unless they hold many rows (a broad name, a big firm):
  // then walking the list's order (the search's terms demoted) finds a page sooner.
  const walk = s ? s.nameUbns === null || (f.manyMatches ?? manyRows(db, countSelect(db, f, s))) : false
  const where = and(...base, s ? searchCondition(s, walk) : undefined, after)
  return db.select().from(applications).where(where).orderBy(dir(key), dir(applications.id))
}

/**
 * Whether a filter's query only passes its values into conditions, so that it is prepared once per shape
 * (lib/prepared.ts). The search box (its pattern, its firms' arms), the overdue cut-offs (the latest of them)
 * and the number order (an office's range of numbers) compute with values: those queries are built per request.
 * The status is structural: one of a few codes, and a draft's period is no rows.
 */
export const preparable = (f: Omit<ListFilter, 'after'>) => !f.q && !f.overdueBefore && f.sort !== 'applicationNo'

/** The filter as its prepared queries take it: the user's office named once (the builder leaves that to a Set). */
export const shapeFilter = <F extends Omit<ListFilter, 'after'>>(f: F) => shapeOf(f.officeCode && f.officeCode === f.scope ? { ...f, officeCode: undefined } : f, ['sort', 'order', 'status'])

/** Keyset paging over (sort key, id): page 1,000 costs what page 1 does. */
export function listApplications(db: Db, f: ApplicationFilter): ApplicationRow[] {
  if (!preparable(f)) return applicationsQuery(db, f).limit(f.limit).all()
  const { filter, key, values } = shapeFilter(f)
  return preparedOnce(db, 'applications.list', key, () => applicationsQuery(db, filter).limit(filter.limit).prepare()).all(values)
}

const countSelect = (db: Db, f: Omit<ListFilter, 'after'>, s: Search | undefined) =>
  db
    .select({ one: sql`1` })
    .from(applications)
    .where(and(...filters({ ...f, sort: 'submittedAt' }, !!f.ubn), s ? searchCondition(s, false) : undefined))

/** The rows the filters select, unordered, for the bounded count. */
export function applicationsCountQuery(db: Db, f: Omit<ListFilter, 'after'>) {
  return countSelect(db, f, f.q ? search(db, f.q) : undefined)
}

/** How many applications the filters select, up to the cap: the first page's total. */
export function countApplications(db: Db, f: Omit<ListFilter, 'after'>): ListTotal {
  // the count reads no order: only the search and the overdue cut-offs keep it from being prepared
  if (!preparable({ ...f, sort: 'submittedAt' })) return boundedCount(db, applicationsCountQuery(db, f))
  const { filter, key, values } = shapeFilter({ ...f, sort: 'submittedAt' as const })
  const query = preparedOnce(db, 'applications.count', key, () => boundedCountQuery(db, applicationsCountQuery(db, filter)).prepare())
  return toTotal(query.get(values)?.n ?? 0)
}
