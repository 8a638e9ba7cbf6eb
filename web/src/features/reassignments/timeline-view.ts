import { revocationReasonNames, type RevocationReason } from '@core/contracts/certificates'
import { registrationDeletionReasonNames, type TimelineEvent, type TimelineEventType } from '@core/contracts/reassignments'
import type { Language } from '@core/i18n'
import { toRocDate } from '@core/tw/roc-date'
import { formatDateTime } from '@web/app/format'

/** The dot's colour: beginnings green, endings and revocations red, the office's acts blue, the rest grey. */
export const eventTones: Record<TimelineEventType, 'success' | 'danger' | 'warning' | 'primary' | 'info'> = {
  'appointment-started': 'success',
  'appointment-ended': 'info',
  'reassignment-recorded': 'primary',
  'reassignment-filed': 'warning',
  'reassignment-approved': 'danger',
  'reassignment-rejected': 'info',
  'certificate-issued': 'success',
  'certificate-held': 'warning',
  'certificate-released': 'success',
  'certificate-revoked': 'danger',
  'registration-added': 'primary',
  'registration-removed': 'info',
}

/** A calendar date as is (with the ROC date in zh-TW), an instant in Taipei time. */
export function eventStamp(at: string, language: Language): string {
  if (at.length !== 10) return formatDateTime(at)
  return language === 'zh-TW' ? `${at}（民國 ${toRocDate(at)}）` : at
}

/** The detail in words: a revocation reason or a deletion reason by name; a reassignment's own reason as typed. */
export function eventDetail(e: Pick<TimelineEvent, 'type' | 'detail'>, language: Language): string | null {
  if (!e.detail) return null
  if (e.type.startsWith('certificate-') && e.detail in revocationReasonNames) return revocationReasonNames[e.detail as RevocationReason][language]
  if (e.type === 'registration-removed' && e.detail in registrationDeletionReasonNames) return registrationDeletionReasonNames[e.detail as keyof typeof registrationDeletionReasonNames][language]
  return e.detail
}
