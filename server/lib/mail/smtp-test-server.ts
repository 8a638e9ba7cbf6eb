import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** Only tests import this: a real SMTP server on loopback that keeps what it receives. */
export interface ReceivedMail {
  mailFrom: string
  rcptTo: string[]
  raw: string
}

export async function startSmtpTestServer(opts: { auth?: { user: string; pass: string }; rejectRcpt?: (address: string) => boolean; onMessage?: (mail: ReceivedMail) => void } = {}) {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    authOptional: !opts.auth,
    disabledCommands: opts.auth ? [] : ['AUTH'],
    allowInsecureAuth: true,
    hideSTARTTLS: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (opts.auth && auth.username === opts.auth.user && auth.password === opts.auth.pass) return callback(null, { user: auth.username })
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }))
    },
    onRcptTo(address, _session, callback) {
      if (opts.rejectRcpt?.(address.address)) return callback(Object.assign(new Error('No such user here'), { responseCode: 550 }))
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', () => {
        const mail = {
          mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('latin1'),
        }
        received.push(mail)
        opts.onMessage?.(mail)
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  const creds = opts.auth ? `${encodeURIComponent(opts.auth.user)}:${encodeURIComponent(opts.auth.pass)}@` : ''
  return {
    url: `smtp://${creds}127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** A parsed single-part message: decoded headers and the text body (enough for what the dispatcher sends). */
export interface ParsedMail {
  headers: Map<string, string>
  subject: string
  text: string
}

/** RFC 2047 encoded words to text; adjacent words join without the space between them. */
export function decodeHeader(value: string): string {
  const words = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g
  const joined = value.replace(/(\?=)[ \t]+(?==\?)/g, '$1')
  let out = ''
  let bytes: number[] = []
  let last = 0
  const flush = () => {
    out += Buffer.from(bytes).toString('utf8')
    bytes = []
  }
  for (const m of joined.matchAll(words)) {
    if (m.index! > last) {
      flush()
      out += joined.slice(last, m.index)
    }
    if (!/^utf-?8$/i.test(m[1]!)) throw new Error(`unexpected charset ${m[1]}`)
    const data = m[2]!.toUpperCase() === 'B' ? Buffer.from(m[3]!, 'base64') : qpBytes(m[3]!.replace(/_/g, ' '))
    bytes.push(...data)
    last = m.index! + m[0].length
  }
  flush()
  return out + joined.slice(last)
}

function qpBytes(text: string): Buffer {
  const latin = text.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
  return Buffer.from(latin, 'latin1')
}

export function parseMail(raw: string): ParsedMail {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4)
  const headers = new Map<string, string>()
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':')
    headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim())
  }
  const type = headers.get('content-type') ?? ''
  if (!/^text\/plain/i.test(type)) throw new Error(`not a text/plain message: ${type}`)
  const encoding = (headers.get('content-transfer-encoding') ?? '7bit').toLowerCase()
  const bytes = encoding === 'base64' ? Buffer.from(body.replace(/\s+/g, ''), 'base64') : encoding === 'quoted-printable' ? qpBytes(body) : Buffer.from(body, 'latin1')
  return { headers, subject: decodeHeader(headers.get('subject') ?? ''), text: bytes.toString('utf8').replace(/\r\n/g, '\n') }
}
