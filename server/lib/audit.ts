import { createHash } from 'node:crypto'
import { desc } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { auditLog } from '../../db/schema'

export interface Actor {
  id: number | null
  name: string | null
  officeCode: string | null
  roles: string[]
}

/** Who acts, from where, and when: built once per request, or by a CLI/job as the system actor. */
export interface AuditContext {
  actor: Actor
  requestId: string | null
  ip: string | null
  now: Date
}

export interface AuditEvent {
  action: string
  entity: string
  entityId?: string | number | null
  before?: unknown
  after?: unknown
}

export const GENESIS_HASH = '0'.repeat(64)
export const SYSTEM_ACTOR: Actor = { id: null, name: 'system', officeCode: null, roles: [] }

export interface AuditRowFields {
  at: string
  actorId: number | null
  actorName: string | null
  officeCode: string | null
  roles: string
  action: string
  entity: string
  entityId: string | null
  summary: string | null
  requestId: string | null
  ip: string | null
}

/** The chain link: SHA-256 over the previous hash and every stored field, in a fixed order. */
export function auditHash(prevHash: string, f: AuditRowFields): string {
  const canonical = JSON.stringify([
    prevHash, f.at, f.actorId, f.actorName, f.officeCode, f.roles, f.action, f.entity, f.entityId, f.summary, f.requestId, f.ip,
  ])
  return createHash('sha256').update(canonical).digest('hex')
}

/** Appends one audit row. Call it inside the transaction that makes the change it records. */
export function recordAudit(tx: Db, ctx: AuditContext, event: AuditEvent): void {
  const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get()
  const prevHash = last?.hash ?? GENESIS_HASH
  const summary = event.before === undefined && event.after === undefined ? null : JSON.stringify({ before: event.before, after: event.after })
  const fields: AuditRowFields = {
    at: ctx.now.toISOString(),
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    officeCode: ctx.actor.officeCode,
    roles: ctx.actor.roles.join(','),
    action: event.action,
    entity: event.entity,
    entityId: event.entityId === undefined || event.entityId === null ? null : String(event.entityId),
    summary,
    requestId: ctx.requestId,
    ip: ctx.ip,
  }
  tx.insert(auditLog).values({ ...fields, prevHash, hash: auditHash(prevHash, fields) }).run()
}
