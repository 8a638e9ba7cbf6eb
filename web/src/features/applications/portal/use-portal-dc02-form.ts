import { dc02Request } from '@core/contracts/applications'
import { computed, reactive, ref } from 'vue'
import { isApiError } from '@web/app/api'
import { useFormErrors } from '@web/app/use-form-errors'
import { validate } from '@web/app/validation'
import { dc02Fields, emptyForm, submitBody, typingNormalizers, withRequiredChoices, type Dc02Field, type Dc02Form, type Dc02TextField } from '../dc02-form'

/**
 * The DC02 form as a company fills it online: the review desk's field rules and normalisers (dc02-form.ts),
 * validated live with the shared contract (a field once left, or once wrong, is checked as it is typed), the
 * UBN fixed to the signed-in company. No firm-record lookup: that is the review desk's, not the applicant's.
 */
export function usePortalDc02Form(company: { ubn: string; companyName: string }) {
  const form = reactive<Dc02Form>({ ...emptyForm(), ubn: company.ubn, companyName: company.companyName })
  const initial = JSON.stringify(form)
  const dirty = computed(() => JSON.stringify(form) !== initial)
  const errors = useFormErrors()
  const touched = new Set<Dc02Field>()
  const serverErrors = ref<Record<string, string>>({})

  function revalidate() {
    const result = validate(dc02Request, submitBody(form))
    const issues = result.ok ? {} : withRequiredChoices(result.issues, form)
    errors.setIssues(Object.fromEntries(Object.entries(issues).filter(([field]) => touched.has(field as Dc02Field))))
  }

  function set(field: Dc02TextField, value: string) {
    if (field === 'ubn') return // fixed: the signed-in company's
    const normalize = typingNormalizers[field]
    ;(form as unknown as Record<string, string>)[field] = normalize ? normalize(value) : value
    if (serverErrors.value[field]) serverErrors.value = Object.fromEntries(Object.entries(serverErrors.value).filter(([key]) => key !== field))
    if (touched.has(field)) revalidate()
  }

  function touch(field: Dc02Field) {
    touched.add(field)
    revalidate()
  }

  /** Checks every field (before signing); returns the fields in error, empty when the form is complete. */
  function validateAll(): Dc02Field[] {
    dc02Fields.forEach((field) => touched.add(field))
    revalidate()
    return dc02Fields.filter((field) => error(field))
  }

  /** The server's field errors on the fields; false when it had none (the caller shows the message). */
  function showServerErrors(err: unknown): boolean {
    const fields = isApiError(err) ? err.fieldErrors : {}
    serverErrors.value = { ...fields }
    return Object.keys(fields).length > 0
  }

  const error = (field: Dc02Field): string => errors.error(field) || serverErrors.value[field] || ''

  return { form, dirty, error, set, touch, validateAll, showServerErrors, body: () => submitBody(form) }
}
export type PortalDc02Form = ReturnType<typeof usePortalDc02Form>
