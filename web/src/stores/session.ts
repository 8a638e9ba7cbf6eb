import type { SessionInfo } from '@core/contracts/auth'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, isApiError } from '@web/app/api'

/** The signed-in staff member and their CSRF token: the only server data Pinia holds. */
export const useSessionStore = defineStore('session', () => {
  const info = ref<SessionInfo | null>(null)
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  const user = computed(() => info.value?.user ?? null)
  const csrfToken = computed(() => info.value?.csrfToken ?? null)

  function set(next: SessionInfo) {
    info.value = next
    loaded.value = true
  }

  function clear() {
    info.value = null
    loaded.value = true
  }

  /** Asks the server once who is signed in; a 401 just means nobody. Other failures are retried next time. */
  async function reload(): Promise<void> {
    try {
      set(await api<SessionInfo>('/api/auth/me', { handleErrors: false }))
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

  function requirePasswordChange() {
    if (info.value) info.value = { ...info.value, user: { ...info.value.user, mustChangePassword: true } }
  }

  return { info, loaded, user, csrfToken, set, clear, reload, ensureLoaded, requirePasswordChange }
})
