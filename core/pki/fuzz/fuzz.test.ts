import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { inspectCertificate, isPkiError, readPfx, validatePath } from '..'
import { seededRandom } from '../../seeded-random'
import { mutate } from './mutate'

/** Seed files, read from the shared conformance suites. */
const SUITES = path.resolve(process.env.CONFORMANCE_DIR ?? '../shared/testsuites')

function filesIn(dir: string, pattern: RegExp, limit: number): Uint8Array[] {
  const full = path.join(SUITES, dir)
  if (!existsSync(full)) return []
  return readdirSync(full)
    .filter((f) => pattern.test(f))
    .sort()
    .slice(0, limit)
    .map((f) => new Uint8Array(readFileSync(path.join(full, f))))
}

const certificateSeeds = () => [...filesIn('x509test/certs', /\.der$/, 120), ...filesIn('nist-pkits/pki/testdata/nist-pkits/certs', /\.crt$/, 120)]
const crlSeeds = () => filesIn('nist-pkits/pki/testdata/nist-pkits/crls', /\.crl$/, 80)

/** PKCS #12 files with their passwords: index.json for the top level, the README's rule for openssl/. */
function pfxSeeds(): { der: Uint8Array; password: string }[] {
  const index = path.join(SUITES, 'pkcs12/index.json')
  if (!existsSync(index)) return []
  const top = (JSON.parse(readFileSync(index, 'utf8')) as { file: string; password: string | null }[]).map((e) => ({
    der: new Uint8Array(readFileSync(path.join(SUITES, 'pkcs12', e.file))),
    password: e.password ?? '',
  }))
  const openssl = readdirSync(path.join(SUITES, 'pkcs12/openssl')).map((f) => ({
    der: new Uint8Array(readFileSync(path.join(SUITES, 'pkcs12/openssl', f))),
    password: f.startsWith('empty-password') ? '' : f.startsWith('unicode-password') ? '密碼Pässwörd' : 'Passw0rd!',
  }))
  return [...top, ...openssl]
}

const anchorSeeds = () => filesIn('nist-pkits/pki/testdata/nist-pkits/certs', /^TrustAnchorRootCertificate\.crt$/, 1)

/**
 * Robustness: at least 10,000 mutated certificates, CRLs and .p12 files go through inspection, path
 * validation and PKCS #12 reading. Only typed errors (PkiError) or typed results may come out, and no input
 * may take a second: a parser that hangs or throws a TypeError on hostile input fails here.
 */
async function run(label: string, seeds: Uint8Array[], count: number, work: (input: Uint8Array, i: number) => Promise<unknown>) {
  const rnd = seededRandom(5280 + count)
  let failures = 0
  let slowest = 0
  for (let i = 0; i < count; i++) {
    const input = mutate(seeds[i % seeds.length]!, rnd)
    const start = performance.now()
    try {
      await work(input, i)
    } catch (err) {
      if (!isPkiError(err)) throw new Error(`${label} input #${i} threw ${String(err)} instead of a PkiError`, { cause: err })
      failures++
    }
    slowest = Math.max(slowest, performance.now() - start)
  }
  console.log(`fuzz ${label}: ${count} inputs, ${failures} typed errors, slowest ${slowest.toFixed(1)} ms`)
  return { failures, slowest }
}

describe('robustness: mutated certificates, CRLs and PKCS #12 files', () => {
  const certs = certificateSeeds()
  if (certs.length === 0) {
    it('has the conformance suites to mutate', () => console.log(`The conformance suites are absent at ${SUITES}: no fuzz corpus.`))
    return
  }

  it('inspect: 6,000 mutated certificates', async () => {
    const r = await run('inspect', certs, 6_000, (input) => inspectCertificate(input))
    expect(r.failures).toBeGreaterThan(3_000)
    expect(r.slowest).toBeLessThan(1_000)
  })

  it('validate: 2,000 mutated leaves and 1,000 mutated CRLs', async () => {
    const anchors = anchorSeeds()
    const leaves = await run('validate leaf', certs, 2_000, async (input) => {
      const result = await validatePath({ leaf: input, anchors, at: new Date('2011-01-01T00:00:00Z') })
      expect(result.valid || result.reasons.length > 0).toBe(true)
    })
    const good = certs.slice(0, 40)
    const crls = await run('validate crl', crlSeeds(), 1_000, async (input, i) => {
      const result = await validatePath({ leaf: good[i % good.length]!, anchors, crls: [input], at: new Date('2011-01-01T00:00:00Z') })
      expect(result.valid || result.reasons.length > 0).toBe(true)
    })
    expect(Math.max(leaves.slowest, crls.slowest)).toBeLessThan(1_000)
  })

  it('PKCS #12: 1,500 mutated .p12 files', async () => {
    const seeds = pfxSeeds()
    const r = await run('pkcs12', seeds.map((s) => s.der), 1_500, (input, i) => readPfx(input, seeds[i % seeds.length]!.password))
    expect(r.failures).toBeGreaterThan(750)
    expect(r.slowest).toBeLessThan(1_000)
  }, 120_000)
})
