import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The audit trail: append-only (triggers refuse UPDATE and DELETE) and hash-chained: each row's hash covers
 * its own fields and the previous row's hash, so editing or removing any row breaks every later link.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    officeCode: text('office_code'),
    roles: text('roles').notNull().default(''),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    summary: text('summary'),
    requestId: text('request_id'),
    ip: text('ip'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  // The trail is read newest first (by id); every filter has an index of its own, which ends in the id (the
  // rowid), so each filter is read in the list's order (docs/decisions/0016).
  (t) => [
    index('audit_at_idx').on(t.at),
    index('audit_entity_kind_idx').on(t.entity, t.id),
    index('audit_entity_id_idx').on(t.entityId, t.id),
    index('audit_action_idx').on(t.action),
    index('audit_actor_idx').on(t.actorId),
    index('audit_actor_name_idx').on(t.actorName, t.id),
    index('audit_office_idx').on(t.officeCode, t.id),
  ],
)
