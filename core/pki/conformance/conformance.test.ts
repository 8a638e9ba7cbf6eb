import { existsSync, readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { TARGETS, agreementRate, runConformance, type ConformanceRun, type SuiteFiles, type SuiteRun } from './suites'

/**
 * The independent path-validation suites (../shared/testsuites/README.md) against validatePath,
 * with the targets of the issue asserted over all cases (skipped ones count as not agreeing). CONFORMANCE_DIR may point at the testsuites folder or at
 * the shared folder holding it (as gpki-samples.test.ts reads it).
 */
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const configured = process.env.CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared/testsuites')
const root = existsSync(path.join(configured, 'testsuites')) ? path.join(configured, 'testsuites') : configured

const files: SuiteFiles = {
  read: (file) => (existsSync(path.join(root, file)) ? new Uint8Array(readFileSync(path.join(root, file))) : undefined),
  list: (dir) => (existsSync(path.join(root, dir)) ? readdirSync(path.join(root, dir)) : []),
}

function report(name: string, run: SuiteRun): void {
  const rate = (agreementRate(run) * 100).toFixed(1)
  const lines = [`${name}: ${run.agree}/${run.total} agree (${rate}%; ${run.skipped} skipped, of which ${run.skippedAgree} agree anyway; ${run.hangs} hangs, ${Math.round(run.ms)} ms)`]
  for (const c of run.disagreements) lines.push(`  disagree ${c.id}: expected ${c.expected ? 'valid' : 'invalid'}, got ${c.codes.join(', ') || 'valid'}`)
  for (const reason of new Set(run.skips.map((c) => c.skipped))) lines.push(`  skipped ${run.skips.filter((c) => c.skipped === reason).length}: ${reason}`)
  console.log(lines.join('\n'))
}

describe('path validation conformance', () => {
  let run: ConformanceRun | undefined
  beforeAll(async () => {
    if (!existsSync(root)) return
    run = await runConformance(files)
  })

  it('x509-limbo: at least 95% agreement, no hangs', () => {
    if (!run?.limbo) return console.log(`x509-limbo not found under ${root}: not run`)
    report('x509-limbo', run.limbo)
    expect(run.limbo.hangs).toBe(TARGETS.limbo.hangs)
    expect(agreementRate(run.limbo)).toBeGreaterThanOrEqual(TARGETS.limbo.rate)
  })

  it('NIST PKITS: at least 95% agreement', () => {
    if (!run?.pkits) return console.log(`NIST PKITS not found under ${root}: not run`)
    report('NIST PKITS', run.pkits)
    expect(agreementRate(run.pkits)).toBeGreaterThanOrEqual(TARGETS.pkits.rate)
  })

  it('PKCS #12: at least 25 of 27 files handled as the suite expects (opened, or refused where it says so)', () => {
    if (!run?.pkcs12) return console.log(`pkcs12 not found under ${root}: not run`)
    console.log(`PKCS #12: ${run.pkcs12.opened} opened, ${run.pkcs12.rejected} refused as expected, ${run.pkcs12.agree}/${run.pkcs12.total} agree`)
    expect(run.pkcs12.failures).toEqual([])
    expect(run.pkcs12.agree).toBeGreaterThanOrEqual(TARGETS.pkcs12.agree)
  })

  it('x509test: at least 145 of 154 agree', () => {
    if (!run?.x509test) return console.log(`x509test not found under ${root}: not run`)
    report('x509test', run.x509test)
    expect(run.x509test.agree).toBeGreaterThanOrEqual(TARGETS.x509test.agree)
  })
})
