import type { PortalSessionInfo } from '@core/contracts/portal'
import { defineStore } from 'pinia'
import { api } from '@web/app/api'
import { sessionState } from './session-state'

/** The signed-in portal account and its CSRF token; a store apart from the staff session, as on the server. */
export const usePortalSessionStore = defineStore('portal-session', () => {
  const state = sessionState<PortalSessionInfo>('/api/portal/auth/me')

  async function logout(): Promise<void> {
    try {
      await api('/api/portal/auth/logout', { method: 'POST' })
    } finally {
      state.clear()
    }
  }

  return { ...state, logout }
})
