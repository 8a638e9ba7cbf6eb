// Adds up the unit/API and end-to-end results into one closing line: "tests: N passed, N failed, N skipped".
// `node scripts/test-summary.mjs pg` sums the PostgreSQL run's files (npm run test:pg).
import { readFileSync } from 'node:fs'

const read = (file) => JSON.parse(readFileSync(file, 'utf8'))
const suffix = process.argv[2] ? `-${process.argv[2]}` : ''
const vitest = read(`test-results/vitest${suffix}.json`)
const pw = read(`test-results/playwright${suffix}.json`)
const passed = vitest.numPassedTests + (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0)
const failed = vitest.numFailedTests + (pw.stats.unexpected ?? 0)
const skipped = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0) + (pw.stats.skipped ?? 0)
console.log(`\nunit/API: ${vitest.numPassedTests} passed; end-to-end: ${pw.stats.expected} passed`)
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 ? 1 : 0)
