import type { SessionInfo } from '@core/contracts/auth'
import { defineStore } from 'pinia'
import { sessionState } from './session-state'

/** The signed-in staff member and their CSRF token: the only server data Pinia holds. */
export const useSessionStore = defineStore('session', () => {
  const state = sessionState<SessionInfo>('/api/auth/me')

  function requirePasswordChange() {
    const info = state.info.value
    if (info) state.info.value = { ...info, user: { ...info.user, mustChangePassword: true } }
  }

  return { ...state, requirePasswordChange }
})
