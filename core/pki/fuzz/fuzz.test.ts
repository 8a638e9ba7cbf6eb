import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { inspectCertificate, isPkiError } from '..'
import { mutate, seededRandom } from './mutate'

const SUITES = path.resolve(process.env.CONFORMANCE_DIR ?? '../shared/testsuites')

function seeds(): Uint8Array[] {
  const dirs = [path.join(SUITES, 'x509test/certs'), path.join(SUITES, 'nist-pkits/pki/testdata/nist-pkits/certs')]
  return dirs.filter(existsSync).flatMap((d) => readdirSync(d).slice(0, 120).map((f) => new Uint8Array(readFileSync(path.join(d, f)))))
}

describe('robustness: mutated certificates', () => {
  it('inspect answers 10,000 mutated certificates with a result or a typed error, each quickly', async () => {
    const corpus = seeds()
    if (corpus.length === 0) return console.log(`The conformance suites are absent at ${SUITES}: no fuzz corpus.`)
    const rnd = seededRandom(5280)
    let typed = 0
    let accepted = 0
    let slowest = 0
    for (let i = 0; i < 10_000; i++) {
      const input = mutate(corpus[i % corpus.length]!, rnd)
      const start = performance.now()
      try {
        await inspectCertificate(input)
        accepted++
      } catch (err) {
        if (!isPkiError(err)) throw new Error(`input #${i} threw ${String(err)} instead of a PkiError`, { cause: err })
        typed++
      }
      slowest = Math.max(slowest, performance.now() - start)
    }
    console.log(`fuzz inspect: ${typed} typed errors, ${accepted} still valid, slowest ${slowest.toFixed(1)} ms`)
    expect(typed + accepted).toBe(10_000)
    expect(typed).toBeGreaterThan(5_000)
    expect(slowest).toBeLessThan(1_000)
  })
})
