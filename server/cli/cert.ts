import { readFileSync } from 'node:fs'
import { inspectCertificate, isPkiError, type CertificateInfo } from '../../core/pki'

/**
 * `npm run -s cert -- inspect <file> [--json]`: what a certificate says, as the product reads it.
 * Bad input prints {"error":{"code","message"}} and exits 1.
 */
function summary(info: CertificateInfo) {
  const { identity } = info
  return {
    subject: info.subject.display,
    issuer: info.issuer.display,
    serialHex: info.serialHex,
    notBefore: info.notBefore,
    notAfter: info.notAfter,
    keyUsage: info.extensions.keyUsage ?? [],
    extKeyUsage: (info.extensions.extendedKeyUsage ?? []).map((e) => e.name ?? e.oid),
    policies: info.extensions.certificatePolicies ?? [],
    isCA: info.isCA,
    kind: info.kind,
    canSign: info.canSign,
    identity: { idLast4: identity.idLast4, ubn: identity.ubn, orgOid: identity.orgOid, cardType: identity.cardType, name: identity.name },
  }
}

function fail(code: string, message: string, exitCode: number): never {
  console.log(JSON.stringify({ error: { code, message } }))
  process.exit(exitCode)
}

const [command, file, ...rest] = process.argv.slice(2)
const json = rest.includes('--json')
if (command !== 'inspect' || !file) {
  console.error('usage: npm run -s cert -- inspect <file> [--json]')
  process.exit(2)
}
let bytes: Uint8Array
try {
  bytes = readFileSync(file)
} catch (err) {
  fail('UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`, 1)
}
try {
  const info = summary(await inspectCertificate(bytes))
  if (json) console.log(JSON.stringify(info, null, 2))
  else for (const [key, value] of Object.entries(info)) console.log(`${key.padEnd(12)} ${typeof value === 'string' ? value : JSON.stringify(value)}`)
} catch (err) {
  if (isPkiError(err)) fail(err.code, err.text.en, 1)
  throw err
}
