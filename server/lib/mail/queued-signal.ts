/**
 * Tells this process's mail dispatcher that a mail was queued, so that it goes out at once rather than at the
 * next look at the outbox (every 5 s): a clerk who approves expects the applicant's mail now. Listeners run
 * after the current synchronous work, that is after the transaction that queued the mail has committed (or
 * rolled back: the dispatcher then finds nothing, as at any look). Other processes still look every 5 s.
 */
const listeners = new Set<() => void>()
let pending = false

export function onMailQueued(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function signalMailQueued(): void {
  if (pending || listeners.size === 0) return
  pending = true
  setImmediate(() => {
    pending = false
    for (const listener of listeners) listener()
  })
}
