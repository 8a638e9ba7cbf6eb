import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { readEnv } from '../env'
import { TARGETS, agreementRate, runConformance, type SuiteFiles, type SuiteRun } from '../../core/pki/conformance/suites'

/**
 * `npx tsx server/cli/conformance.ts [--json]`: runs x509-limbo, NIST PKITS and x509test against
 * validatePath and prints the agreement; exits 1 when a target of the issue is missed.
 * The suites are read from ../shared/testsuites, or from CONFORMANCE_DIR (the testsuites folder or
 * the shared folder holding it). `total` counts every case and the targets are rates over it, as the
 * issue's comparison figures are; `agree` counts the cases that ran and agreed, so `skipped` ones
 * (deliberately unsupported features, listed with reasons in the human output) count as not agreeing.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const configured = readEnv().CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared/testsuites')
const root = existsSync(path.join(configured, 'testsuites')) ? path.join(configured, 'testsuites') : configured
const json = process.argv.includes('--json')

const files: SuiteFiles = {
  read: (file) => (existsSync(path.join(root, file)) ? new Uint8Array(readFileSync(path.join(root, file))) : undefined),
  list: (dir) => (existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)) : []),
}

function counts(run: SuiteRun | null, withHangs = false) {
  if (!run) return null
  return withHangs ? { agree: run.agree, total: run.total, skipped: run.skipped, hangs: run.hangs } : { agree: run.agree, total: run.total, skipped: run.skipped }
}

function describe(name: string, run: SuiteRun | null): string[] {
  if (!run) return [`${name}: not found under ${root}`]
  const rate = (agreementRate(run) * 100).toFixed(1)
  const lines = [`${name}: ${run.agree} of ${run.total} agree (${rate}%), ${run.skipped} skipped (${run.skippedAgree} of them agree anyway), ${run.hangs} hangs, ${Math.round(run.ms)} ms`]
  for (const c of run.disagreements) lines.push(`  disagree ${c.id}: expected ${c.expected ? 'valid' : 'invalid'}, got ${c.codes.join(', ') || 'valid'}`)
  for (const reason of new Set(run.skips.map((c) => c.skipped))) lines.push(`  skipped ${run.skips.filter((c) => c.skipped === reason).length}: ${reason}`)
  return lines
}

const started = performance.now()
const run = await runConformance(files)
const missed = [
  run.limbo && (agreementRate(run.limbo) < TARGETS.limbo.rate || run.limbo.hangs > TARGETS.limbo.hangs),
  run.pkits && agreementRate(run.pkits) < TARGETS.pkits.rate,
  run.x509test && run.x509test.agree < TARGETS.x509test.agree,
  run.pkcs12 && run.pkcs12.agree < TARGETS.pkcs12.agree,
].some(Boolean)
const pkcs12 = run.pkcs12 && { opened: run.pkcs12.opened, rejected: run.pkcs12.rejected, agree: run.pkcs12.agree, total: run.pkcs12.total }

if (json) {
  console.log(JSON.stringify({ limbo: counts(run.limbo, true), pkits: counts(run.pkits), x509test: counts(run.x509test), pkcs12 }))
} else {
  console.log([...describe('x509-limbo', run.limbo), ...describe('NIST PKITS', run.pkits), ...describe('x509test', run.x509test)].join('\n'))
  if (run.pkcs12) {
    console.log(`PKCS #12: ${run.pkcs12.opened} of ${run.pkcs12.total} opened, ${run.pkcs12.rejected} refused as the suite expects (${run.pkcs12.agree} agree)`)
    for (const f of run.pkcs12.failures) console.log(`  disagree ${f.file}: ${f.error}`)
  }
  console.log(`conformance run: ${Math.round(performance.now() - started)} ms${missed ? ' — a target was missed' : ''}`)
}
if (missed) process.exitCode = 1
