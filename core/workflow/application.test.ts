import { describe, expect, it } from 'vitest'
import { AppError } from '../errors'
import { applicationStatuses } from './application-status'
import { applicationTransitions, assertTransition, needsFee, type ApplicationAction, type ApplicationState } from './application'

describe('the application state machine', () => {
  it('follows the seed: received, accepted, paid, issued; or rejected; or cancelled for non-payment', () => {
    let s: ApplicationState = 'draft'
    for (const action of ['submit', 'accept', 'pay', 'issue'] as const) s = assertTransition(action, s)
    expect(s).toBe('A0')
    expect(assertTransition('reject', '00')).toBe('R0')
    expect(assertTransition('expire', '10')).toBe('A9')
    expect(assertTransition('carryOut', '00')).toBe('A0')
  })

  it('refuses every other move with a 409, and leaves the terminal states alone', () => {
    const states: ApplicationState[] = ['draft', ...applicationStatuses]
    let refused = 0
    for (const action of Object.keys(applicationTransitions) as ApplicationAction[]) {
      for (const state of states) {
        if ((applicationTransitions[action].from as readonly string[]).includes(state)) continue
        expect(() => assertTransition(action, state)).toThrow(AppError)
        refused++
      }
    }
    expect(refused).toBe(7 * 7 - 7)
    for (const terminal of ['R0', 'A0', 'A9'] as const) {
      for (const action of Object.keys(applicationTransitions) as ApplicationAction[]) expect(() => assertTransition(action, terminal)).toThrow()
    }
  })

  it('charges the fee for new and renew only', () => {
    expect(['new', 'modify', 'renew', 'revoke', 'suspend', 'unsuspend'].filter(needsFee)).toEqual(['new', 'renew'])
  })
})
