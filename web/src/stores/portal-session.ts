import type { PortalSessionInfo } from '@core/contracts/portal'
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { api, isApiError } from '@web/app/api'

/** The signed-in portal account and its CSRF token; a store apart from the staff session, as on the server. */
export const usePortalSessionStore = defineStore('portal-session', () => {
  const info = ref<PortalSessionInfo | null>(null)
  const loaded = ref(false)
  let pending: Promise<void> | null = null

  const user = computed(() => info.value?.user ?? null)
  const csrfToken = computed(() => info.value?.csrfToken ?? null)

  function set(next: PortalSessionInfo) {
    info.value = next
    loaded.value = true
  }

  function clear() {
    info.value = null
    loaded.value = true
  }

  /** Asks the server once who is signed in to the portal; a 401 just means nobody. */
  async function reload(): Promise<void> {
    try {
      set(await api<PortalSessionInfo>('/api/portal/auth/me', { handleErrors: false }))
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

  async function logout(): Promise<void> {
    try {
      await api('/api/portal/auth/logout', { method: 'POST' })
    } finally {
      clear()
    }
  }

  return { info, loaded, user, csrfToken, set, clear, reload, ensureLoaded, logout }
})
