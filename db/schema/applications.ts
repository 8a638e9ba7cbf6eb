import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { offices } from './offices'

/** DC02 applications (通關專屬憑證申請). Status changes go only through core/workflow's state machine. */
export const applications = sqliteTable(
  'applications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    applicationNo: text('application_no').notNull().unique(),
    channel: text('channel', { enum: ['online', 'paper'] }).notNull(),
    service: text('service', { enum: ['new', 'modify', 'renew', 'revoke', 'suspend', 'unsuspend'] }).notNull(),
    status: text('status', { enum: ['00', 'R0', '10', '20', 'A0', 'A9'] }).notNull(),
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
    keyedBy: integer('keyed_by'),
    rejectReason: text('reject_reason'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    decidedAt: text('decided_at'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('applications_office_status_idx').on(t.officeCode, t.status, t.id),
    index('applications_status_idx').on(t.status, t.id),
    index('applications_ubn_idx').on(t.ubn),
    index('applications_broker_idx').on(t.brokerCode),
    index('applications_created_idx').on(t.createdAt),
  ],
)
