import { mirrored } from './mirror'

/**
 * The PostgreSQL tables, one export each: drizzle-kit (drizzle.pg.config.ts) finds tables only among a module's
 * own exports. They are made from db/schema by ./mirror.ts; a table added there must be named here too, which
 * db/pg/mirror.test.ts checks.
 */
export const applications = mirrored.applications!
export const applicationNames = mirrored.applicationNames!
export const applicationAttachments = mirrored.applicationAttachments!
export const applicationEvents = mirrored.applicationEvents!
export const auditLog = mirrored.auditLog!
export const firms = mirrored.firms!
export const firmLicences = mirrored.firmLicences!
export const brokers = mirrored.brokers!
export const appointments = mirrored.appointments!
export const certificateAuthorities = mirrored.certificateAuthorities!
export const caIssued = mirrored.caIssued!
export const crls = mirrored.crls!
export const loginChallenges = mirrored.loginChallenges!
export const certificates = mirrored.certificates!
export const feeSlips = mirrored.feeSlips!
export const passwordResets = mirrored.passwordResets!
export const emailChanges = mirrored.emailChanges!
export const jobRuns = mirrored.jobRuns!
export const jobSchedule = mirrored.jobSchedule!
export const expiryNotices = mirrored.expiryNotices!
export const mailOutbox = mirrored.mailOutbox!
export const offices = mirrored.offices!
export const payments = mirrored.payments!
export const bankImports = mirrored.bankImports!
export const portalAccounts = mirrored.portalAccounts!
export const portalCards = mirrored.portalCards!
export const portalSessions = mirrored.portalSessions!
export const registrations = mirrored.registrations!
export const bindingRequests = mirrored.bindingRequests!
export const reassignments = mirrored.reassignments!
export const sessions = mirrored.sessions!
export const rateLimits = mirrored.rateLimits!
export const settings = mirrored.settings!
export const staff = mirrored.staff!
export const staffRoles = mirrored.staffRoles!
export const scanFiles = mirrored.scanFiles!
