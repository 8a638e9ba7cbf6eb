import { dc02Request, draftRequest } from '@core/contracts/applications'
import { describe, expect, it } from 'vitest'
import { validate } from '@web/app/validation'
import { draftBody, emptyForm, firstErrorField, isFieldShown, submitBody, typingNormalizers, withRequiredChoices, type Dc02Form } from './dc02-form'

const keyed: Dc02Form = {
  ...emptyForm(),
  ubn: '52111891', companyName: '基隆港通報關股份有限公司', phone: '02-24201234',
  contactName: '陳小姐', contactPhone: '02-24201234#12', contactMobile: '0912345678', contactEmail: 'chen@example.com',
  service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'personal', boxNo: 'K01',
  brokerCode: 'A00001', brokerNationalId: 'A115881394', privacyConsent: true,
}

describe('the DC02 keying form', () => {
  it('formats and upper-cases what is typed', () => {
    expect(typingNormalizers.phone!('0224201234')).toBe('02-24201234')
    expect(typingNormalizers.contactMobile!('0912 345 678')).toBe('0912345678')
    expect(typingNormalizers.ubn!('５２１１ 1891x')).toBe('52111891')
    expect(typingNormalizers.brokerCode!('ａ00001')).toBe('A00001')
    expect(typingNormalizers.brokerNationalId!('a115881394')).toBe('A115881394')
    expect(typingNormalizers.boxNo!('k0 1')).toBe('K01')
    expect(typingNormalizers.targetSerial!('1A:2B 3C')).toBe('1a2b3c')
  })

  it('shows the broker fields for the personal kind and the serial for services other than new', () => {
    expect(isFieldShown(keyed, 'brokerCode')).toBe(true)
    expect(isFieldShown({ ...keyed, kind: 'corporate' }, 'brokerNationalId')).toBe(false)
    expect(isFieldShown(keyed, 'targetSerial')).toBe(false)
    expect(isFieldShown({ ...keyed, service: 'renew' }, 'targetSerial')).toBe(true)
  })

  it('builds a submission the shared contract accepts, with hidden fields sent as null', () => {
    const body = submitBody({ ...keyed, kind: 'corporate', targetSerial: 'ff' })
    expect(body).toMatchObject({ brokerCode: null, brokerNationalId: null, targetSerial: null, fax: null })
    expect(validate(dc02Request, body).ok).toBe(true)
  })

  it('names every missing field of an empty form, the first one first', () => {
    const result = validate(dc02Request, submitBody(emptyForm()))
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(Object.keys(result.issues)).toEqual(expect.arrayContaining(['ubn', 'companyName', 'contactName', 'officeCode', 'boxNo', 'privacyConsent']))
    expect(result.issues.companyName.key).toBe('required')
    expect(firstErrorField(result.issues)).toBe('ubn')
  })

  it('saves a partial draft: empty required fields left out, empty optional ones cleared', () => {
    const body = draftBody({ ...emptyForm(), ubn: '52111891', phone: '' })
    expect(body).toEqual({ ubn: '52111891', phone: null, fax: null, representative: null, representativePhone: null, service: 'new', brokerCode: null, brokerNationalId: null, targetSerial: null, privacyConsent: false })
    expect(validate(draftRequest, body).ok).toBe(true)
    expect(validate(draftRequest, draftBody({ ...emptyForm(), ubn: '52111892' })).ok).toBe(false)
  })
})

describe('choices not made yet', () => {
  it('are reported as required rather than as an unknown value', () => {
    const result = validate(dc02Request, submitBody({ ...keyed, officeCode: '', kind: '' }))
    if (result.ok) throw new Error('expected issues')
    expect(result.issues.officeCode.key).toBe('unknownOffice')
    const shown = withRequiredChoices(result.issues, { ...keyed, officeCode: '', kind: '' })
    expect(shown.officeCode.key).toBe('required')
    expect(shown.kind.key).toBe('required')
  })
})
