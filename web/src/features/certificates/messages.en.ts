import type zhTW from './messages.zh-TW'
import type { Shape } from '@web/app/i18n/shape'

export default {
  title: 'Certificates',
  detailTitle: 'Certificate',
  empty: 'No certificates match',
  page: 'Page {page}',
  download: 'Download .cer',
  registry: 'Registry entry',
  timeline: 'History',
  filters: { q: 'Search', qPlaceholder: 'Serial, UBN or broker code', status: 'Status', office: 'Office', expiresWithin: 'Expiring', days: 'within {n} days', expiresRange: 'Expiry date' },
  fields: { serial: 'Serial', status: 'Status', kind: 'Kind', subject: 'Subject', ubn: 'UBN', brokerCode: 'Broker code', office: 'Office', notBefore: 'Valid from', notAfter: 'Expires', revokedAt: 'Revoked / held at', application: 'Application' },
  parsed: { title: 'Certificate contents', subject: 'Subject', issuer: 'Issuer', key: 'Public key', signature: 'Signature algorithm', keyUsage: 'Key usage', policies: 'Policies', crl: 'CRL distribution points', fingerprint: 'SHA-256 fingerprint' },
  events: { applied: 'Applied', issued: 'Issued', registered: 'Entered in the registry', held: 'Put on hold', released: 'Released', revoked: 'Revoked' },
  actions: {
    title: 'Supervisor actions',
    revoke: '廢止 Revoke',
    hold: '暫禁 Hold',
    release: '解禁 Release',
    revokeTitle: 'Revoke the certificate',
    holdTitle: 'Put the certificate on hold',
    releaseTitle: 'Release the certificate',
    revokeConfirm: 'Revoke certificate {serial}? This cannot be undone; it is listed on the CRL.',
    holdConfirm: 'Put certificate {serial} on hold? It is listed on the CRL until it is released.',
    releaseConfirm: 'Release certificate {serial}? It is taken off the CRL.',
    reason: 'Reason',
    reasonPlaceholder: 'Choose a reason',
    note: 'Note',
    revokeDone: 'Revoked; the CRL is updated',
    holdDone: 'Put on hold; the CRL is updated',
    releaseDone: 'Released; the CRL is updated',
  },
} satisfies Shape<typeof zhTW>
