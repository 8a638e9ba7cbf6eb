/**
 * 專責報關人員異動: one function per use case. Each action checks the records, then changes them, the
 * registrations (and, for a disqualification, the certificates) with its reassignment row and audit rows in one
 * transaction: nothing changes unless all of it applies.
 */
export { recordResignation } from './reassignments.resignation'
export { recordTransfer } from './reassignments.transfer'
export { approveDisqualification, fileDisqualification, rejectDisqualification } from './reassignments.disqualification'
export { brokerTimeline, searchReassignments } from './reassignments.history'
