import type { Shape } from './shape'
import type zhTW from './zh-TW'
import applications from '@web/features/applications/messages.en'
import audit from '@web/features/audit/messages.en'
import bindings from '@web/features/bindings/messages.en' // card binding
import brokerRecords from '@web/features/broker-records/messages.en'
import dashboard from '@web/features/dashboard/messages.en'
import certificates from '@web/features/certificates/messages.en'
import feeSlips from '@web/features/fee-slips/messages.en'
import mail from '@web/features/mail/messages.en'
import payments from '@web/features/payments/messages.en'
import helpdesk from '@web/features/helpdesk/messages.en'
import lookup from '@web/features/lookup/messages.en'
import staff from '@web/features/staff/messages.en'
import portalApplications from '@web/features/applications/portal/messages.en'
import portal from '@web/features/portal/messages.en'
import portalAccounts from '@web/features/portal-accounts/messages.en'
import portalAuth from '@web/features/portal-auth/messages.en'
import registrations from '@web/features/registrations/messages.en'
import reassignments from '@web/features/reassignments/messages.en' // reassignments
import exports from '@web/components/export-messages.en' // exports
import lists from '@web/components/list-messages.en' // list totals

export default {
  app: {
    product: 'Customs Certificate Console',
    productShort: 'Certdesk',
    singleWindow: 'Customs-Port-Trade Single Window',
  },
  common: {
    search: 'Search',
    reset: 'Clear filters',
    cancel: 'Cancel',
    save: 'Save',
    close: 'Close',
    copy: 'Copy',
    copied: 'Copied',
    actions: 'Actions',
    all: 'All',
    refresh: 'Refresh',
    previous: 'Previous',
    next: 'Next',
    back: 'Back',
    edit: 'Edit',
    detail: 'Details',
    none: '(none)',
    loadFailed: 'Could not load the data',
    retry: 'Retry',
  },
  lang: { label: 'Language', zhTW: '繁體中文', en: 'English' },
  nav: {
    menu: 'Menu',
    dashboard: 'Dashboard',
    applications: 'Applications', // applications
    applicationNew: 'Key a paper form', // applications
    applicationDetail: 'Application', // applications
    applicationEdit: 'Edit draft', // applications
    certificates: 'Certificates', // certificates
    certificateDetail: 'Certificate', // certificates
    payments: 'Payments', // payments
    paymentsImport: 'Import bank file', // payments
    feeSlipPrint: 'Print fee slip', // fee slips
    staff: 'Staff accounts',
    audit: 'Audit trail',
    auditDetail: 'Audit entry',
    mail: 'Outbox', // mail outbox
    brokerRecords: 'Broker records', // broker records
    firms: 'Firms', // broker records
    firmDetail: 'Firm', // broker records
    brokers: 'Brokers', // broker records
    brokerDetail: 'Broker', // broker records
    appointments: 'Appointments', // broker records
    brokerRecordsImport: 'Import CSV', // broker records
    password: 'Change password',
    lookup: 'Lookup',
    lookupProfile: 'Profile',
    helpdesk: 'Helpdesk',
    helpdeskEmailChanges: 'E-mail change approvals',
    forbidden: 'Forbidden',
    notFound: 'Not found',
    home: 'Home',
    logout: 'Sign out',
    roles: 'Roles',
    bindings: 'Card bindings', // card binding
    reassignments: 'Broker reassignments', // reassignments
    office: 'Office',
  },
  // portal (features/portal and the portal pages of each workflow)
  portal,
  portalAuth,
  portalAccounts,
  registrations,
  portalApplications,
  auth: {
    loginTitle: 'Staff sign-in',
    username: 'Username',
    password: 'Password',
    submit: 'Sign in',
    sessionExpired: 'Your session has expired; please sign in again',
    passwordTitle: 'Change password',
    currentPassword: 'Current password',
    newPassword: 'New password',
    confirmPassword: 'Confirm new password',
    passwordMismatch: 'The two new passwords differ',
    passwordRuleHint: 'At least 8 characters, with a digit, an upper-case and a lower-case letter.',
    forcedNotice: 'Please change your password before you continue (first sign-in or after a reset).',
    changed: 'Your password has been changed',
    submitPassword: 'Change password',
  },
  dashboard,
  staff,
  audit,
  // --- mail outbox (features/mail) ---
  mail,
  // --- end mail outbox ---
  // --- broker records (features/broker-records) ---
  brokerRecords,
  // --- end broker records ---
  // --- applications (features/applications) ---
  applications,
  // --- end applications ---
  // fee slips
  feeSlips,
  // payments
  payments,
  // certificates
  certificates,
  // helpdesk
  helpdesk,
  // lookup
  lookup,
  // card binding
  bindings,
  // reassignments
  reassignments,
  // exports (components/ExportButton)
  exports,
  // list totals (components/ListTotal)
  lists,
  errors: {
    forbiddenTitle: 'You may not view this page',
    forbiddenBody: 'Ask the administrator for a role that includes this function.',
    notFoundTitle: 'Page not found',
    notFoundBody: 'The address may be wrong, or the page has been removed.',
    backHome: 'Go to the start page',
  },
} satisfies Shape<typeof zhTW>
