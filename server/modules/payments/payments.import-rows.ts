import { bankFileColumns, paymentChannels, type PaymentChannel } from '../../../core/contracts/payments'
import type { LocalizedText } from '../../../core/i18n'
import { isIsoDate } from '../../../core/tw'
import { parseFeeSlipNo } from '../../../core/workflow/fee-slip-number'
import type { CsvRecord } from '../broker-records/broker-records.csv'

/** One well-formed row of the bank file. */
export interface BankRow {
  line: number
  reference: string
  slipNo: string
  amount: number
  paidOn: string
  channel: PaymentChannel
}

export interface RowIssue {
  line: number
  column: string
  message: LocalizedText
}

const m = {
  header: { 'zh-TW': `標題列須為這些欄名（順序不拘、各一次）：${bankFileColumns.join(',')}`, en: `The header row must name these columns (any order, each once): ${bankFileColumns.join(',')}` },
  required: { 'zh-TW': '此欄位為必填', en: 'This field is required' },
  reference: { 'zh-TW': '交易序號最多 64 個字元', en: 'A reference has at most 64 characters' },
  slipNo: { 'zh-TW': '繳款單號碼格式或檢查碼不符', en: 'Not a fee slip number (format or check digit)' },
  amount: { 'zh-TW': '金額須為正整數（新臺幣元，不含逗號）', en: 'The amount is a whole number of NT$, without commas' },
  paidOn: { 'zh-TW': '繳費日須為 YYYY-MM-DD（西元）', en: 'The payment date is YYYY-MM-DD (Gregorian)' },
  future: { 'zh-TW': '繳費日不可晚於今天', en: 'The payment date cannot be in the future' },
  channel: { 'zh-TW': `繳費管道須為 ${paymentChannels.join('、')} 之一`, en: `The channel is one of ${paymentChannels.join(', ')}` },
} satisfies Record<string, LocalizedText>

/**
 * Checks the header and every row's form (not yet the slips): a file with any malformed row is refused whole.
 * Rows whose fields are all empty are skipped.
 */
export function readBankRows(records: CsvRecord[], today: string): { rows: BankRow[]; issues: RowIssue[] } {
  const issues: RowIssue[] = []
  const [head, ...data] = records
  const names = (head?.fields ?? []).map((f) => f.trim().toLowerCase())
  const index = Object.fromEntries(bankFileColumns.map((c) => [c, names.indexOf(c)])) as Record<(typeof bankFileColumns)[number], number>
  const sameSet = names.length === bankFileColumns.length && bankFileColumns.every((c) => names.filter((n) => n === c).length === 1)
  if (!sameSet) return { rows: [], issues: [{ line: head?.line ?? 1, column: '', message: m.header }] }
  const rows: BankRow[] = []
  for (const record of data) {
    // the file is refused anyway: a file of nothing but errors costs no more than this
    if (issues.length >= 1000) break
    if (record.fields.every((f) => f.trim() === '')) continue
    const cell = (c: (typeof bankFileColumns)[number]) => (record.fields[index[c]] ?? '').trim()
    const problem = (column: string, message: LocalizedText) => issues.push({ line: record.line, column, message })
    const before = issues.length
    const reference = cell('reference')
    if (!reference) problem('reference', m.required)
    else if (reference.length > 64) problem('reference', m.reference)
    const slipNo = cell('slip_no').toUpperCase()
    if (!slipNo) problem('slip_no', m.required)
    else if (!parseFeeSlipNo(slipNo)) problem('slip_no', m.slipNo)
    const amount = cell('amount')
    if (!/^\d{1,9}$/.test(amount) || Number(amount) === 0) problem('amount', amount ? m.amount : m.required)
    const paidOn = cell('paid_on')
    if (!isIsoDate(paidOn)) problem('paid_on', paidOn ? m.paidOn : m.required)
    else if (paidOn > today) problem('paid_on', m.future)
    const channel = cell('channel')
    if (!(paymentChannels as readonly string[]).includes(channel)) problem('channel', channel ? m.channel : m.required)
    if (issues.length === before) rows.push({ line: record.line, reference, slipNo, amount: Number(amount), paidOn, channel: channel as PaymentChannel })
  }
  return { rows, issues }
}
