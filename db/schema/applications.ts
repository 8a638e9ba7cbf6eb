import { sql } from 'drizzle-orm'
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { offices } from './offices'

/**
 * DC02 applications (通關專屬憑證申請). Status changes go only through core/workflow's state machine; `draft` is
 * a paper form being keyed, before it is received (00).
 */
export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationNo: text('application_no').notNull().unique(),
    channel: text('channel', { enum: ['online', 'paper'] }).notNull(),
    service: text('service', { enum: ['new', 'modify', 'renew', 'revoke', 'suspend', 'unsuspend'] }).notNull(),
    status: text('status', { enum: ['draft', '00', 'R0', '10', '20', 'A0', 'A9'] }).notNull(),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    ubn: text('ubn').notNull(),
    companyName: text('company_name').notNull(),
    phone: text('phone'),
    fax: text('fax'),
    representative: text('representative'),
    representativePhone: text('representative_phone'),
    contactName: text('contact_name').notNull(),
    contactPhone: text('contact_phone').notNull(),
    contactMobile: text('contact_mobile').notNull(),
    contactEmail: text('contact_email').notNull(),
    businessType: text('business_type').notNull(),
    kind: text('kind', { enum: ['corporate', 'personal'] }).notNull(),
    boxNo: text('box_no').notNull(),
    brokerCode: text('broker_code'),
    brokerNationalId: text('broker_national_id'),
    privacyConsent: integer('privacy_consent', { mode: 'boolean' }).notNull(),
    targetCertificateId: integer('target_certificate_id'),
    /** the serial of the certificate the application acts on (all services but new) */
    targetSerial: text('target_serial'),
    keyedBy: integer('keyed_by'),
    /** the clerk who prepared the review (notes, checks marked reviewed): may not decide it either */
    preparedBy: integer('prepared_by'),
    preparedAt: text('prepared_at'),
    prepareNotes: text('prepare_notes'),
    decidedBy: integer('decided_by'),
    rejectReasonCode: text('reject_reason_code'),
    rejectReason: text('reject_reason'),
    submittedAt: text('submitted_at'),
    /** online channel: the canonical document, the company certificate's signature over it, and that certificate */
    signedDocument: text('signed_document'),
    signature: text('signature'),
    signerCertificate: blob('signer_certificate', { mode: 'buffer' }),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    decidedAt: text('decided_at'),
    version: integer('version').notNull().default(1),
    /** the queue's order (docs/decisions/0016): when it was received, or for a draft when it was created */
    receivedAt: text('received_at').generatedAlwaysAs(sql`coalesce(submitted_at, created_at)`, { mode: 'virtual' }),
  },
  (t) => {
    // Each index below leads with a filter and ends with the queue's order, so that filter's page is one range
    // read in order; the id, the tiebreak, is in every index already (the rowid), right after the order's key
    // (a column after the key would break the tiebreak's order).
    const received = t.receivedAt
    return [
      index('applications_received_idx').on(received),
      index('applications_office_received_idx').on(t.officeCode, received),
      index('applications_status_received_idx').on(t.status, received),
      index('applications_office_status_received_idx').on(t.officeCode, t.status, received),
      index('applications_service_received_idx').on(t.service, received),
      index('applications_ubn_received_idx').on(t.ubn, received),
      index('applications_broker_received_idx').on(t.brokerCode, received),
      // the number order with a status (the office is a range of the number: it begins with the office code)
      index('applications_status_number_idx').on(t.status, t.applicationNo),
      // the dashboard's weekly and review-time charts range over these dates (docs/decisions/0014)
      index('applications_submitted_idx').on(t.submittedAt, t.officeCode, t.status),
      index('applications_decided_idx').on(t.decidedAt, t.officeCode, t.submittedAt),
      // the expiry notices skip a certificate whose renewal is under way: a lookup per certificate in the window
      index('applications_target_serial_idx').on(t.targetSerial),
    ]
  },
)

/**
 * Every (UBN, company name) pair an application has carried, kept by triggers (migration 0011): the queue's
 * "part of the company name" search reads this small table, then only those firms' applications through
 * applications_ubn_received_idx (docs/decisions/0016). A pair is never removed; one no longer in use only
 * adds a firm whose rows the name test then rejects.
 */
export const applicationNames = sqliteTable(
  'application_names',
  {
    ubn: text('ubn').notNull(),
    companyName: text('company_name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.ubn, t.companyName] })],
)

/** The scanned paper form and other files; the bytes are in the scan store its storage key names (docs/decisions/0020). */
export const applicationAttachments = sqliteTable(
  'application_attachments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    fileName: text('file_name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: integer('uploaded_by'),
    uploadedAt: text('uploaded_at').notNull(),
  },
  (t) => [index('application_attachments_app_idx').on(t.applicationId)],
)

/** The history timeline: every status change and review step, who and when. */
export const applicationEvents = sqliteTable(
  'application_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationId: integer('application_id')
      .notNull()
      .references(() => applications.id),
    at: text('at').notNull(),
    actorId: integer('actor_id'),
    actorName: text('actor_name'),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    note: text('note'),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId, t.id)],
)
