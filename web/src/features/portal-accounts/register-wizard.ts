import { accountIdFor, portalAttributes, registerRequest, type CardAnswer, type CardCheckResponse, type PortalCategory, type RegisterRequest } from '@core/contracts/portal'
import { validate, type FieldIssue } from '@web/app/validation'
import { parseBirthDate } from './birth-date'

/** Seed 001's five steps, in order; the indicator always shows all five. */
export const wizardSteps = ['category', 'card', 'basic', 'company', 'done'] as const
export type WizardStep = (typeof wizardSteps)[number]

/** An individual has no company data: step 4 is skipped, and step 3 submits. */
export function stepsFor(category: PortalCategory): WizardStep[] {
  return category === 'company' ? [...wizardSteps] : wizardSteps.filter((step) => step !== 'company')
}

export function nextStep(step: WizardStep, category: PortalCategory): WizardStep | null {
  const steps = stepsFor(category)
  return steps[steps.indexOf(step) + 1] ?? null
}

export function previousStep(step: WizardStep, category: PortalCategory): WizardStep | null {
  const steps = stepsFor(category)
  return steps.indexOf(step) > 0 ? steps[steps.indexOf(step) - 1] : null
}

/** The step whose button sends the registration: the last one before 註冊完成. */
export function submitStep(category: PortalCategory): WizardStep {
  return category === 'company' ? 'company' : 'basic'
}

type IndividualAttribute = (typeof portalAttributes.individual)[number]
type CompanyAttribute = (typeof portalAttributes.company)[number]

/** What the person types; the birth date stays as typed (民國 or Gregorian) until it is sent. */
export interface RegisterDraft {
  category: PortalCategory
  attribute: string
  email: string
  contactName: string
  idNumber: string
  birthDate: string
  phone: string
  address: string
  password: string
  passwordConfirm: string
  ubn: string
  companyName: string
  representative: string
  companyPhone: string
  companyAddress: string
}
export type DraftField = Exclude<keyof RegisterDraft, 'category' | 'attribute'>

export function emptyDraft(category: PortalCategory = 'individual'): RegisterDraft {
  const blank = { email: '', contactName: '', idNumber: '', birthDate: '', phone: '', address: '', password: '', passwordConfirm: '' }
  return { category, attribute: portalAttributes[category][0], ...blank, ubn: '', companyName: '', representative: '', companyPhone: '', companyAddress: '' }
}

/** The fields each data step shows, in their order on the page (seed 001 step 3; step 4 for companies). */
export const stepFields: Record<'basic' | 'company', Record<PortalCategory, readonly DraftField[]>> = {
  basic: {
    individual: ['email', 'contactName', 'idNumber', 'birthDate', 'phone', 'address', 'password', 'passwordConfirm'],
    company: ['ubn', 'email', 'contactName', 'phone', 'address', 'password', 'passwordConfirm'],
  },
  company: { individual: [], company: ['companyName', 'representative', 'companyPhone', 'companyAddress'] },
}

/** The generated, read-only account id: an individual's e-mail, a company's UBN. */
export function accountIdOf(draft: RegisterDraft): string {
  return accountIdFor(draft)
}

/** The request body, with only the chosen category's fields (the contract refuses the others; it also checks the attribute). */
export function toRegisterInput(draft: RegisterDraft, answer: CardAnswer): RegisterRequest {
  const common = { ...answer, email: draft.email, contactName: draft.contactName, phone: draft.phone, address: draft.address, password: draft.password, passwordConfirm: draft.passwordConfirm }
  if (draft.category === 'individual') {
    return { category: 'individual', attribute: draft.attribute as IndividualAttribute, ...common, idNumber: draft.idNumber, birthDate: parseBirthDate(draft.birthDate) ?? draft.birthDate }
  }
  const { ubn, companyName, representative, companyPhone, companyAddress } = draft
  return { category: 'company', attribute: draft.attribute as CompanyAttribute, ...common, ubn, companyName, representative, companyPhone, companyAddress }
}

// Validation runs before the card has signed anything; the card fields are checked by the server.
const unsignedAnswer: CardAnswer = { nonce: '-', certificate: '-', signature: '-' }

/**
 * The issues of the given fields, by the same schema the server applies. The password confirmation is
 * compared here too: zod skips the contract's refinement while any other field is still invalid.
 */
export function draftIssues(draft: RegisterDraft, fields: readonly string[]): Record<string, FieldIssue> {
  const result = validate(registerRequest, toRegisterInput(draft, unsignedAnswer))
  const issues = result.ok ? {} : result.issues
  const out: Record<string, FieldIssue> = {}
  for (const field of fields) if (issues[field]) out[field] = issues[field]
  if (fields.includes('passwordConfirm') && !out.passwordConfirm && draft.passwordConfirm !== draft.password) out.passwordConfirm = { key: 'passwordMismatch' }
  return out
}

/** The step where a field is typed, to take the person back to a field the server refused. */
export function stepOfField(field: string, category: PortalCategory): WizardStep {
  if (field === 'category' || field === 'attribute') return 'category'
  if (stepFields.company[category].includes(field as DraftField)) return 'company'
  return 'basic'
}

export function firstStepWithErrors(fields: readonly string[], category: PortalCategory): WizardStep | null {
  const steps = fields.map((field) => stepOfField(field, category))
  return wizardSteps.find((step) => steps.includes(step)) ?? null
}

/** What the card already says fills the fields it can: the person's name, the company's UBN and name. */
export function prefillFromCard(draft: RegisterDraft, card: CardCheckResponse): Partial<RegisterDraft> {
  if (draft.category === 'individual') return card.name && !draft.contactName ? { contactName: card.name } : {}
  return { ...(card.ubn && !draft.ubn ? { ubn: card.ubn } : {}), ...(card.name && !draft.companyName ? { companyName: card.name } : {}) }
}
