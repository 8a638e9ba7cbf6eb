import { parsePathCertificate } from '../validate/certificate'
import { validatePath } from '../validate/validate-path'
import { derOf } from './pem'
import { outcome, skippedCase, summarise, type CaseOutcome, type SuiteSummary } from './suite-result'

/**
 * google/x509test: one certificate per RFC 5280 rule, signed by fake-ca.cert (`certs/<name>.der`),
 * and two-level chains (`chains/<name>.ca.der` + `<name>.leaf.der`). `ok-` must validate, `xf-`
 * must not. `files` maps those relative paths (and 'fake-ca.cert') to their bytes. The suite is
 * about what issuers may write, so the strict profile is on. It was generated when the fake CA was
 * made, so the validation time is an hour after the CA's notBefore.
 */

/** Rules we deliberately do not enforce, by the rule's file name. */
export const X509TEST_SKIPS: [RegExp, string][] = [
  [/ok-inherited-keyparams$/, 'DSA signatures are not supported (WebCrypto has no DSA; FIPS 186-5 withdrew it)'],
  [/xf-ext-altname-email-only$/, 'whether an e-mail SAN is the "only identity" cannot be told from the certificate'],
  [/xf-ext-key-usage-wrong$|xf-key-usages-empty$/, "a CA's extended key usage limits what it certifies (OpenSSL, NSS, Go), not its own certificate signing"],
]

export async function runX509test(files: Map<string, Uint8Array>): Promise<SuiteSummary & { cases: CaseOutcome[] }> {
  const anchor = derOf(files.get('fake-ca.cert') ?? new Uint8Array())
  let at = new Date()
  try {
    at = new Date(parsePathCertificate(anchor).notBefore + 3600_000)
  } catch {
    // an unreadable fake CA fails every case below, which is the honest result
  }
  const names = [...files.keys()].filter((path) => /^(certs\/.*\.der|chains\/.*\.leaf\.der)$/.test(path)).sort()
  const cases: CaseOutcome[] = []
  for (const path of names) {
    const id = path.replace(/\.(leaf\.)?der$/, '')
    const expected = /\/ok-/.test(path)
    const skip = X509TEST_SKIPS.find(([pattern]) => pattern.test(id))
    const ca = files.get(path.replace(/\.leaf\.der$/, '.ca.der'))
    const started = performance.now()
    const result = await validatePath({
      leaf: files.get(path)!,
      anchors: [anchor],
      intermediates: path.startsWith('chains/') && ca ? [ca] : [],
      at,
      strict: true,
      checkAnchor: true,
    })
    const ms = performance.now() - started
    cases.push(skip ? skippedCase(id, expected, result, ms, skip[1]) : outcome(id, expected, result, ms))
  }
  return { ...summarise(cases, 4000), cases }
}
