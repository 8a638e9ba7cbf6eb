import { describe, expect, it } from 'vitest'
import { dc02Request, draftRequest } from './applications'

const form = {
  ubn: '52111891', companyName: '基隆港通報關股份有限公司', phone: '0224201234#12', fax: '', representative: '許文雄', representativePhone: '',
  contactName: '陳小姐', contactPhone: '02-24201234', contactMobile: '0912345678', contactEmail: 'contact@example.com',
  service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'personal', boxNo: 'k01', brokerCode: 'a00001', brokerNationalId: 'a115881394', privacyConsent: true,
}
const issues = (input: unknown) => {
  const r = dc02Request.safeParse(input)
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]))
}

describe('the DC02 form', () => {
  it('normalises what a clerk types: phone formats, upper-case IDs and codes', () => {
    const v = dc02Request.parse(form)
    expect(v).toMatchObject({ phone: '02-24201234#12', fax: null, representativePhone: null, boxNo: 'K01', brokerCode: 'A00001', brokerNationalId: 'A115881394', targetSerial: null })
  })

  it('names each invalid field with its own message', () => {
    expect(issues({ ...form, ubn: '52111892', contactMobile: '0212345678', contactEmail: 'x', boxNo: 'K1', privacyConsent: false })).toEqual({
      ubn: 'invalidUbn', contactMobile: 'invalidMobile', contactEmail: 'invalidEmail', boxNo: 'boxNoFormat', privacyConsent: 'privacyConsentRequired',
    })
  })

  it('needs the broker for a personal certificate, with the office letter, and a target for other services', () => {
    expect(issues({ ...form, brokerCode: '', brokerNationalId: '' })).toEqual({ brokerCode: 'required', brokerNationalId: 'required' })
    expect(issues({ ...form, officeCode: 'CA' })).toEqual({ brokerCode: 'brokerOfficeMismatch' })
    expect(issues({ ...form, service: 'revoke' })).toEqual({ targetSerial: 'required' })
  })

  it('lets a draft be incomplete but not wrong', () => {
    expect(draftRequest.safeParse({ ubn: '52111891' }).success).toBe(true)
    expect(draftRequest.safeParse({ ubn: '52111892' }).success).toBe(false)
  })
})
