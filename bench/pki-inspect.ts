import { X509Certificate } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { inspectCertificate, readCertificate } from '../core/pki'

const SHARED = path.resolve(process.env.CONFORMANCE_DIR ?? '../shared/testsuites')

/** Up to `n` real-world certificates: the x509test ok- files and the PKITS certificates, repeated to reach n. */
function corpus(n: number): Uint8Array[] {
  const dirs = [path.join(SHARED, 'x509test/certs'), path.join(SHARED, 'nist-pkits/pki/testdata/nist-pkits/certs')]
  const files = dirs.filter(existsSync).flatMap((d) => readdirSync(d).filter((f) => /\.(der|crt)$/.test(f) && !f.startsWith('xf-')).map((f) => path.join(d, f)))
  const ders = files.map((f) => readFileSync(f)).filter((der) => {
    try {
      new X509Certificate(der)
      readCertificate(der)
      return true
    } catch {
      return false
    }
  })
  return Array.from({ length: Math.min(n, ders.length ? n : 0) }, (_, i) => new Uint8Array(ders[i % ders.length]!))
}

/**
 * Inspecting certificates with core/pki against node:crypto's X509Certificate reading the same fields
 * (names, serial, validity, key usage, fingerprint). Target ratio ≥ 0.5.
 */
export async function benchPkiInspect() {
  const certs = corpus(1000)
  if (certs.length === 0) {
    console.log('PKI inspect: the conformance suites are absent here; skipped.')
    return null
  }
  const time = async (work: () => Promise<void> | void) => {
    await work()
    const start = performance.now()
    for (let round = 0; round < 5; round++) await work()
    return (performance.now() - start) / 5
  }
  const nodeMs = await time(() => {
    for (const der of certs) {
      const x = new X509Certificate(der)
      void [x.subject, x.issuer, x.serialNumber, x.validFrom, x.validTo, x.keyUsage, x.fingerprint256, x.ca]
    }
  })
  const oursMs = await time(async () => {
    for (const der of certs) await inspectCertificate(der)
  })
  const ratio = nodeMs / oursMs
  console.log(`PKI inspect of ${certs.length} certificates:`)
  console.log(`  node:crypto X509Certificate ${nodeMs.toFixed(1)} ms, core/pki inspectCertificate ${oursMs.toFixed(1)} ms`)
  console.log(`  ratio ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`)
  return { certificates: certs.length, nodeMs, oursMs, ratio, target: 0.5 }
}
