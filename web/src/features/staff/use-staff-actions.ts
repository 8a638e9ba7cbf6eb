import type { Staff, StaffWithPassword } from '@core/contracts/staff'
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@web/app/api'
import { confirmAction, notifyError, notifySuccess } from '@web/app/notify'
import { resetStaffPassword, runStaffAction, staffKeys, type StaffAction } from './queries'

export type StaffRowAction = StaffAction | 'reset'

const confirmKeys = {
  disable: ['staff.confirmDisable', 'staff.disable'],
  enable: ['staff.confirmEnable', 'staff.enable'],
  unlock: ['staff.confirmUnlock', 'staff.unlock'],
  reset: ['staff.confirmReset', 'staff.resetPassword'],
} as const

/** Row actions on a staff account: always confirmed first; a stale version refetches the list. */
export function useStaffActions(onPassword: (result: StaffWithPassword) => void) {
  const { t } = useI18n()
  const queryClient = useQueryClient()

  const mutation = useMutation({
    mutationFn: ({ staff, action }: { staff: Staff; action: StaffRowAction }): Promise<Staff | StaffWithPassword> =>
      action === 'reset' ? resetStaffPassword(staff) : runStaffAction(staff, action),
    onSuccess: (result) => {
      if ('temporaryPassword' in result) onPassword(result)
      else notifySuccess(t('staff.done'))
    },
    onError: (error) => notifyError(error),
    // success or VERSION_CONFLICT alike: the list must show the record as it now is
    onSettled: (_data, error) => {
      if (!error || isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'CONFLICT')) {
        return queryClient.invalidateQueries({ queryKey: staffKeys.all })
      }
    },
  })

  async function run(staff: Staff, action: StaffRowAction) {
    const [message, button] = confirmKeys[action]
    if (!(await confirmAction(t(message, { name: `${staff.displayName} (${staff.username})` }), t(button), action === 'disable' || action === 'reset'))) return
    mutation.mutate({ staff, action })
  }

  return { run, pending: mutation.isPending }
}
