import { describe, expect, it } from 'vitest'
import { emptyForm } from './dc02-form'
import { prefillFromFirm, recordDifferences, type FirmPrefill } from './firm-record'

const firm: FirmPrefill = {
  ubn: '52111891', name: '基隆港通報關股份有限公司', representative: '許文雄', phone: '0224201234', officeCode: 'AA', boxNo: 'k01',
}

describe('firm record prefill and hints', () => {
  it('fills the empty company fields from the record', () => {
    expect(prefillFromFirm({ ...emptyForm(), ubn: '52111891' }, firm)).toEqual({
      companyName: '基隆港通報關股份有限公司', phone: '02-24201234', representative: '許文雄', officeCode: 'AA', boxNo: 'K01',
    })
  })

  it('never overwrites what the clerk typed, but replaces what an earlier record filled in', () => {
    const form = { ...emptyForm(), ubn: '52111891', companyName: '基隆港通報關公司', boxNo: 'K09' }
    expect(prefillFromFirm(form, firm)).not.toHaveProperty('companyName')
    expect(prefillFromFirm(form, firm, { boxNo: 'K09' })).toMatchObject({ boxNo: 'K01' })
  })

  it('shows where the keyed values differ from the record', () => {
    const form = { ...emptyForm(), ubn: '52111891', companyName: '基隆港通報關公司', phone: '02-24201234', representative: '', officeCode: 'CA' as const, boxNo: 'k01' }
    expect(recordDifferences(form, firm)).toEqual({ companyName: '基隆港通報關股份有限公司', representative: '許文雄', officeCode: 'AA' })
  })

  it('compares only with the record of the UBN on the form', () => {
    expect(recordDifferences({ ...emptyForm(), ubn: '82656552' }, firm)).toEqual({})
    expect(recordDifferences(emptyForm(), null)).toEqual({})
  })
})
