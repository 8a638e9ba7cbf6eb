// The vitest workers to run beside the end-to-end suite (scripts/test.sh): one core is the browser's, the
// server's and Playwright's; each other core gets a worker, and at least one.
import { availableParallelism } from 'node:os'
console.log(Math.max(1, availableParallelism() - 1))
