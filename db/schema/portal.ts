import { sql } from 'drizzle-orm'
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { staff } from './staff'

/**
 * Portal accounts (憑證帳號, seed 001): a person (account id = e-mail) or a company (account id = UBN).
 * Migrated accounts (registered in the old customs system before 2013-08-17) have no password hash.
 */
export const portalAccounts = sqliteTable(
  'portal_accounts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountId: text('account_id').notNull().unique(),
    category: text('category', { enum: ['individual', 'company'] }).notNull(),
    attribute: text('attribute').notNull(),
    email: text('email').notNull(),
    contactName: text('contact_name').notNull(),
    idNumber: text('id_number'),
    ubn: text('ubn'),
    birthDate: text('birth_date'),
    phone: text('phone').notNull(),
    address: text('address').notNull(),
    companyName: text('company_name'),
    representative: text('representative'),
    companyPhone: text('company_phone'),
    companyAddress: text('company_address'),
    passwordHash: text('password_hash'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ['active', 'disabled'] }).notNull().default('active'),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    lockedUntil: text('locked_until'),
    migrated: integer('migrated', { mode: 'boolean' }).notNull().default(false),
    lastLoginAt: text('last_login_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('portal_accounts_person_idx').on(t.idNumber).where(sql`category = 'individual'`),
    index('portal_accounts_ubn_idx').on(t.ubn),
    index('portal_accounts_email_idx').on(t.email),
  ],
)

/** The cards an account signs in with (登入用憑證): bound at registration or with a binding code (seed 004). */
export const portalCards = sqliteTable(
  'portal_cards',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountRef: integer('account_ref')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    /** SHA-256 of the certificate's DER, hex */
    fingerprint: text('fingerprint').notNull().unique(),
    kind: text('kind', { enum: ['moica', 'moeaca'] }).notNull(),
    serialHex: text('serial_hex').notNull(),
    issuerDn: text('issuer_dn').notNull(),
    subjectDn: text('subject_dn').notNull(),
    notBefore: text('not_before').notNull(),
    notAfter: text('not_after').notNull(),
    boundVia: text('bound_via', { enum: ['registration', 'binding', 'migration'] }).notNull(),
    boundAt: text('bound_at').notNull(),
  },
  (t) => [index('portal_cards_account_idx').on(t.accountRef)],
)

/** Portal sessions: a table and a cookie of their own, so a portal session never opens the console. */
export const portalSessions = sqliteTable(
  'portal_sessions',
  {
    id: text('id').primaryKey(),
    accountRef: integer('account_ref')
      .notNull()
      .references(() => portalAccounts.id, { onDelete: 'cascade' }),
    method: text('method', { enum: ['card', 'password'] }).notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('portal_sessions_account_idx').on(t.accountRef)],
)

/**
 * Signing-certificate registrations (通關憑證註冊, seed 001): the certificates whose signatures the Single
 * Window accepts for a firm (ubn). A deleted registration keeps its row, with who removed it and why.
 */
export const registrations = sqliteTable(
  'registrations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountRef: integer('account_ref')
      .notNull()
      .references(() => portalAccounts.id),
    useType: text('use_type').notNull(),
    /** 'ic' = loaded from a card; 'file' = an uploaded .cer (非IC卡類憑證) */
    form: text('form', { enum: ['ic', 'file'] }).notNull(),
    certificateKind: text('certificate_kind', { enum: ['customs-personal', 'customs-corporate', 'moeaca'] }).notNull(),
    fingerprint: text('fingerprint').notNull(),
    serialHex: text('serial_hex').notNull(),
    issuerDn: text('issuer_dn').notNull(),
    subjectDn: text('subject_dn').notNull(),
    ubn: text('ubn').notNull(),
    brokerCode: text('broker_code'),
    brokerIdNumber: text('broker_id_number'),
    brokerName: text('broker_name'),
    notBefore: text('not_before').notNull(),
    notAfter: text('not_after').notNull(),
    der: blob('der', { mode: 'buffer' }).notNull(),
    status: text('status', { enum: ['active', 'deleted'] }).notNull().default('active'),
    /** set when the certificate is revoked or held: the registration stays but no longer verifies */
    certificateStatus: text('certificate_status', { enum: ['valid', 'suspended', 'revoked'] }).notNull().default('valid'),
    registeredAt: text('registered_at').notNull(),
    deletedAt: text('deleted_at'),
    deletedBy: text('deleted_by'),
    deletedReason: text('deleted_reason'),
  },
  (t) => [
    uniqueIndex('registrations_active_idx').on(t.fingerprint, t.ubn).where(sql`status = 'active'`),
    index('registrations_account_idx').on(t.accountRef, t.status),
    index('registrations_ubn_idx').on(t.ubn, t.status),
    index('registrations_broker_idx').on(t.brokerCode, t.status),
    index('registrations_serial_idx').on(t.serialHex),
    // a person's rights: the registrations naming them as the broker (docs/decisions/0016)
    index('registrations_broker_id_idx').on(t.brokerIdNumber),
  ],
)

/**
 * Binding a card to an existing account (seed 004): the holder uploads the sealed form, a clerk confirms it
 * and issues a one-time code (only its hash is kept), the holder binds the card with UBN + code.
 */
export const bindingRequests = sqliteTable(
  'binding_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    accountRef: integer('account_ref')
      .notNull()
      .references(() => portalAccounts.id),
    status: text('status', { enum: ['submitted', 'code-issued', 'bound', 'rejected'] }).notNull(),
    cardKind: text('card_kind', { enum: ['moica', 'moeaca'] }).notNull(),
    /** the scan's storage key (a path under DATA_DIR/attachments, or db:… in scan_files; docs/decisions/0020) */
    formPath: text('form_path').notNull(),
    formName: text('form_name').notNull(),
    formMime: text('form_mime').notNull(),
    formSize: integer('form_size').notNull(),
    codeHash: text('code_hash'),
    codeExpiresAt: text('code_expires_at'),
    decidedBy: integer('decided_by').references(() => staff.id),
    decidedAt: text('decided_at'),
    rejectReason: text('reject_reason'),
    boundAt: text('bound_at'),
    createdAt: text('created_at').notNull(),
    version: integer('version').notNull().default(1),
  },
  // the clerks' list by status, newest first (docs/decisions/0016); the holder's own requests
  (t) => [index('binding_requests_status_idx').on(t.status, t.id), index('binding_requests_account_idx').on(t.accountRef)],
)
