import { computed, ref } from 'vue'
import { api, isApiError } from '@web/app/api'

/**
 * The state both sessions share, staff and portal: who is signed in, the CSRF token, and one probe of
 * `mePath` at a time, where a 401 just means nobody (other failures are retried next time).
 */
export function sessionState<T extends { csrfToken: string; user: unknown }>(mePath: string) {
  const info = ref<T | null>(null)
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  const user = computed(() => (info.value?.user ?? null) as T['user'] | null)
  const csrfToken = computed(() => info.value?.csrfToken ?? null)

  function set(next: T) {
    info.value = next
    loaded.value = true
  }

  function clear() {
    info.value = null
    loaded.value = true
  }

  async function reload(): Promise<void> {
    try {
      set(await api<T>(mePath, { handleErrors: false }))
    } catch (error) {
      if (isApiError(error) && error.status === 401) clear()
      else throw error
    }
  }

  function ensureLoaded(): Promise<void> {
    if (loaded.value) return Promise.resolve()
    pending ??= reload().finally(() => {
      pending = null
    })
    return pending
  }

  return { info, loaded, user, csrfToken, set, clear, reload, ensureLoaded }
}
