import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Customs-dedicated certificates issued through the RA. `der` is empty only for benchmark rows made by `seed --scale`. */
export const certificates = sqliteTable(
  'certificates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    serialHex: text('serial_hex').notNull().unique(),
    caName: text('ca_name').notNull(),
    kind: text('kind', { enum: ['corporate', 'personal'] }).notNull(),
    subjectDn: text('subject_dn').notNull(),
    ubn: text('ubn').notNull(),
    brokerCode: text('broker_code'),
    officeCode: text('office_code').notNull(),
    status: text('status', { enum: ['valid', 'suspended', 'revoked'] }).notNull(),
    notBefore: text('not_before').notNull(),
    notAfter: text('not_after').notNull(),
    applicationId: integer('application_id'),
    der: blob('der', { mode: 'buffer' }),
    revokedAt: text('revoked_at'),
    revocationReason: text('revocation_reason'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    // a firm's or a broker's certificates in the registry's order, expiry (docs/decisions/0016)
    index('certificates_ubn_expiry_idx').on(t.ubn, t.notAfter),
    index('certificates_broker_expiry_idx').on(t.brokerCode, t.notAfter),
    index('certificates_office_status_idx').on(t.officeCode, t.status, t.notAfter),
    index('certificates_status_expiry_idx').on(t.status, t.notAfter),
  ],
)
