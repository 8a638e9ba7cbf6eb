import type { LocalizedText } from '../i18n'

/** The portal's status codes (seed 002), with 00 and R0 added for the review that precedes them. */
export const applicationStatuses = ['00', 'R0', '10', '20', 'A0', 'A9'] as const
export type ApplicationStatus = (typeof applicationStatuses)[number]

export const applicationStatusNames: Record<ApplicationStatus, LocalizedText> = {
  '00': { 'zh-TW': '待審核', en: 'Awaiting review' },
  R0: { 'zh-TW': '退件', en: 'Rejected' },
  '10': { 'zh-TW': '送出申請，待繳費', en: 'Accepted, awaiting payment' },
  '20': { 'zh-TW': '完成繳費，待業者金鑰產製', en: 'Paid, awaiting key generation' },
  A0: { 'zh-TW': '完成申請及下載憑證', en: 'Completed' },
  A9: { 'zh-TW': '逾期未繳費取消申請', en: 'Cancelled: fee not paid in time' },
}

/** Statuses in which an application is still being worked on. */
export const openApplicationStatuses: readonly ApplicationStatus[] = ['00', '10', '20']
