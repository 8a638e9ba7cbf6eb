import { taipeiDate, toRocDate } from '../../../../core/tw'

/** The portal's subject tag, as in the seed's mails. */
export const SUBJECT_TAG = '[關港貿單一窗口]'

/** What every template returns: a subject line and a plain-text body. */
export interface RenderedMail {
  subject: string
  text: string
}

/** A date: an instant (read in Taipei) or a calendar date `YYYY-MM-DD`. */
export type DateInput = Date | string

const TAIPEI_OFFSET_MS = 8 * 3_600_000

/** The full-width space that indents lines in Chinese letters. */
export const INDENT = '\u3000'

/**
 * Text that goes into a header or a single line: CR, LF and other control characters become spaces, so a
 * value can never start a new header (header injection) or break the letter's layout.
 */
export function oneLine(value: string | number | null | undefined): string {
  // eslint-disable-next-line no-control-regex
  return String(value ?? '').replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim()
}

/** 2000 → `2,000` (no Intl: the server may lack full ICU data). */
export function formatAmount(amount: number): string {
  const [whole, fraction] = Math.abs(amount).toFixed(Number.isInteger(amount) ? 0 : 2).split('.')
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  return `${amount < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`
}

function isoDay(date: DateInput): string {
  return typeof date === 'string' ? date.slice(0, 10) : taipeiDate(date)
}

/** The ROC date people read on slips: `115/12/06`. An ISO timestamp string is read as an instant. */
export function rocDate(date: DateInput): string {
  return toRocDate(typeof date === 'string' && date.length > 10 ? new Date(date) : isoDay(date))
}

/** The Gregorian date for the English lines: `2026-12-06`. */
export function gregorianDate(date: DateInput): string {
  return typeof date === 'string' && date.length > 10 ? taipeiDate(new Date(date)) : isoDay(date)
}

/** `115/12/06 14:05` in Taipei time, for deadlines with a time of day. */
export function rocDateTime(date: DateInput): string {
  const instant = typeof date === 'string' ? new Date(date) : date
  const t = new Date(instant.getTime() + TAIPEI_OFFSET_MS)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${toRocDate(taipeiDate(instant))} ${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}`
}

const FOOTER = [
  '本郵件由系統自動發送，請勿直接回覆。如有疑問，請洽所屬關別或關港貿單一窗口客服中心。',
  'This message was sent automatically; please do not reply to it.',
  '',
  '財政部關務署 關港貿單一窗口 通關專屬憑證註冊中心',
  'Customs-Port-Trade Single Window, Customs Administration, Ministry of Finance',
]

/**
 * A government-style letter: greeting, Chinese lines, a short English summary and the common footer. A null
 * line is left out, so a missing optional field drops its line rather than printing "undefined"; '' is a
 * blank line.
 */
export function letter(parts: { to?: string | null; paragraphs: (string | null | undefined | false)[]; english: (string | null | undefined | false)[] }): string {
  const greeting = parts.to ? `${oneLine(parts.to)} 您好：` : '您好：'
  const present = (p: string | null | undefined | false): p is string => typeof p === 'string'
  const body = parts.paragraphs.filter(present)
  const english = parts.english.filter((p): p is string => Boolean(p))
  return [greeting, '', ...body, '', ...english, '', '—', ...FOOTER, ''].join('\n')
}

/** A labelled line inside a letter, e.g. `繳款單號碼：AAF71259000151` indented; absent values drop the line. */
export function field(label: string, value: string | number | null | undefined): string | null {
  const text = oneLine(value)
  return text ? `${INDENT}${label}：${text}` : null
}

/** The "sign in at the portal" line, with the address when the server knows it. */
export function portalLine(portalUrl: string | null | undefined, action: string, lead = '請以工商憑證登入關港貿單一窗口'): string {
  const url = oneLine(portalUrl)
  return url ? `${lead}（${url}），${action}` : `${lead}，${action}`
}
