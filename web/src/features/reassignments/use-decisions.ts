import type { Reassignment, ReassignmentOutcome } from '@core/contracts/reassignments'
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@web/app/api'
import { confirmAction, notifyError, notifySuccess } from '@web/app/notify'
import { approveDisqualification, rejectDisqualification } from './queries'
import { touchedKeys } from './use-reassignment-form'

type Decision = { kind: 'approve'; row: Reassignment } | { kind: 'reject'; row: Reassignment; reason: string }
export type DecisionOutcome = { ok: true } | { ok: false; error: unknown }

/**
 * A supervisor's two decisions on a disqualification. Whatever the answer, the lists are reloaded: after a
 * conflict (another supervisor decided first) they show what is true now.
 */
export function useDecisions() {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: (d: Decision): Promise<ReassignmentOutcome | Reassignment> => (d.kind === 'approve' ? approveDisqualification(d.row) : rejectDisqualification(d.row, d.reason)),
    onSuccess: (result, d) => {
      if (d.kind === 'reject' || !('appointmentsEnded' in result)) return notifySuccess(t('reassignments.doneReject'))
      notifySuccess(t('reassignments.doneApprove', { ended: result.appointmentsEnded, deleted: result.registrationsDeleted.length, revoked: result.certificatesRevoked.length }))
    },
    onSettled: () => Promise.all(touchedKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] }))),
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

  /** Approval cannot be undone: the question says what it revokes. */
  async function approve(row: Reassignment): Promise<void> {
    const broker = `${row.brokerName ?? ''}（${row.brokerCode}）`
    if (await confirmAction(t('reassignments.confirmApprove', { broker }), t('reassignments.approve'))) await run({ kind: 'approve', row })
  }

  const reject = (row: Reassignment, reason: string) => run({ kind: 'reject', row, reason })
  const busyId = computed(() => (mutation.isPending.value ? (mutation.variables.value?.row.id ?? null) : null))
  return { approve, reject, busyId, pending: mutation.isPending }
}
