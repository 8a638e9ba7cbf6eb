import type { CheckResult } from '@core/contracts/applications'
import { businessTypeNames, type BusinessType } from '@core/contracts/broker-records'
import { officeNames, type OfficeCode } from '@core/contracts/offices'
import type { Language, LocalizedText } from '@core/i18n'
import { applicationStatusNames } from '@core/workflow/application-status'
import type { ApplicationState } from '@core/workflow/application'

export type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

/** Every state a console list can show, the paper draft first, then the portal's codes in workflow order. */
export const applicationStates: readonly ApplicationState[] = ['draft', '00', '10', '20', 'A0', 'R0', 'A9']

const draftName: LocalizedText = { 'zh-TW': '草稿（登打中）', en: 'Draft (being keyed)' }

/**
 * How a status looks in a tag: waiting for us is orange, waiting for the applicant blue,
 * done green, rejected red, drafts and cancelled grey. The code stays visible: clerks talk in codes.
 */
export function statusTag(status: ApplicationState): { type: TagType; code: string; name: LocalizedText } {
  const name = status === 'draft' ? draftName : applicationStatusNames[status]
  const type: TagType = { draft: 'info', '00': 'warning', '10': 'primary', '20': 'primary', A0: 'success', R0: 'danger', A9: 'info' }[status] as TagType
  return { type, code: status === 'draft' ? '--' : status, name: name ?? { 'zh-TW': status, en: status } }
}

/** A status as a short label in a timeline or a transition: the code, or 草稿 for a draft. */
export function statusCode(status: string | null, language: Language): string {
  if (status === null) return '—'
  return status === 'draft' ? draftShort[language] : status
}
const draftShort: LocalizedText = { 'zh-TW': '草稿', en: 'draft' }

/** ✓ green, ! orange, ✗ red: the symbol as well as the colour, for colour-blind reviewers and print. */
export function checkResultTag(result: CheckResult): { type: TagType; symbol: string } {
  if (result === 'pass') return { type: 'success', symbol: '✓' }
  if (result === 'warn') return { type: 'warning', symbol: '!' }
  return { type: 'danger', symbol: '✗' }
}

const licenceStatusNames: Record<string, LocalizedText> = {
  active: { 'zh-TW': '有效', en: 'active' },
  suspended: { 'zh-TW': '停業', en: 'suspended' },
  revoked: { 'zh-TW': '撤銷', en: 'revoked' },
}

const qualificationNames: Record<string, LocalizedText> = {
  qualified: { 'zh-TW': '合格', en: 'qualified' },
  disqualified: { 'zh-TW': '喪失資格', en: 'disqualified' },
}

/**
 * The checks carry codes where the records do (business type, office); the reviewer reads names.
 * Anything unrecognised is shown as the server sent it.
 */
export function checkValueText(checkId: string, value: string | null, language: Language): string {
  if (value === null || value === '') return ''
  if (checkId === 'officeMatches' && value in officeNames) return `${officeNames[value as OfficeCode][language]} (${value})`
  if (checkId === 'brokerQualified' && value in qualificationNames) return qualificationNames[value][language]
  if (checkId === 'licenceActive') {
    const [type, status] = value.split(': ')
    const typeName = type in businessTypeNames ? businessTypeNames[type as BusinessType][language] : type
    if (status === undefined) return typeName
    return `${typeName}：${licenceStatusNames[status]?.[language] ?? status}`
  }
  return value
}
