import { describe, expect, it } from 'vitest'
import { faxSchema, formatLandline, isValidLandline, isValidMobile, landlineSchema, mobileSchema, normalizeMobile } from './phone'

/** What the field shows after each keystroke of `typed`. */
function typeInto(typed: string): string[] {
  const shown: string[] = []
  let value = ''
  for (const ch of typed) {
    value = formatLandline(value + ch)
    shown.push(value)
  }
  return shown
}

describe('formatLandline as you type', () => {
  it('adds the dash once a digit follows a two-digit area code', () => {
    expect(typeInto('0225505500')).toEqual([
      '0', '02', '02-2', '02-25', '02-255', '02-2550', '02-25505', '02-255055', '02-2550550', '02-25505500',
    ])
  })

  it('waits while a longer area code is still possible', () => {
    expect(typeInto('0826912')).toEqual(['0', '08', '082', '0826', '0826-9', '0826-91', '0826-912'])
    expect(typeInto('0823')).toEqual(['0', '08', '082', '082-3'])
    expect(typeInto('087')).toEqual(['0', '08', '08-7'])
    expect(typeInto('0892')).toEqual(['0', '08', '089', '089-2'])
    expect(typeInto('08362')).toEqual(['0', '08', '083', '0836', '0836-2'])
  })

  it('handles every area code', () => {
    const cases: Record<string, string> = {
      '0225505500': '02-25505500',
      '033345678': '03-3345678',
      '037321234': '037-321234',
      '0422345678': '04-22345678',
      '047123456': '04-7123456',
      '0492345678': '049-2345678',
      '052345678': '05-2345678',
      '062345678': '06-2345678',
      '072345678': '07-2345678',
      '087654321': '08-7654321',
      '082312345': '082-312345',
      '082691234': '0826-91234',
      '083621234': '0836-21234',
      '089321234': '089-321234',
    }
    for (const [raw, formatted] of Object.entries(cases)) {
      expect(formatLandline(raw), raw).toBe(formatted)
      expect(isValidLandline(formatted), formatted).toBe(true)
    }
  })

  it('keeps the extension and reads the usual ways of writing it', () => {
    expect(typeInto('0225505500#12').slice(-3)).toEqual(['02-25505500#', '02-25505500#1', '02-25505500#12'])
    expect(formatLandline('(02)2550-5500 分機 1234')).toBe('02-25505500#1234')
    expect(formatLandline('02 2550 5500 ext. 12')).toBe('02-25505500#12')
    expect(formatLandline('０２－２５５０５５００＃１２')).toBe('02-25505500#12')
  })

  it('leaves what is not a landline as digits', () => {
    expect(formatLandline('0800299889')).toBe('0800299889')
    expect(formatLandline('0912345678')).toBe('0912345678')
    expect(formatLandline('25505500')).toBe('25505500')
    expect(formatLandline('')).toBe('')
  })
})

describe('isValidLandline', () => {
  it('checks the local number length for the area code', () => {
    expect(isValidLandline('02-2550550')).toBe(false)
    expect(isValidLandline('02-255055001')).toBe(false)
    expect(isValidLandline('04-7123456')).toBe(true)
    expect(isValidLandline('037-3212345')).toBe(false)
  })

  it('accepts only the canonical form', () => {
    expect(isValidLandline('0225505500')).toBe(false)
    expect(isValidLandline('(02)25505500')).toBe(false)
    expect(isValidLandline('08-2312345')).toBe(false) // that is Kinmen: 082-312345
    expect(isValidLandline('02-05505500')).toBe(false)
  })

  it('allows an extension unless told not to', () => {
    expect(isValidLandline('02-25505500#1234')).toBe(true)
    expect(isValidLandline('02-25505500#')).toBe(false)
    expect(isValidLandline('02-25505500#1234', { allowExtension: false })).toBe(false)
    expect(isValidLandline('02-25505500', { allowExtension: false })).toBe(true)
  })

  it('schemas format before they check', () => {
    expect(landlineSchema.parse('(02)2550-5500#1234')).toBe('02-25505500#1234')
    expect(faxSchema.safeParse('02-25505500#1').error?.issues.map((i) => i.message)).toEqual(['invalidPhone'])
    expect(landlineSchema.safeParse('0800299889').error?.issues.map((i) => i.message)).toEqual(['invalidPhone'])
  })
})

describe('mobile', () => {
  it('accepts 09 and 8 digits only', () => {
    expect(isValidMobile('0900123456')).toBe(true)
    expect(isValidMobile('0800123456')).toBe(false)
    expect(isValidMobile('090012345')).toBe(false)
    expect(isValidMobile('0900-123-456')).toBe(false)
  })

  it('normalises spacing, dashes and the +886 prefix', () => {
    expect(normalizeMobile('0900-123-456')).toBe('0900123456')
    expect(normalizeMobile('+886 900 123 456')).toBe('0900123456')
    expect(normalizeMobile('+886-2-25505500')).toBe('886225505500')
    expect(mobileSchema.parse(' ０９００ １２３ ４５６ ')).toBe('0900123456')
    expect(mobileSchema.safeParse('02-25505500').error?.issues.map((i) => i.message)).toEqual(['invalidMobile'])
  })
})
