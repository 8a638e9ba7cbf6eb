/**
 * Lets the requests that arrived meanwhile run. A job that works through thousands of rows calls it between
 * batches: better-sqlite3 is synchronous, so without it the server would answer nobody until the job ends.
 */
export const yieldToRequests = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** How many rows a job handles between two yields: a few milliseconds of work. */
export const JOB_BATCH = 200

/** A job's summary names at most this many items; the audit trail has every one. */
export const SUMMARY_ITEMS = 100
