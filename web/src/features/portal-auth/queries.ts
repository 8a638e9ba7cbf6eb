import type { ChangePasswordRequest } from '@core/contracts/auth'
import type { CardAnswer, PortalSessionInfo } from '@core/contracts/portal'
import { api } from '@web/app/api'

// Sign-in state lives in the portal session store, not in the query cache: portal-auth has mutations only.
// The sign-ins opt out of the app's error routing: their 401s mean "wrong card or password", not "session ended".

export function loginWithCard(answer: CardAnswer): Promise<PortalSessionInfo> {
  return api<PortalSessionInfo>('/api/portal/auth/login/card', { method: 'POST', body: answer, handleErrors: false })
}

export function loginWithPassword(body: { accountId: string; password: string }): Promise<PortalSessionInfo> {
  return api<PortalSessionInfo>('/api/portal/auth/login/password', { method: 'POST', body, handleErrors: false })
}

export function changePortalPassword(body: ChangePasswordRequest): Promise<PortalSessionInfo> {
  return api<PortalSessionInfo>('/api/portal/auth/password', { method: 'POST', body })
}
