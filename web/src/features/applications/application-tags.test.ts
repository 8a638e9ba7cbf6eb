import { describe, expect, it } from 'vitest'
import { applicationStates, checkResultTag, checkValueText, statusCode, statusTag } from './application-tags'

describe('status and check tags', () => {
  it('gives every state a colour, its code and its name', () => {
    expect(statusTag('00')).toMatchObject({ type: 'warning', code: '00', name: { 'zh-TW': '待審核' } })
    expect(statusTag('R0').type).toBe('danger')
    expect(statusTag('A0').type).toBe('success')
    expect(statusTag('10')).toMatchObject({ type: 'primary', name: { 'zh-TW': '送出申請，待繳費' } })
    expect(statusTag('draft')).toMatchObject({ type: 'info', code: '--' })
    for (const state of applicationStates) expect(statusTag(state).name['zh-TW']).not.toBe('')
    expect([statusCode('draft', 'zh-TW'), statusCode('00', 'zh-TW'), statusCode(null, 'en')]).toEqual(['草稿', '00', '—'])
  })

  it('marks check results with a symbol as well as a colour', () => {
    expect(checkResultTag('pass')).toEqual({ type: 'success', symbol: '✓' })
    expect(checkResultTag('warn')).toEqual({ type: 'warning', symbol: '!' })
    expect(checkResultTag('fail')).toEqual({ type: 'danger', symbol: '✗' })
  })

  it('shows office and business codes of the checks by name', () => {
    expect(checkValueText('officeMatches', 'AA', 'zh-TW')).toBe('基隆關 (AA)')
    expect(checkValueText('licenceActive', 'customs-broker', 'zh-TW')).toBe('報關業(含自行報關)')
    expect(checkValueText('licenceActive', 'transport: suspended', 'en')).toBe('Transport：suspended')
    expect(checkValueText('brokerQualified', 'disqualified', 'zh-TW')).toBe('喪失資格')
    expect(checkValueText('boxNo', 'K01', 'zh-TW')).toBe('K01')
    expect(checkValueText('firmExists', null, 'zh-TW')).toBe('')
  })
})
