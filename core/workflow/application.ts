import { AppError } from '../errors'
import type { ApplicationStatus } from './application-status'

/** A paper form being keyed has not been received yet; it becomes 00 when the clerk submits it. */
export type ApplicationState = ApplicationStatus | 'draft'

/**
 * The application state machine as a table: each action, the states it may start from, and where it leads.
 *   draft --submit--> 00 --accept--> 10 --pay--> 20 --issue--> A0
 *                     00 --reject--> R0          10 --expire--> A9
 *                     00 --carryOut--> A0   (revoke, suspend, unsuspend, modify: no fee)
 */
export const applicationTransitions = {
  submit: { from: ['draft'], to: '00' },
  accept: { from: ['00'], to: '10' },
  reject: { from: ['00'], to: 'R0' },
  carryOut: { from: ['00'], to: 'A0' },
  pay: { from: ['10'], to: '20' },
  expire: { from: ['10'], to: 'A9' },
  issue: { from: ['20'], to: 'A0' },
} as const satisfies Record<string, { from: readonly ApplicationState[]; to: ApplicationStatus }>

export type ApplicationAction = keyof typeof applicationTransitions

/** The state an action leads to from `from`, or a 409 saying the application has moved on. */
export function assertTransition(action: ApplicationAction, from: ApplicationState): ApplicationStatus {
  const rule = applicationTransitions[action]
  if (!(rule.from as readonly ApplicationState[]).includes(from)) {
    throw new AppError('CONFLICT', {
      message: {
        'zh-TW': `申請案件目前狀態為 ${from}，無法執行此操作`,
        en: `The application is in status ${from}; this cannot be done now`,
      },
    })
  }
  return rule.to
}

/** New and renew need the fee; the other services are carried out as soon as they are approved. */
export function needsFee(service: string): boolean {
  return service === 'new' || service === 'renew'
}
