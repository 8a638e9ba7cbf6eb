import { describe, expect, it } from 'vitest'
import { registerRequest } from '@core/contracts/portal'
import { accountIdOf, draftIssues, emptyDraft, firstStepWithErrors, nextStep, prefillFromCard, previousStep, stepFields, stepsFor, submitStep, toRegisterInput, type RegisterDraft } from './register-wizard'

const answer = { nonce: 'n', certificate: 'c', signature: 's' }
const person: RegisterDraft = {
  ...emptyDraft('individual'),
  email: 'Wang@Example.tw', contactName: '王建民', idNumber: 'A115881394', birthDate: '75/03/12', phone: '0912345678', address: '臺北市中正區', password: 'Portal-pass-1', passwordConfirm: 'Portal-pass-1',
}
const company: RegisterDraft = {
  ...emptyDraft('company'),
  ubn: '52111891', email: 'c@example.tw', contactName: '陳小明', phone: '02-25505500', address: '基隆市', password: 'Portal-pass-1', passwordConfirm: 'Portal-pass-1',
  companyName: '基隆港通報關股份有限公司', representative: '林大同', companyPhone: '02-24202951', companyAddress: '基隆市中正區',
}

describe('the steps', () => {
  it('walks a company through all five steps and lets an individual skip the company data', () => {
    expect(stepsFor('company')).toEqual(['category', 'card', 'basic', 'company', 'done'])
    expect(stepsFor('individual')).toEqual(['category', 'card', 'basic', 'done'])
    expect(nextStep('basic', 'individual')).toBe('done')
    expect(nextStep('basic', 'company')).toBe('company')
    expect(previousStep('done', 'individual')).toBe('basic')
    expect(previousStep('category', 'company')).toBeNull()
    expect(nextStep('done', 'company')).toBeNull()
  })

  it('submits from the last data step', () => {
    expect(submitStep('individual')).toBe('basic')
    expect(submitStep('company')).toBe('company')
  })
})

describe('the draft', () => {
  it('starts with the first attribute of its category', () => {
    expect(emptyDraft('individual').attribute).toBe('general')
    expect(emptyDraft('company').attribute).toBe('general')
  })

  it('generates the account id: the e-mail for a person, the UBN for a company', () => {
    expect(accountIdOf(person)).toBe('wang@example.tw')
    expect(accountIdOf(company)).toBe('52111891')
  })

  it('becomes a request the contract accepts, with the 民國 birth date sent as ISO and no other category fields', () => {
    const personBody = toRegisterInput(person, answer)
    expect(registerRequest.safeParse(personBody).success).toBe(true)
    expect(personBody).toMatchObject({ category: 'individual', birthDate: '1986-03-12' })
    expect(personBody).not.toHaveProperty('ubn')
    const companyBody = toRegisterInput(company, answer)
    expect(registerRequest.safeParse(companyBody).success).toBe(true)
    expect(companyBody).not.toHaveProperty('idNumber')
  })
})

describe('draftIssues', () => {
  it('finds nothing wrong with complete data', () => {
    expect(draftIssues(person, stepFields.basic.individual)).toEqual({})
    expect(draftIssues(company, [...stepFields.basic.company, ...stepFields.company.company])).toEqual({})
  })

  it("reports only the asked fields, with the shared schema's message keys", () => {
    const draft = { ...person, email: 'not-an-email', idNumber: 'A123', birthDate: '75/02/30', password: 'short' }
    expect(draftIssues(draft, ['email'])).toEqual({ email: { key: 'invalidEmail' } })
    const issues = draftIssues(draft, stepFields.basic.individual)
    expect(Object.keys(issues).sort()).toEqual(['birthDate', 'email', 'idNumber', 'password', 'passwordConfirm'])
    expect(issues.birthDate.key).toBe('invalidDate')
    expect(issues.password.key).toBe('passwordRule')
  })

  it('checks the confirmation even while other steps are still empty', () => {
    const draft = { ...emptyDraft('company'), password: 'Portal-pass-1', passwordConfirm: 'Portal-pass-2' }
    expect(draftIssues(draft, ['passwordConfirm'])).toEqual({ passwordConfirm: { key: 'passwordMismatch' } })
    expect(draftIssues({ ...draft, passwordConfirm: 'Portal-pass-1' }, ['passwordConfirm'])).toEqual({})
  })
})

describe('server errors and the card', () => {
  it("takes the person back to the first step holding a refused field", () => {
    expect(firstStepWithErrors(['contactName', 'idNumber'], 'individual')).toBe('basic')
    expect(firstStepWithErrors(['companyPhone', 'ubn'], 'company')).toBe('basic')
    expect(firstStepWithErrors(['companyPhone'], 'company')).toBe('company')
    expect(firstStepWithErrors([], 'company')).toBeNull()
  })

  it("fills what the card says and keeps what the person typed", () => {
    const card = { kind: 'moica' as const, name: '王建民', ubn: null, idLast4: '1394', serialHex: '01', notAfter: '2030-01-01' }
    expect(prefillFromCard(emptyDraft('individual'), card)).toEqual({ contactName: '王建民' })
    expect(prefillFromCard({ ...emptyDraft('individual'), contactName: '王小明' }, card)).toEqual({})
    const companyCard = { ...card, kind: 'moeaca' as const, name: '北辰報關股份有限公司', ubn: '61611290', idLast4: null }
    expect(prefillFromCard(emptyDraft('company'), companyCard)).toEqual({ ubn: '61611290', companyName: '北辰報關股份有限公司' })
  })
})
