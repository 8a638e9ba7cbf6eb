import { computed, ref } from 'vue'
import { useUiStore } from '@web/stores/ui'
import { isApiError } from './api'
import { notifyError } from './notify'
import { localizeIssues, type FieldIssue } from './validation'

/**
 * A form's field errors: client-side zod issues (re-localized when the language changes) and the
 * server's fieldErrors (already localized by the server). Bind `error('field')` to `el-form-item :error`.
 */
export function useFormErrors() {
  const ui = useUiStore()
  const client = ref<Record<string, FieldIssue>>({})
  const server = ref<Record<string, string>>({})

  const all = computed<Record<string, string>>(() => ({ ...server.value, ...localizeIssues(client.value, ui.language) }))

  /** The message for a field, including nested paths such as `roles.0` under `roles`. */
  function error(field: string): string {
    const messages = all.value
    if (messages[field]) return messages[field]
    const nested = Object.keys(messages).find((key) => key.startsWith(`${field}.`))
    return nested ? messages[nested] : ''
  }

  function setIssues(issues: Record<string, FieldIssue>) {
    client.value = issues
    server.value = {}
  }

  function clear() {
    client.value = {}
    server.value = {}
  }

  /** Puts an ApiError's fieldErrors on the fields; returns true when it had any, else shows it as a message. */
  function fromApiError(err: unknown, options: { toast?: boolean } = {}): boolean {
    client.value = {}
    const fields = isApiError(err) ? err.fieldErrors : {}
    server.value = fields
    const hasFields = Object.keys(fields).length > 0
    if (!hasFields && options.toast !== false) notifyError(err)
    return hasFields
  }

  return { all, error, setIssues, clear, fromApiError }
}
