import { isPkiError } from '../errors'
import { readPfx } from '../pkcs12/pfx-read'
import type { SuiteFiles } from './suites'

export interface Pkcs12Run {
  /** files that opened with their password (certificates read, keys decrypted) */
  opened: number
  /** files the suite marks "reject" that were refused with a typed error */
  rejected: number
  /** opened as expected plus rejected as expected */
  agree: number
  total: number
  failures: { file: string; error: string }[]
}

/**
 * The PKCS #12 files of ../shared/testsuites/pkcs12: index.json gives each top-level file's password and
 * whether it must be refused (RFC 9579 A.4–A.6); openssl/ uses `Passw0rd!`, except the empty-password and
 * Unicode-password files (testsuites/README.md).
 */
export async function runPkcs12(files: SuiteFiles): Promise<Pkcs12Run | null> {
  const index = files.read('pkcs12/index.json')
  if (!index) return null
  const entries = (JSON.parse(new TextDecoder().decode(index)) as { file: string; password: string | null; expect?: string }[]).map((e) => ({
    file: e.file,
    password: e.password ?? '',
    reject: e.expect === 'reject',
  }))
  for (const name of files.list('pkcs12/openssl').filter((n) => n.endsWith('.p12'))) {
    const password = name.startsWith('empty-password') ? '' : name.startsWith('unicode-password') ? '密碼Pässwörd' : 'Passw0rd!'
    entries.push({ file: `openssl/${name}`, password, reject: false })
  }
  const run: Pkcs12Run = { opened: 0, rejected: 0, agree: 0, total: entries.length, failures: [] }
  for (const e of entries) {
    const der = files.read(`pkcs12/${e.file}`)
    try {
      const contents = await readPfx(der ?? new Uint8Array(), e.password)
      if (contents.certificates.length === 0) throw new Error('no certificate read')
      run.opened++
      if (!e.reject) run.agree++
      else run.failures.push({ file: e.file, error: 'opened, but the suite expects it to be refused' })
    } catch (err) {
      if (e.reject && isPkiError(err)) {
        run.rejected++
        run.agree++
      } else run.failures.push({ file: e.file, error: isPkiError(err) ? err.code : String(err) })
    }
  }
  return run
}
