import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { inspectCertificate, isPkiError, readCertificates, validatePath, type CertificateInfo } from '../../core/pki'

/**
 * `npm run -s cert -- inspect <file> [--json]`: what a certificate says, as the product reads it.
 * `npm run -s cert -- verify <leaf> --anchor <file>… [--intermediate <file>…] [--crl <file>…] [--at <ISO time>]
 *   [--purpose sign|any] [--json]`: strict path validation; exit 0 valid, 1 not valid, 2 unreadable input.
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

function read(file: string, exitCode: number): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file))
  } catch (err) {
    fail('UNREADABLE', `Cannot read ${file}: ${(err as Error).message}`, exitCode)
  }
}

/** Certificates from files that may each hold several PEM blocks. */
function certificatesIn(files: string[]): Uint8Array[] {
  return files.flatMap((f) => {
    try {
      return readCertificates(read(f, 2))
    } catch (err) {
      if (isPkiError(err)) fail(err.code, `${f}: ${err.text.en}`, 2)
      throw err
    }
  })
}

/** A CRL file as DER, whether it is PEM or DER already. */
function crlDer(file: string): Uint8Array {
  const bytes = read(file, 2)
  const text = new TextDecoder().decode(bytes)
  const pem = /-----BEGIN X509 CRL-----([\s\S]*?)-----END X509 CRL-----/.exec(text)
  return pem ? new Uint8Array(Buffer.from(pem[1]!.replace(/\s+/g, ''), 'base64')) : bytes
}

async function inspect(file: string, json: boolean) {
  try {
    const info = summary(await inspectCertificate(read(file, 1)))
    if (json) console.log(JSON.stringify(info, null, 2))
    else for (const [key, value] of Object.entries(info)) console.log(`${key.padEnd(12)} ${typeof value === 'string' ? value : JSON.stringify(value)}`)
  } catch (err) {
    if (isPkiError(err)) fail(err.code, err.text.en, 1)
    throw err
  }
}

async function verify(leafFile: string, opts: { anchor?: string[]; intermediate?: string[]; crl?: string[]; at?: string; purpose?: string; json?: boolean }) {
  if (!opts.anchor?.length) fail('USAGE', 'verify needs at least one --anchor', 2)
  if (opts.purpose && opts.purpose !== 'sign' && opts.purpose !== 'any') fail('USAGE', '--purpose is sign or any', 2)
  const at = opts.at ? new Date(opts.at) : undefined
  if (at && Number.isNaN(at.getTime())) fail('USAGE', `--at is not an ISO time: ${opts.at}`, 2)
  const [leaf] = certificatesIn([leafFile])
  const result = await validatePath({
    leaf: leaf!,
    anchors: certificatesIn(opts.anchor!),
    intermediates: certificatesIn(opts.intermediate ?? []),
    crls: opts.crl ? opts.crl.map(crlDer) : undefined,
    at,
    purpose: (opts.purpose as 'sign' | 'any' | undefined) ?? 'any',
  })
  const out = { valid: result.valid, reasons: result.reasons.map((r) => ({ code: r.code, message: r.message.en })), path: result.path }
  if (opts.json) console.log(JSON.stringify(out, null, 2))
  else console.log(result.valid ? `valid: ${result.path.join(' ← ')}` : `not valid:\n${out.reasons.map((r) => `  ${r.code}: ${r.message}`).join('\n')}`)
  process.exit(result.valid ? 0 : 1)
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    json: { type: 'boolean' },
    anchor: { type: 'string', multiple: true },
    intermediate: { type: 'string', multiple: true },
    crl: { type: 'string', multiple: true },
    at: { type: 'string' },
    purpose: { type: 'string' },
  },
})
const [command, file] = positionals
if (command === 'inspect' && file) await inspect(file, values.json ?? false)
else if (command === 'verify' && file) await verify(file, values)
else {
  console.error('usage: npm run -s cert -- inspect <file> [--json]\n       npm run -s cert -- verify <leaf> --anchor <file>… [--intermediate <file>…] [--crl <file>…] [--at <ISO time>] [--purpose sign|any] [--json]')
  process.exit(2)
}
