import type { CardAnswer } from '@core/contracts/portal'
import { Pkcs12CardReader, signChallenge, type Card, type CardReader, type LoginChallenge } from '@core/pki'
import { api } from '@web/app/api'

/**
 * The portal's card reader: a .p12 file and its PIN, opened in the browser (the file is never uploaded).
 * A local HiCOS bridge implementing CardReader can replace it here without touching a page.
 */
export const cardReader: CardReader = new Pkcs12CardReader()

/** The card answers a fresh server challenge: what sign-in, registration and binding send to prove the card. */
export async function answerChallenge(card: Card): Promise<CardAnswer> {
  const challenge = await api<LoginChallenge>('/api/card-login/challenge', { method: 'POST' })
  return { nonce: challenge.nonce, ...(await signChallenge(card, challenge)) }
}
