import { useMutation, useQueryClient } from '@tanstack/vue-query'
import type { z } from 'zod'
import { confirmAction, notifySuccess } from '@web/app/notify'
import { useFormErrors } from '@web/app/use-form-errors'
import { validate } from '@web/app/validation'
import { reassignmentsKeys } from './queries'

/** The queries a reassignment changes: its own list, the broker records' appointments, the certificates. */
export const touchedKeys = [reassignmentsKeys.all, ['broker-records'], ['certificates']] as const

/**
 * One of the clerk's forms: checked with the server's schema, then confirmed in a dialog that says what will
 * change, then sent. A refusal naming a field lands on that field; any other is shown as a message.
 */
export function useReassignmentForm<S extends z.ZodType, R>(opts: {
  schema: S
  send: (body: z.output<S>) => Promise<R>
  question: (data: z.output<S>) => string
  confirmText: () => string
  done: (result: R, data: z.output<S>) => string
}) {
  const errors = useFormErrors()
  const queryClient = useQueryClient()
  const mutation = useMutation({
    mutationFn: opts.send,
    onSettled: () => Promise.all(touchedKeys.map((queryKey) => queryClient.invalidateQueries({ queryKey: [...queryKey] }))),
  })

  /** Resolves true once the server has carried it out. */
  async function submit(input: unknown): Promise<boolean> {
    const checked = validate(opts.schema, input)
    if (!checked.ok) {
      errors.setIssues(checked.issues)
      return false
    }
    errors.clear()
    if (!(await confirmAction(opts.question(checked.data), opts.confirmText(), false))) return false
    try {
      const result = await mutation.mutateAsync(checked.data)
      notifySuccess(opts.done(result, checked.data))
      return true
    } catch (error) {
      errors.fromApiError(error)
      return false
    }
  }

  return { errors, submit, pending: mutation.isPending }
}
