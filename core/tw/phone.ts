import { z } from 'zod'
import { toHalfWidth } from './half-width'

/**
 * Taiwan area codes and the lengths of the local numbers behind them. Codes overlap (08, 082, 0826),
 * and the longest one that fits is the right reading: a dialling plan is prefix-free, so no 08
 * number can start with the 2 that routes to Kinmen (082). Local numbers never start with 0 or 1.
 */
const localLengths: Readonly<Record<string, readonly number[]>> = {
  '02': [8],
  '03': [7],
  '037': [6],
  '04': [7, 8],
  '049': [7],
  '05': [7],
  '06': [7],
  '07': [7],
  '08': [7],
  '082': [6],
  '0826': [5],
  '0836': [5],
  '089': [6],
}
const areaCodesLongestFirst = Object.keys(localLengths).sort((a, b) => b.length - a.length)

const EXTENSION_MARK = /#|分機|轉|ext\.?|x/i
const LANDLINE = /^(0\d{1,3})-([2-9]\d{4,7})(?:#(\d{1,6}))?$/
const MOBILE = /^09\d{8}$/

function formatDigits(digits: string): string {
  // 08 and 083 may still become 082 or 0836: wait for the digit that decides.
  if (areaCodesLongestFirst.some((code) => code.length > digits.length && code.startsWith(digits))) return digits
  const area = areaCodesLongestFirst.find((code) => digits.startsWith(code))
  const local = area ? digits.slice(area.length) : ''
  // A 0 or 1 after the code means a service number such as 0800, which has no area code.
  if (!area || !/^[2-9]/.test(local)) return digits
  return `${area}-${local}`
}

/**
 * Formats a landline while it is typed: `0225505500` → `02-25505500`, `(02)2550-5500 分機 12` →
 * `02-25505500#12`. Anything it cannot read as an area code plus number is returned as digits, so
 * the user's input is never lost; isValidLandline decides whether it is acceptable.
 */
export function formatLandline(raw: string): string {
  const text = toHalfWidth(raw)
  const mark = EXTENSION_MARK.exec(text)
  const main = mark ? text.slice(0, mark.index) : text
  const formatted = formatDigits(main.replace(/\D/g, ''))
  if (!mark) return formatted
  return `${formatted}#${text.slice(mark.index + mark[0].length).replace(/\D/g, '')}`
}

/** Canonical form only (what formatLandline produces), with a local number of the right length. */
export function isValidLandline(value: string, options: { allowExtension?: boolean } = {}): boolean {
  const match = LANDLINE.exec(value)
  if (!match || formatLandline(value) !== value) return false
  if (match[3] !== undefined && options.allowExtension === false) return false
  return localLengths[match[1]]?.includes(match[2].length) ?? false
}

/** `+886 912-345-678`, `0912 345 678` → `0912345678`; anything else comes back as its digits. */
export function normalizeMobile(raw: string): string {
  const digits = toHalfWidth(raw).replace(/\D/g, '')
  return digits.startsWith('8869') && digits.length === 12 ? `0${digits.slice(3)}` : digits
}

export function isValidMobile(value: string): boolean {
  return MOBILE.test(value)
}

export const landlineSchema = z
  .string({ message: 'required' })
  .overwrite(formatLandline)
  .refine((v) => isValidLandline(v), { message: 'invalidPhone' })

/** Fax numbers have no extension. */
export const faxSchema = z
  .string({ message: 'required' })
  .overwrite(formatLandline)
  .refine((v) => isValidLandline(v, { allowExtension: false }), { message: 'invalidPhone' })

export const mobileSchema = z
  .string({ message: 'required' })
  .overwrite(normalizeMobile)
  .regex(MOBILE, { message: 'invalidMobile' })
