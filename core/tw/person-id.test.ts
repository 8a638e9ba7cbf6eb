import { describe, expect, it } from 'vitest'
import { isValidNationalId, makeNationalId } from './national-id'
import { isValidPersonId, maskPersonId, nationalIdSchema, normalizePersonId, personIdKind, personIdSchema } from './person-id'
import { hasValidPersonIdCheckDigit, personIdLetterCode } from './person-id-checksum'
import { isValidNewResidentId, isValidOldResidentId, residentCategory } from './resident-id'

const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('')

function withDigit(value: string, index: number, digit: number): string {
  return `${value.slice(0, index)}${digit}${value.slice(index + 1)}`
}

describe('national ID', () => {
  it('computes the published example A123456789', () => {
    expect(makeNationalId('A', 1, '2345678')).toBe('A123456789')
  })

  it('uses the out-of-order codes for I, O, W and Z', () => {
    expect([personIdLetterCode('I'), personIdLetterCode('O'), personIdLetterCode('W'), personIdLetterCode('Z')]).toEqual([34, 35, 32, 33])
    // Real-format IDs whose check digit only works with those codes.
    expect(isValidNationalId('W102012661')).toBe(true)
    expect(isValidNationalId('O158238845')).toBe(true)
  })

  it('makes valid IDs for every letter and both genders, and only one check digit fits', () => {
    for (const letter of letters) {
      for (const gender of [1, 2] as const) {
        const id = makeNationalId(letter, gender, '0314159')
        expect(isValidNationalId(id), id).toBe(true)
        const wrong = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => isValidNationalId(withDigit(id, 9, d)))
        expect(wrong).toEqual([Number(id[9])])
      }
    }
  })

  it('catches every single changed digit where the weight is coprime to 10', () => {
    const id = 'F131104093'
    // Weights by index: 2→7, 6→3, 8→1, 9 (the check digit itself)→1.
    for (const index of [2, 6, 8, 9]) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) !== id[index]) expect(isValidNationalId(withDigit(id, index, d)), `${index}:${d}`).toBe(false)
      }
    }
  })

  it('has blind spots at even weights, so a typo there can pass (the records check must catch it)', () => {
    // Index 4 has weight 5: adding 2 changes the sum by 10.
    expect(isValidNationalId('F131104093')).toBe(true)
    expect(isValidNationalId('F131304093')).toBe(true)
  })

  it('rejects a gender digit other than 1 or 2 even with a matching check digit', () => {
    // A3… with the right check digit for 3 in the second place.
    const forged = makeNationalId('A', 1, '2345678').replace(/^A1/, 'A3')
    expect(isValidNationalId(forged)).toBe(false)
  })

  it('refuses bad input to makeNationalId', () => {
    expect(() => makeNationalId('a', 1, '2345678')).toThrow(RangeError)
    expect(() => makeNationalId('A', 3 as 1, '2345678')).toThrow(RangeError)
    expect(() => makeNationalId('A', 1, '234567')).toThrow(RangeError)
  })
})

describe('resident certificate numbers', () => {
  it('checks the old two-letter format, folding the second letter into the sum', () => {
    expect(isValidOldResidentId('AC01234567')).toBe(true)
    expect(isValidOldResidentId('AC01234565')).toBe(false)
    expect(isValidOldResidentId('CC00151114')).toBe(true)
  })

  it('allows only A–D as the second letter of the old format', () => {
    // The check digit of AE23456785 is right; only the letter E makes it invalid.
    expect(hasValidPersonIdCheckDigit('AE23456785')).toBe(true)
    expect(isValidOldResidentId('AE23456785')).toBe(false)
  })

  it('checks the 2021 format (8 or 9 in second place) and reads the holder category', () => {
    expect(isValidNewResidentId('A800000014')).toBe(true)
    expect(isValidNewResidentId('A800000015')).toBe(false)
    expect(residentCategory('A800000014')).toBe('foreignOrStateless')
    expect(residentCategory('A870000015')).toBe('nationalWithoutHousehold')
    expect(residentCategory('A880000018')).toBe('hongKongMacao')
    expect(residentCategory('A890000011')).toBe('mainlandChina')
    expect(residentCategory('A123456789')).toBeNull()
  })
})

describe('any person ID', () => {
  it('classifies by shape', () => {
    expect(personIdKind('A123456789')).toBe('nationalId')
    expect(personIdKind('A123456788')).toBe('nationalId')
    expect(personIdKind('A800000014')).toBe('newResidentId')
    expect(personIdKind('AC01234567')).toBe('oldResidentId')
    expect(personIdKind('A323456789')).toBeNull()
    expect(personIdKind('a123456789')).toBeNull()
  })

  it('accepts the three kinds and only the canonical form', () => {
    expect(['A123456789', 'A800000014', 'AC01234567'].map(isValidPersonId)).toEqual([true, true, true])
    expect(isValidPersonId('a123456789')).toBe(false)
    expect(isValidPersonId(' A123456789')).toBe(false)
    expect(isValidPersonId(normalizePersonId(' ａ１２３４５６７８９ '))).toBe(true)
  })

  it('masks the middle four characters', () => {
    expect(maskPersonId('A123456789')).toBe('A12****789')
    expect(maskPersonId('ac01234567')).toBe('AC0****567')
    expect(maskPersonId('A12')).toBe('***')
  })

  it('schemas normalise, then report shape before check digit', () => {
    expect(personIdSchema.parse(' a123456789 ')).toBe('A123456789')
    expect(personIdSchema.safeParse('A12345678').error?.issues.map((i) => i.message)).toEqual(['personIdFormat'])
    expect(personIdSchema.safeParse('A123456788').error?.issues.map((i) => i.message)).toEqual(['invalidPersonId'])
    expect(nationalIdSchema.safeParse('A800000014').error?.issues.map((i) => i.message)).toEqual(['nationalIdFormat'])
    expect(personIdSchema.safeParse(12).error?.issues.map((i) => i.message)).toEqual(['required'])
  })
})
