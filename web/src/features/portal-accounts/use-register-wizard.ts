import { portalAttributes } from '@core/contracts/portal'
import { useMutation } from '@tanstack/vue-query'
import { computed, inject, provide, reactive, ref, watch, type InjectionKey } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@web/app/api'
import { answerChallenge } from '@web/features/portal/card-reader'
import { useUiStore } from '@web/stores/ui'
import { fieldIssueText, type FieldIssue } from '@web/app/validation'
import { registerAccount } from './queries'
import { draftIssues, emptyDraft, firstStepWithErrors, nextStep, prefillFromCard, previousStep, stepFields, submitStep, toRegisterInput, type DraftField, type WizardStep } from './register-wizard'
import { useAccountExists } from './use-account-exists'
import { useRegistrationCard } from './use-registration-card'

/**
 * The registration wizard's state, shared by the page and its step components through provide/inject:
 * the draft, live validation of the fields already visited, the server's field errors, and the moves
 * between steps. The server's verdict always wins: it checks the card against the data again.
 */
function createRegisterWizard() {
  const { t } = useI18n()
  const ui = useUiStore()
  const step = ref<WizardStep>('category')
  const draft = reactive(emptyDraft())
  const card = useRegistrationCard(() => draft.category)
  const existence = useAccountExists(draft)
  const touched = ref<string[]>([])
  const issues = ref<Record<string, FieldIssue>>({})
  const serverErrors = ref<Record<string, string>>({})
  const problem = ref<string | null>(null)
  const accountId = ref<string | null>(null)

  const revalidate = () => (issues.value = draftIssues(draft, touched.value))
  watch(draft, revalidate, { deep: true })
  watch(
    () => draft.category,
    (category) => {
      draft.attribute = portalAttributes[category][0]
      card.reset()
    },
  )
  // what the card says fills the fields it can, once it is checked
  watch(card.checked, (checked) => checked && Object.assign(draft, prefillFromCard(draft, checked)))

  function error(field: string): string {
    return serverErrors.value[field] ?? (issues.value[field] ? fieldIssueText(issues.value[field], ui.language) : '')
  }
  function touch(field: DraftField) {
    if (!touched.value.includes(field)) touched.value = [...touched.value, field]
    revalidate()
  }
  /** The server's verdict on a field stands until the person changes that field. */
  function edited(field: DraftField) {
    if (!(field in serverErrors.value)) return
    const { [field]: _dropped, ...rest } = serverErrors.value
    serverErrors.value = rest
  }

  /** Marks every field of a data step visited; returns the first invalid one, if any. */
  function validateStep(which: 'basic' | 'company'): DraftField | undefined {
    const fields = stepFields[which][draft.category]
    touched.value = [...new Set([...touched.value, ...fields])]
    revalidate()
    return fields.find((field) => error(field))
  }

  /** The 檢核是否存在 button: its fields must be valid before the server is asked. Returns a field to focus. */
  async function checkExists(): Promise<DraftField | undefined> {
    existence.fields.value.forEach(touch)
    const invalid = existence.fields.value.find((field) => error(field))
    if (invalid) return invalid
    await existence.check()
  }

  const submit = useMutation({
    mutationFn: async () => registerAccount(toRegisterInput(draft, await answerChallenge(card.card.value!))),
    onSuccess: (result) => {
      accountId.value = result.accountId
      Object.assign(draft, { password: '', passwordConfirm: '' })
      step.value = 'done'
    },
    onError: (err) => {
      problem.value = isApiError(err) ? err.message : t('common.loadFailed')
      // registered meanwhile (another tab, another person at the same desk): seed 001 sends it home
      if (isApiError(err, 'ALREADY_REGISTERED')) return card.goHomeSoon()
      if (!isApiError(err)) return
      serverErrors.value = err.fieldErrors
      step.value = firstStepWithErrors(Object.keys(err.fieldErrors), draft.category) ?? step.value
    },
  })

  /** 下一步: each step's own condition, then on; the last data step sends the registration. Returns a field to focus. */
  async function next(): Promise<DraftField | undefined> {
    problem.value = null
    if (step.value === 'card' && !card.checked.value) return void (problem.value = t('portalAccounts.card.needCheck'))
    if (step.value === 'basic' || step.value === 'company') {
      const invalid = validateStep(step.value)
      if (invalid) return invalid
      if (step.value === 'basic' && (await existence.ensureChecked()) !== false) return existence.focusField()
      if (step.value === submitStep(draft.category)) return void submit.mutate()
    }
    step.value = nextStep(step.value, draft.category) ?? step.value
  }

  function back() {
    problem.value = null
    step.value = previousStep(step.value, draft.category) ?? step.value
  }

  /** whether the server refused named fields: the message then asks to fix the marked ones */
  const refusedFields = computed(() => Object.keys(serverErrors.value).length > 0)
  /** the first field of the current step the server refused, to take the focus there */
  function firstRefusedField(): DraftField | undefined {
    return step.value === 'basic' || step.value === 'company' ? stepFields[step.value][draft.category].find((field) => serverErrors.value[field]) : undefined
  }
  const busy = computed(() => card.checking.value || existence.checking.value || submit.isPending.value)
  return { step, draft, card, existence, problem, refusedFields, accountId, busy, submitting: submit.isPending, error, firstRefusedField, touch, edited, checkExists, next, back }
}

export type RegisterWizard = ReturnType<typeof createRegisterWizard>
const key: InjectionKey<RegisterWizard> = Symbol('register-wizard')

/** The page creates the wizard; its steps take it with useRegisterWizard(). */
export function provideRegisterWizard(): RegisterWizard {
  const wizard = createRegisterWizard()
  provide(key, wizard)
  return wizard
}

export function useRegisterWizard(): RegisterWizard {
  const wizard = inject(key)
  if (!wizard) throw new Error('useRegisterWizard outside PortalAccountsRegisterPage')
  return wizard
}
