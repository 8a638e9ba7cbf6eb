import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { offices } from './offices'

/** The stand-in for the customs broker/company records (報關業管理系統): firms, their licences, brokers, appointments. */
export const firms = sqliteTable(
  'firms',
  {
    ubn: text('ubn').primaryKey(),
    name: text('name').notNull(),
    representative: text('representative'),
    address: text('address'),
    phone: text('phone'),
    officeCode: text('office_code')
      .notNull()
      .references(() => offices.code),
    boxNo: text('box_no'),
    updatedAt: text('updated_at').notNull(),
  },
  // each order of the firms list, ending in the key (docs/decisions/0016)
  (t) => [
    uniqueIndex('firms_office_box_uq').on(t.officeCode, t.boxNo),
    index('firms_name_idx').on(t.name, t.ubn),
    index('firms_office_idx').on(t.officeCode, t.ubn),
    index('firms_updated_idx').on(t.updatedAt, t.ubn),
  ],
)

export const firmLicences = sqliteTable(
  'firm_licences',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ubn: text('ubn')
      .notNull()
      .references(() => firms.ubn),
    businessType: text('business_type').notNull(),
    status: text('status', { enum: ['active', 'suspended', 'revoked'] }).notNull(),
    licensedOn: text('licensed_on').notNull(),
    expiresOn: text('expires_on'),
  },
  (t) => [uniqueIndex('firm_licences_uq').on(t.ubn, t.businessType)],
)

export const brokers = sqliteTable(
  'brokers',
  {
    code: text('code').primaryKey(),
    nationalId: text('national_id').notNull().unique(),
    name: text('name').notNull(),
    qualificationStatus: text('qualification_status', { enum: ['qualified', 'disqualified'] }).notNull(),
    qualifiedOn: text('qualified_on').notNull(),
    disqualifiedOn: text('disqualified_on'),
  },
  // each order of the brokers list, ending in the key (docs/decisions/0016)
  (t) => [index('brokers_name_idx').on(t.name, t.code), index('brokers_qualified_idx').on(t.qualifiedOn, t.code)],
)

export const appointments = sqliteTable(
  'appointments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    brokerCode: text('broker_code')
      .notNull()
      .references(() => brokers.code),
    firmUbn: text('firm_ubn')
      .notNull()
      .references(() => firms.ubn),
    fromDate: text('from_date').notNull(),
    toDate: text('to_date'),
    status: text('status', { enum: ['active', 'ended'] }).notNull(),
  },
  (t) => [
    index('appointments_broker_idx').on(t.brokerCode),
    index('appointments_firm_idx').on(t.firmUbn, t.status),
    // the appointments list's order, start date then id (the rowid) (docs/decisions/0016)
    index('appointments_from_idx').on(t.fromDate),
  ],
)
