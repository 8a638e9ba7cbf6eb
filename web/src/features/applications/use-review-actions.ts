import type { Application, DecideRequest } from '@core/contracts/applications'
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@web/app/api'
import { notifyError, notifySuccess } from '@web/app/notify'
import { applicationKeys, decideApplication, prepareApplication, submitApplication } from './queries'

export type ReviewStep =
  | { kind: 'prepare'; body: { notes: string; checksReviewed: true; version: number } }
  | { kind: 'decide'; body: DecideRequest }
  | { kind: 'submit'; version: number }

export type ReviewOutcome = { ok: true; app: Application } | { ok: false; error: unknown }

const doneKeys = {
  prepare: 'applications.prepare.done',
  submit: 'applications.submittedShort',
  approve: 'applications.decide.approved',
  reject: 'applications.decide.rejected',
} as const

/**
 * The review steps on the detail page. Each answers with the application as it now is; when someone
 * else acted first (409) the server's message is shown and the page reloads what is true now.
 */
export function useReviewActions(id: () => number) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const reload = () => queryClient.invalidateQueries({ queryKey: applicationKeys.all })

  const mutation = useMutation({
    mutationFn: (step: ReviewStep): Promise<Application> => {
      if (step.kind === 'prepare') return prepareApplication(id(), step.body)
      if (step.kind === 'decide') return decideApplication(id(), step.body)
      return submitApplication(id(), step.version)
    },
    onSuccess: async (app, step) => {
      queryClient.setQueryData(applicationKeys.detail(app.id), app)
      notifySuccess(t(doneKeys[step.kind === 'decide' ? step.body.decision : step.kind]))
      await reload()
    },
    onError: async (error) => {
      notifyError(error)
      if (isApiError(error, 'CONFLICT') || isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'FORBIDDEN')) await reload()
    },
  })

  async function run(step: ReviewStep): Promise<ReviewOutcome> {
    try {
      return { ok: true, app: await mutation.mutateAsync(step) }
    } catch (error) {
      return { ok: false, error }
    }
  }

  return { run, pending: mutation.isPending }
}
