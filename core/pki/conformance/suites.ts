import { runLimbo } from './limbo'
import { runPkcs12, type Pkcs12Run } from './pkcs12'
import { runPkits } from './pkits'
import type { CaseOutcome, SuiteSummary } from './suite-result'
import { runX509test } from './x509test'

/**
 * Runs the three path-validation suites of ../shared/testsuites (README there) from whatever
 * reads their files: the vitest test and server/cli/conformance.ts pass node:fs readers, so this
 * module stays free of node:. A suite whose files are absent is null.
 */
export interface SuiteFiles {
  /** bytes of a file under the suites folder, or undefined when it does not exist */
  read(path: string): Uint8Array | undefined
  /** file names in a folder under the suites folder ([] when absent) */
  list(dir: string): string[]
}

export type SuiteRun = SuiteSummary & { cases: CaseOutcome[] }

export interface ConformanceRun {
  limbo: SuiteRun | null
  pkits: SuiteRun | null
  x509test: SuiteRun | null
  pkcs12: Pkcs12Run | null
}

/**
 * What the suites must reach, over ALL their cases as the comparison figures are (OpenSSL
 * 74%, pkijs 48% of x509-limbo's 208): a skipped case counts as not agreeing.
 */
export const TARGETS = {
  limbo: { rate: 0.95, hangs: 0 },
  pkits: { rate: 0.95 },
  x509test: { agree: 145 },
  pkcs12: { agree: 25 },
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

function folder(files: SuiteFiles, dir: string): Map<string, Uint8Array> {
  const map = new Map<string, Uint8Array>()
  for (const name of files.list(dir)) {
    const bytes = files.read(`${dir}/${name}`)
    if (bytes) map.set(name, bytes)
  }
  return map
}

function prefixed(map: Map<string, Uint8Array>, prefix: string): [string, Uint8Array][] {
  return [...map].map(([name, bytes]) => [`${prefix}/${name}`, bytes])
}

export async function runConformance(files: SuiteFiles): Promise<ConformanceRun> {
  const limboJson = files.read('x509-limbo/limbo-handwritten.json')
  const pkitsJson = files.read('nist-pkits/pkits-tests.json')
  const pkitsData = 'nist-pkits/pki/testdata/nist-pkits'
  const fakeCa = files.read('x509test/fake-ca.cert')
  return {
    limbo: limboJson ? await runLimbo(text(limboJson)) : null,
    pkits: pkitsJson
      ? await runPkits(text(pkitsJson), new Map([...prefixed(folder(files, `${pkitsData}/certs`), 'certs'), ...prefixed(folder(files, `${pkitsData}/crls`), 'crls')]))
      : null,
    x509test: fakeCa
      ? await runX509test(new Map([['fake-ca.cert', fakeCa], ...prefixed(folder(files, 'x509test/certs'), 'certs'), ...prefixed(folder(files, 'x509test/chains'), 'chains')]))
      : null,
    pkcs12: await runPkcs12(files),
  }
}

/** Agreement over every case of the suite: `agree` counts only cases that ran and agreed. */
export function agreementRate(summary: SuiteSummary): number {
  return summary.total === 0 ? 0 : summary.agree / summary.total
}
