import { i18n } from './i18n'
import { isApiError } from './api'

// Element Plus's message and message box are a chunk of their own (./notify-element), fetched the first time
// one is shown. Components call these helpers.
const element = () => import('./notify-element')

function show(type: 'success' | 'warning' | 'error', message: string, duration: number): void {
  void element().then((e) => e.message({ type, message, showClose: true, duration }))
}

export function notifySuccess(message: string): void {
  show('success', message, 3000)
}

export function notifyWarning(message: string): void {
  show('warning', message, 5000)
}

/** Shows an error's message: the server's localized text for ApiErrors, a generic one otherwise. */
export function notifyError(error: unknown): void {
  const message = isApiError(error) ? error.message : i18n.global.t('common.loadFailed')
  show('error', message, 6000)
}

/** Asks before a destructive action; resolves false when the user cancels. */
export async function confirmAction(message: string, confirmText: string, danger = true): Promise<boolean> {
  const { t } = i18n.global
  const { messageBox } = await element()
  try {
    await messageBox.confirm(message, t('staff.confirmTitle'), {
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
