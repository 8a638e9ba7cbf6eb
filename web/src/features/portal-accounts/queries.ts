import type { CardCheckRequest, CardCheckResponse, ExistsResponse, RegisterRequest } from '@core/contracts/portal'
import { api } from '@web/app/api'

// Registration writes; nothing here is cached: each call is a step the person takes (useMutation in the wizard).

/** Step 2: the card proves itself; an already registered card answers 409 ALREADY_REGISTERED. */
export function checkCard(body: CardCheckRequest): Promise<CardCheckResponse> {
  return api<CardCheckResponse>('/api/portal/accounts/card-check', { method: 'POST', body })
}

/** Step 3's 檢核是否存在: whether the account id (or a person's ID number) is registered already. */
export function accountExists(query: { accountId: string; idNumber?: string }): Promise<ExistsResponse> {
  return api<ExistsResponse>('/api/portal/accounts/exists', { query })
}

export function registerAccount(body: RegisterRequest): Promise<{ accountId: string }> {
  return api<{ accountId: string }>('/api/portal/accounts', { method: 'POST', body })
}
