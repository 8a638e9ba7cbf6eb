import { describe, expect, it } from 'vitest'
import { focusStops, nextField, shouldAdvance, type FocusCandidate } from './enter-navigation'

const input = { tagName: 'INPUT', type: 'text' }

describe('Enter moves to the next field', () => {
  it('advances on a plain Enter in an input, a radio or a checkbox', () => {
    expect(shouldAdvance({ key: 'Enter' }, input)).toBe(true)
    expect(shouldAdvance({ key: 'Enter' }, { tagName: 'input', type: 'radio' })).toBe(true)
    expect(shouldAdvance({ key: 'Enter' }, { tagName: 'INPUT', type: 'checkbox' })).toBe(true)
  })

  it('leaves the Enter that commits Chinese input-method text alone', () => {
    expect(shouldAdvance({ key: 'Enter', isComposing: true }, input)).toBe(false)
    expect(shouldAdvance({ key: 'Enter', keyCode: 229 }, input)).toBe(false)
  })

  it('ignores other keys, modified Enter, textareas, buttons and file pickers', () => {
    expect(shouldAdvance({ key: 'Tab' }, input)).toBe(false)
    expect(shouldAdvance({ key: 'Enter', shiftKey: true }, input)).toBe(false)
    expect(shouldAdvance({ key: 'Enter', ctrlKey: true }, input)).toBe(false)
    expect(shouldAdvance({ key: 'Enter' }, { tagName: 'TEXTAREA' })).toBe(false)
    expect(shouldAdvance({ key: 'Enter' }, { tagName: 'BUTTON' })).toBe(false)
    expect(shouldAdvance({ key: 'Enter' }, { tagName: 'INPUT', type: 'submit' })).toBe(false)
    expect(shouldAdvance({ key: 'Enter' }, { tagName: 'INPUT', type: 'file' })).toBe(false)
  })

  const fields: FocusCandidate<string>[] = [
    { el: 'ubn' },
    { el: 'new', group: 'service', checked: false },
    { el: 'renew', group: 'service', checked: true },
    { el: 'AA', group: 'office' },
    { el: 'CA', group: 'office' },
    { el: 'boxNo' },
    { el: 'consent' },
  ]

  it('treats a radio group as one stop, landing on its checked radio or else its first', () => {
    expect(focusStops(fields).map((s) => s.target)).toEqual(['ubn', 'renew', 'AA', 'boxNo', 'consent'])
    expect(nextField(fields, 'ubn')).toBe('renew')
    expect(nextField(fields, 'new')).toBe('AA')
    expect(nextField(fields, 'CA')).toBe('boxNo')
  })

  it('goes nowhere from the last field, so Enter there cannot submit', () => {
    expect(nextField(fields, 'consent')).toBeNull()
    expect(nextField(fields, 'elsewhere')).toBeNull()
  })
})
