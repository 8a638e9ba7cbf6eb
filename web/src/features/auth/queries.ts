import type { ChangePasswordRequest, LoginRequest, SessionInfo } from '@core/contracts/auth'
import { api } from '@web/app/api'

// Sign-in state lives in the session store, not in the query cache: auth has mutations only.

export function login(body: LoginRequest): Promise<SessionInfo> {
  // a 401 here means wrong credentials, not an ended session: the page shows it itself
  return api<SessionInfo>('/api/auth/login', { method: 'POST', body, handleErrors: false })
}

export function changePassword(body: ChangePasswordRequest): Promise<SessionInfo> {
  return api<SessionInfo>('/api/auth/password', { method: 'POST', body })
}
