import { useMutation } from '@tanstack/vue-query'
import { computed, ref } from 'vue'
import { notifyError } from '@web/app/notify'
import { accountExists } from './queries'
import { accountIdOf, type DraftField, type RegisterDraft } from './register-wizard'

/**
 * 檢核是否存在 (seed 001 step 3): whether the generated account id, or a person's ID number, is registered.
 * The answer holds for the values it was asked about; 下一步 asks again when they changed since.
 */
export function useAccountExists(draft: RegisterDraft) {
  const answer = ref<{ key: string; exists: boolean } | null>(null)
  const query = computed(() => (draft.category === 'individual' ? { accountId: accountIdOf(draft), idNumber: draft.idNumber.trim().toUpperCase() } : { accountId: accountIdOf(draft) }))
  const key = computed(() => JSON.stringify(query.value))
  /** true or false for the values on screen, null while they have not been checked */
  const exists = computed(() => (answer.value?.key === key.value ? answer.value.exists : null))
  /** the fields the check reads, beside whose button the answer shows */
  const fields = computed<DraftField[]>(() => (draft.category === 'individual' ? ['email', 'idNumber'] : ['ubn']))

  const mutation = useMutation({ mutationFn: accountExists })

  /** Asks the server; null when it could not answer (the error is shown as a message). */
  async function check(): Promise<boolean | null> {
    const asked = key.value
    try {
      const { exists: found } = await mutation.mutateAsync(query.value)
      answer.value = { key: asked, exists: found }
      return found
    } catch (error) {
      notifyError(error)
      return null
    }
  }

  async function ensureChecked(): Promise<boolean | null> {
    return exists.value ?? check()
  }

  /** Where to take the focus when the account exists: the field the button sits beside. */
  const focusField = (): DraftField => fields.value[fields.value.length - 1]

  return { exists, fields, checking: mutation.isPending, check, ensureChecked, focusField }
}
