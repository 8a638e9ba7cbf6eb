import { generateSigningKeyPair } from '../csr/key-pair'
import type { DnEntry } from '../x509-builder/distinguished-name'
import type { Clock, IssuingCa } from './ca-types'
import { createRootCa, createSubCa } from './create-ca'

/**
 * The test hierarchy the demo and the tests run on: two roots, as in production, where government
 * cards chain to GRCA and customs certificates to TWCA.
 *
 *   grca     C=TW, O=(測試) Government Root Certification Authority                   (root)
 *   ├ moica  C=TW, O=行政院, OU=(測試用) 內政部憑證管理中心                               citizen cards
 *   └ moeaca C=TW, O=行政院, OU=(測試用) 工商憑證管理中心                                 company cards
 *   twca     C=TW, O=TAIWAN-CA, OU=Test Root CA, CN=TWCA Test Root Certification Authority (root)
 *   └ customs C=TW, O=Finance, OU=Certdesk Test FXML CA                                  customs certificates
 *
 * The GPKI names are the real test CAs' names (the "(測試用)" form of the samples), so the
 * classifier files issued cards as moica / moeaca and isTest holds; chains are built by key
 * identifiers, so they never mix with the real test CAs. The customs CA follows "TaiCA Test FXML CA"
 * under O=Finance: "FXML" and "Test" make classify.ts treat it as the customs test hierarchy.
 */
export const DEMO_CA_SUBJECTS = {
  grca: [['C', 'TW'], ['O', '(測試) Government Root Certification Authority']],
  moica: [['C', 'TW'], ['O', '行政院'], ['OU', '(測試用) 內政部憑證管理中心']],
  moeaca: [['C', 'TW'], ['O', '行政院'], ['OU', '(測試用) 工商憑證管理中心']],
  twca: [['C', 'TW'], ['O', 'TAIWAN-CA'], ['OU', 'Test Root CA'], ['CN', 'TWCA Test Root Certification Authority']],
  customs: [['C', 'TW'], ['O', 'Finance'], ['OU', 'Certdesk Test FXML CA']],
} as const satisfies Record<string, readonly DnEntry[]>

export interface DemoHierarchy {
  grca: IssuingCa
  moica: IssuingCa
  moeaca: IssuingCa
  twca: IssuingCa
  customs: IssuingCa
}

export interface DemoHierarchyOptions {
  clock?: Clock
  crlBaseUrl?: string
  /** RSA-2048 by default (≈ 0.9 s each); tests may pass ECDSA P-256 for speed */
  generateKeyPair?: () => Promise<CryptoKeyPair>
  rootDays?: number
  caDays?: number
}

export async function createDemoHierarchy(options: DemoHierarchyOptions = {}): Promise<DemoHierarchy> {
  const generate = options.generateKeyPair ?? (() => generateSigningKeyPair())
  const common = { clock: options.clock, crlBaseUrl: options.crlBaseUrl }
  const root = async (name: 'grca' | 'twca') =>
    createRootCa({ ...common, name, keyPair: await generate(), subject: DEMO_CA_SUBJECTS[name], validity: { days: options.rootDays ?? 7305 } })
  const sub = async (name: 'moica' | 'moeaca' | 'customs', issuer: IssuingCa) =>
    createSubCa({ ...common, name, issuer, keyPair: await generate(), subject: DEMO_CA_SUBJECTS[name], validity: { days: options.caDays ?? 3652 } })
  const grca = await root('grca')
  const twca = await root('twca')
  return { grca, twca, moica: await sub('moica', grca), moeaca: await sub('moeaca', grca), customs: await sub('customs', twca) }
}
