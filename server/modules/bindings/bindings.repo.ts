import { and, desc, eq, gt, lt, or, sql, type SQL } from 'drizzle-orm'
import type { BindingListQuery, BindingRequestInfo } from '../../../core/contracts/bindings'
import type { Db } from '../../../db/client'
import { bindingRequests, portalAccounts, staff } from '../../../db/schema'
import { boundedCount } from '../../lib/paging'

const columns = {
  id: bindingRequests.id,
  accountRef: bindingRequests.accountRef,
  accountId: portalAccounts.accountId,
  category: portalAccounts.category,
  contactName: portalAccounts.contactName,
  companyName: portalAccounts.companyName,
  idNumber: portalAccounts.idNumber,
  ubn: portalAccounts.ubn,
  email: portalAccounts.email,
  cardKind: bindingRequests.cardKind,
  status: bindingRequests.status,
  formName: bindingRequests.formName,
  formMime: bindingRequests.formMime,
  formSize: bindingRequests.formSize,
  formPath: bindingRequests.formPath,
  codeHash: bindingRequests.codeHash,
  createdAt: bindingRequests.createdAt,
  decidedAt: bindingRequests.decidedAt,
  decidedBy: staff.displayName,
  rejectReason: bindingRequests.rejectReason,
  codeExpiresAt: bindingRequests.codeExpiresAt,
  boundAt: bindingRequests.boundAt,
  version: bindingRequests.version,
}

function select(db: Db) {
  return db.select(columns).from(bindingRequests).innerJoin(portalAccounts, eq(portalAccounts.id, bindingRequests.accountRef)).leftJoin(staff, eq(staff.id, bindingRequests.decidedBy))
}
export type BindingRow = NonNullable<Awaited<ReturnType<ReturnType<typeof select>['get']>>>

export function toBindingInfo(row: BindingRow): BindingRequestInfo {
  const { accountRef: _a, formPath: _f, codeHash: _c, contactName, companyName, idNumber: _i, ...rest } = row
  return { ...rest, name: companyName ?? contactName }
}

export function findBinding(db: Db, id: number): BindingRow | null {
  return select(db).where(eq(bindingRequests.id, id)).get() ?? null
}

/** The request whose mailed code an account may still use: the newest with a code issued. */
export function findIssuedBindingOf(db: Db, accountId: string): BindingRow | null {
  return select(db).where(and(eq(portalAccounts.accountId, accountId), eq(bindingRequests.status, 'code-issued'))).orderBy(desc(bindingRequests.id)).get() ?? null
}

/** A request awaiting review, or one whose code can still be used; an expired code lets the holder file again. */
export function hasOpenBinding(db: Db, accountRef: number, now: Date): boolean {
  const open = or(eq(bindingRequests.status, 'submitted'), and(eq(bindingRequests.status, 'code-issued'), gt(bindingRequests.codeExpiresAt, now.toISOString())))
  return db.select({ id: bindingRequests.id }).from(bindingRequests).where(and(eq(bindingRequests.accountRef, accountRef), open)).get() !== undefined
}

/** Newest first (decision 0016): the rowid, (status, id) or (account_ref), each ending in the id. */
function conditions(query: Pick<BindingListQuery, 'status'> & { accountRef?: number; beforeId?: number }): SQL[] {
  const where: SQL[] = []
  if (query.status) where.push(eq(bindingRequests.status, query.status))
  if (query.accountRef) where.push(eq(bindingRequests.accountRef, query.accountRef))
  if (query.beforeId) where.push(lt(bindingRequests.id, query.beforeId))
  return where
}

export function bindingsQuery(db: Db, query: Pick<BindingListQuery, 'status'> & { accountRef?: number; beforeId?: number }) {
  return select(db).where(and(...conditions(query))).orderBy(desc(bindingRequests.id))
}

export function listBindings(db: Db, query: Pick<BindingListQuery, 'status' | 'limit'> & { accountRef?: number; beforeId?: number }): BindingRequestInfo[] {
  return bindingsQuery(db, query).limit(query.limit).all().map(toBindingInfo)
}

export const bindingsCountQuery = (db: Db, query: Pick<BindingListQuery, 'status'> & { accountRef?: number }) => db.select({ one: sql`1` }).from(bindingRequests).where(and(...conditions(query)))
export const countBindings = (db: Db, query: Pick<BindingListQuery, 'status'> & { accountRef?: number }) => boundedCount(db, bindingsCountQuery(db, query))

export function insertBinding(db: Db, values: typeof bindingRequests.$inferInsert): number {
  return db.insert(bindingRequests).values(values).returning({ id: bindingRequests.id }).get().id
}

/** Changes a request only at the version the caller saw; false when someone else changed it first. */
export function updateBinding(db: Db, id: number, version: number, set: Partial<typeof bindingRequests.$inferInsert>): boolean {
  return db.update(bindingRequests).set({ ...set, version: sql`${bindingRequests.version} + 1` }).where(and(eq(bindingRequests.id, id), eq(bindingRequests.version, version))).run().changes === 1
}
