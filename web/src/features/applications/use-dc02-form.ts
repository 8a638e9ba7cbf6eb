import { dc02Request, type Application } from '@core/contracts/applications'
import { isValidUbn } from '@core/tw'
import { useQuery } from '@tanstack/vue-query'
import { computed, reactive, ref, watch } from 'vue'
import { isApiError } from '@web/app/api'
import { useFormErrors } from '@web/app/use-form-errors'
import { validate } from '@web/app/validation'
import { dc02Fields, emptyForm, formFromApplication, submitBody, typingNormalizers, withRequiredChoices, type Dc02Field, type Dc02Form, type Dc02TextField } from './dc02-form'
import { prefillFromFirm, recordDifferences, type FirmField } from './firm-record'
import { firmQuery } from './queries'

/**
 * The DC02 form's state while a clerk keys it: as-you-type normalising, validation with the shared
 * contract on blur (only fields already visited, so an empty form is not all red), the server's field
 * errors until the field is edited, and the firm record's prefill and differences.
 */
export function useDc02Form() {
  const form = reactive<Dc02Form>(emptyForm())
  const errors = useFormErrors()
  const touched = new Set<Dc02Field>()
  /** the server's messages, kept until the clerk edits that field */
  const serverErrors = ref<Record<string, string>>({})
  const saved = ref(JSON.stringify(form))
  const dirty = computed(() => JSON.stringify(form) !== saved.value)

  function revalidate() {
    const result = validate(dc02Request, submitBody(form))
    const issues = result.ok ? {} : withRequiredChoices(result.issues, form)
    errors.setIssues(Object.fromEntries(Object.entries(issues).filter(([field]) => touched.has(field as Dc02Field))))
  }

  function set(field: Dc02TextField, value: string) {
    const normalize = typingNormalizers[field]
    ;(form as unknown as Record<string, string>)[field] = normalize ? normalize(value) : value
    if (serverErrors.value[field]) serverErrors.value = Object.fromEntries(Object.entries(serverErrors.value).filter(([key]) => key !== field))
    // an error goes away as soon as it is fixed, but a new one waits for blur
    if (errors.error(field)) revalidate()
  }

  function touch(field: Dc02Field) {
    touched.add(field)
    revalidate()
  }

  /** Validates everything (submit); returns the issues' fields, empty when the form is complete. */
  function validateAll(): string[] {
    dc02Fields.forEach((field) => touched.add(field))
    revalidate()
    return Object.keys(errors.all.value)
  }

  /** Shows the server's field errors; false when the error had none (the caller shows the message). */
  function showServerErrors(error: unknown): boolean {
    const fields = isApiError(error) ? error.fieldErrors : {}
    serverErrors.value = { ...fields }
    return Object.keys(fields).length > 0
  }

  const error = (field: Dc02Field): string => errors.error(field) || serverErrors.value[field] || ''

  function load(app: Application | null) {
    Object.assign(form, app ? formFromApplication(app) : emptyForm())
    markSaved()
    touched.clear()
    errors.clear()
    serverErrors.value = {}
  }

  /** The form as last saved (the snapshot taken when the save was sent, should the clerk type on meanwhile). */
  function markSaved(snapshot = JSON.stringify(form)) {
    saved.value = snapshot
  }

  // the firm record: fetched once the UBN is valid, filling what is still empty
  const firmUbn = computed(() => (isValidUbn(form.ubn) ? form.ubn : ''))
  const firm = useQuery(computed(() => ({ ...firmQuery(firmUbn.value), enabled: firmUbn.value !== '' })))
  const firmRecord = computed(() => (firmUbn.value && firm.data.value && firm.data.value.ubn === firmUbn.value ? firm.data.value : null))
  const autoFilled: Partial<Record<FirmField, string>> = {}
  watch(firmRecord, (record) => {
    if (!record) return
    const fill = prefillFromFirm(form, record, autoFilled)
    Object.assign(form, fill)
    Object.assign(autoFilled, fill)
    for (const field of Object.keys(fill) as FirmField[]) if (touched.has(field)) revalidate()
  })
  const differences = computed(() => recordDifferences(form, firmRecord.value))
  const firmStatus = computed<'idle' | 'loading' | 'found' | 'notFound' | 'failed'>(() => {
    if (!firmUbn.value) return 'idle'
    if (firm.isError.value) return 'failed'
    if (firm.isFetching.value && !firmRecord.value) return 'loading'
    if (firm.data.value === null) return 'notFound'
    return firmRecord.value ? 'found' : 'idle'
  })

  return { form, error, set, touch, validateAll, showServerErrors, load, markSaved, dirty, firmRecord, firmStatus, differences }
}
