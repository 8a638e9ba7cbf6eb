import type { BindingRequestInfo } from '@core/contracts/bindings'
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@web/app/api'
import { confirmAction, notifyError, notifySuccess } from '@web/app/notify'
import { bindingsKeys, confirmBinding, rejectBinding } from './queries'

type Decision = { kind: 'confirm'; row: BindingRequestInfo } | { kind: 'reject'; row: BindingRequestInfo; reason: string }
export type DecisionOutcome = { ok: true } | { ok: false; error: unknown }

/**
 * The clerk's two decisions. Whatever the answer, the list is reloaded: after a success it shows the new
 * status, after a conflict (another clerk decided first, 409) it shows what is true now.
 */
export function useBindingActions() {
  const { t } = useI18n()
  const queryClient = useQueryClient()

  const mutation = useMutation({
    mutationFn: (d: Decision) => (d.kind === 'confirm' ? confirmBinding(d.row.id, d.row.version) : rejectBinding(d.row.id, d.row.version, d.reason)),
    onSuccess: (_info, d) => notifySuccess(d.kind === 'confirm' ? t('bindings.confirmed', { email: d.row.email }) : t('bindings.rejected')),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bindingsKeys.all }),
  })

  async function run(decision: Decision): Promise<DecisionOutcome> {
    try {
      await mutation.mutateAsync(decision)
      return { ok: true }
    } catch (error) {
      // a reason the server refused belongs on the dialog's field; anything else is a message
      if (!(isApiError(error) && Object.keys(error.fieldErrors).length)) notifyError(error)
      return { ok: false, error }
    }
  }

  /** The question names the address the code goes to, so a clerk notices a stale e-mail before it leaves. */
  async function confirm(row: BindingRequestInfo): Promise<void> {
    const question = t('bindings.confirmText', { account: row.accountId, name: row.name, email: row.email })
    if (await confirmAction(question, t('bindings.confirm'), false)) await run({ kind: 'confirm', row })
  }

  const reject = (row: BindingRequestInfo, reason: string) => run({ kind: 'reject', row, reason })
  const busyId = computed(() => (mutation.isPending.value ? (mutation.variables.value?.row.id ?? null) : null))

  return { confirm, reject, busyId, pending: mutation.isPending }
}
