/**
 * 申請序號, the application number: office code (2) + ROC year (3) + sequence within that office and year (6)
 * + a check digit (1), e.g. `AA115000042` + `7` → `AA1150000427`. The check digit is a weighted sum
 * (weights 3,1,3,1,… from the left; letters count as 10–35) so that a mistyped or swapped digit is caught
 * when a clerk keys a number from paper.
 */
const PATTERN = /^(AA|BA|CA|DA)(\d{3})(\d{6})(\d)$/

function charValue(ch: string): number {
  const code = ch.charCodeAt(0)
  return code >= 65 && code <= 90 ? code - 55 : code - 48
}

export function checkDigit(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) sum += charValue(body[i]!) * (i % 2 === 0 ? 3 : 1)
  return String((10 - (sum % 10)) % 10)
}

export function formatApplicationNo(officeCode: string, rocYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 999_999) throw new RangeError(`sequence out of range: ${sequence}`)
  const body = `${officeCode}${String(rocYear).padStart(3, '0')}${String(sequence).padStart(6, '0')}`
  return body + checkDigit(body)
}

export function parseApplicationNo(value: string): { officeCode: string; rocYear: number; sequence: number } | null {
  const m = PATTERN.exec(value.trim().toUpperCase())
  if (!m || checkDigit(m[1]! + m[2]! + m[3]!) !== m[4]) return null
  return { officeCode: m[1]!, rocYear: Number(m[2]), sequence: Number(m[3]) }
}
