import { i18n } from './i18n'
import { isApiError } from './api'

// ElMessage and ElMessageBox come from unplugin-auto-import, which also brings their CSS
// (an explicit import from 'element-plus' would not; STACK.md trap 3). Components call these helpers.

export function notifySuccess(message: string): void {
  ElMessage({ type: 'success', message, showClose: true })
}

export function notifyWarning(message: string): void {
  ElMessage({ type: 'warning', message, showClose: true, duration: 5000 })
}

/** Shows an error's message: the server's localized text for ApiErrors, a generic one otherwise. */
export function notifyError(error: unknown): void {
  const message = isApiError(error) ? error.message : i18n.global.t('common.loadFailed')
  ElMessage({ type: 'error', message, showClose: true, duration: 6000 })
}

/** Asks before a destructive action; resolves false when the user cancels. */
export async function confirmAction(message: string, confirmText: string, danger = true): Promise<boolean> {
  const { t } = i18n.global
  try {
    await ElMessageBox.confirm(message, t('staff.confirmTitle'), {
      type: 'warning',
      confirmButtonText: confirmText,
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: danger ? 'el-button--danger' : undefined,
      autofocus: false,
    })
    return true
  } catch {
    return false
  }
}
