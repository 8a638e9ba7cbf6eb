import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/**
 * The embedded CA's own records: its keys (wrapped), every certificate it issued and the CRLs it signed.
 * This is the CA's side (TWCA's in production); the RA's registry of customs certificates is `certificates`.
 */
export const certificateAuthorities = sqliteTable('certificate_authorities', {
  name: text('name').primaryKey(),
  parentName: text('parent_name'),
  subjectDn: text('subject_dn').notNull(),
  certificate: blob('certificate', { mode: 'buffer' }).notNull(),
  /** PKCS #8 under AES-256-GCM with a key derived from the CA secret (core/pki/ca/key-wrap.ts) */
  wrappedKey: text('wrapped_key').notNull(),
  /** the last cRLNumber used; only ever increases */
  crlNumber: integer('crl_number').notNull().default(0),
  /** counts revocations, holds and releases: a CRL made before the latest one is stale */
  revocationSeq: integer('revocation_seq').notNull().default(0),
  createdAt: text('created_at').notNull(),
})

export const caIssued = sqliteTable(
  'ca_issued',
  {
    caName: text('ca_name')
      .notNull()
      .references(() => certificateAuthorities.name),
    serialHex: text('serial_hex').notNull(),
    profile: text('profile').notNull(),
    subjectDn: text('subject_dn').notNull(),
    notBefore: text('not_before').notNull(),
    notAfter: text('not_after').notNull(),
    der: blob('der', { mode: 'buffer' }).notNull(),
    issuedAt: text('issued_at').notNull(),
    revokedAt: text('revoked_at'),
    /** an RFC 5280 reason name; certificateHold while suspended */
    revocationReason: text('revocation_reason'),
  },
  (t) => [primaryKey({ columns: [t.caName, t.serialHex] }), index('ca_issued_revoked_idx').on(t.caName, t.revokedAt)],
)

export const crls = sqliteTable(
  'crls',
  {
    caName: text('ca_name')
      .notNull()
      .references(() => certificateAuthorities.name),
    crlNumber: integer('crl_number').notNull(),
    thisUpdate: text('this_update').notNull(),
    nextUpdate: text('next_update').notNull(),
    /** the CA's revocationSeq when the CRL's entries were read */
    revocationSeq: integer('revocation_seq').notNull().default(0),
    der: blob('der', { mode: 'buffer' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caName, t.crlNumber] })],
)
