import { mkdirSync, writeFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { connect, type Socket } from 'node:net'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HTTP_LIMITS, serveApp } from '../lib/http-server'
import type { Session } from '../lib/testing'
import { gzipBomb, multipart, realPng } from './payloads.fixtures'
import { attackedApp, expectNothingWritten, snapshot, type TestApp } from './attack.fixtures'

/**
 * Attacks on the wire: the app served by the product's own server settings (server/lib/http-server.ts) on a
 * real socket, and requests written byte by byte with node:net, so that what a fetch client would tidy up —
 * a chunked body without a length, a body longer than declared, headers that never end, a gzip bomb — reaches
 * the server as an attacker sends it.
 */
let t: TestApp
let root: string
let dispose: () => void
let server: Server
let port: number
let clerk: Session
const SECRET = 'certdesk-secret-outside-the-web-root'
beforeAll(async () => {
  const box = await attackedApp()
  ;({ t, root, dispose } = box)
  // a built SPA to serve, and a secret beside it that no URL may reach
  const distDir = path.join(root, 'a', 'dist')
  mkdirSync(path.join(distDir, 'assets'), { recursive: true })
  writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><title>Certdesk</title>')
  writeFileSync(path.join(distDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(path.join(root, 'a', 'secret.txt'), SECRET)
  writeFileSync(path.join(root, 'secret.txt'), SECRET)
  t.env.distDir = distDir
  const { createApp } = await import('../app')
  const { createLogger } = await import('../lib/logger')
  const app = createApp({ db: t.db, env: t.env, log: createLogger('silent'), clock: t.now, ca: t.ca })
  clerk = await t.login('clerk.keelung')
  await new Promise<void>((resolve) => {
    server = serveApp(app, { port: 0, hostname: '127.0.0.1' }, (info) => {
      port = info.port
      resolve()
    })
  })
  slowloris = Array.from({ length: 20 }, () => dripHeaders())
})
afterAll(async () => {
  for (const s of slowloris ?? []) s.socket.destroy()
  await new Promise((resolve) => server?.close(resolve))
  dispose()
})

interface Exchange {
  text: string
  statuses: number[]
  closedByServer: boolean
  ms: number
}
const statusesOf = (text: string) => [...text.matchAll(/HTTP\/1\.1 (\d{3})/g)].map((m) => Number(m[1]))

/** Sends raw bytes and reads until the server closes the connection (or `timeoutMs` passes). */
function exchange(request: string | Uint8Array | (string | Uint8Array)[], timeoutMs = 10_000): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = performance.now()
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let closedByServer = false
    const done = () => {
      clearTimeout(timer)
      const text = Buffer.concat(chunks).toString('latin1')
      resolve({ text, statuses: statusesOf(text), closedByServer, ms: performance.now() - started })
    }
    const timer = setTimeout(() => {
      socket.destroy()
      done()
    }, timeoutMs)
    socket.on('data', (d) => chunks.push(d))
    socket.on('end', () => {
      closedByServer = true
      socket.end()
    })
    socket.on('error', () => {
      closedByServer = true
    })
    socket.on('close', done)
    for (const part of Array.isArray(request) ? request : [request]) socket.write(part)
  })
}

/** Writes `frame()` again and again, respecting back-pressure, until the server stops the connection; counts what went out. */
function flood(head: string, frame: Buffer, maxBytes: number): Promise<{ text: string; written: number; ms: number; stopped: boolean }> {
  return new Promise((resolve) => {
    const started = performance.now()
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let written = 0
    let finished = false
    const finish = (stopped: boolean) => {
      if (finished) return
      finished = true
      socket.destroy()
      resolve({ text: Buffer.concat(chunks).toString('latin1'), written, ms: performance.now() - started, stopped })
    }
    socket.on('data', (d) => chunks.push(d))
    socket.on('error', () => finish(true))
    socket.on('end', () => finish(true))
    socket.on('close', () => finish(true))
    socket.write(head)
    const pump = () => {
      while (!finished) {
        if (written >= maxBytes) return finish(false)
        written += frame.length
        if (!socket.write(frame)) return socket.once('drain', pump)
      }
    }
    pump()
  })
}

/** A slowloris client: a request line, then one header byte every 300 ms, never the blank line. */
let slowloris: { socket: Socket; opened: number; closedAt: Promise<number>; received: () => string }[]
function dripHeaders() {
  const socket = connect(port, '127.0.0.1')
  const opened = performance.now()
  const got: Buffer[] = []
  socket.on('data', (d) => got.push(d))
  socket.on('error', () => {})
  socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ')
  const drip = setInterval(() => socket.writable && socket.write('a'), 300)
  const closedAt = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(drip)
      resolve(performance.now())
    }),
  )
  return { socket, opened, closedAt, received: () => Buffer.concat(got).toString('latin1') }
}

const health = () => exchange('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')

describe('bodies on the wire', () => {
  it('the server answers a plain request (while 20 slowloris clients hang on)', async () => {
    const res = await health()
    expect(res.statuses).toEqual([200])
    expect(res.ms).toBeLessThan(2_000)
  })

  it('a chunked body with no length that never ends: 413 at 1 MB, then the server stops reading and closes', async () => {
    const before = snapshot(t, root)
    const head = 'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n'
    const data = Buffer.alloc(64 * 1024, 0x5b) // '[' × 64 KiB
    const frame = Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')])
    const res = await flood(head, frame, 1024 ** 3)
    expect(statusesOf(res.text)).toEqual([413])
    expect(res.text).toContain('PAYLOAD_TOO_LARGE')
    expect(res.stopped, 'the server closed the connection').toBe(true)
    // 1 MB read for the limit, at most 64 MB drained after the answer, and what the kernel buffers held
    expect(res.written).toBeLessThan(100 * 1024 ** 2)
    expect(res.ms).toBeLessThan(15_000)
    expectNothingWritten(t, before, root)
  })

  it('a declared Content-Length of 2 GiB: 413 before the body, and the connection is cut after a bounded drain', async () => {
    const head = 'POST /api/staff HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2147483648\r\n\r\n'
    const res = await flood(head, Buffer.alloc(64 * 1024, 0x20), 1024 ** 3)
    expect(statusesOf(res.text)).toEqual([413])
    expect(res.stopped).toBe(true)
    expect(res.written).toBeLessThan(100 * 1024 ** 2)
  })

  it('the same on an upload route with its own 10 MB limit', async () => {
    const head = `POST /api/applications/1/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${clerk.cookie}\r\nX-CSRF-Token: ${clerk.csrfToken}\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n`
    const data = Buffer.alloc(64 * 1024, 0x41)
    const res = await flood(head, Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from('\r\n')]), 1024 ** 3)
    expect(statusesOf(res.text)).toEqual([413])
    expect(res.stopped).toBe(true)
    expect(res.written).toBeLessThan(120 * 1024 ** 2)
  })

  // Node reads the 20 declared bytes as the request and the rest as a next one, which is no HTTP: it answers 400
  // and closes at once (the first request's own answer, a 400 MALFORMED_JSON, may not make it out before that).
  it('a body longer than its Content-Length: the extra bytes are a second, malformed request, refused with 400 and a close', async () => {
    const before = snapshot(t, root)
    const body = '{"username":"admin","password":"Passw0rd!"} and then some more bytes GET /api/staff HTTP/1.1'
    const res = await exchange(`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n${body}`)
    expect(res.statuses.length).toBeGreaterThanOrEqual(1)
    for (const s of res.statuses) expect(s).toBeGreaterThanOrEqual(400)
    for (const s of res.statuses) expect(s).toBeLessThan(500)
    expect(res.closedByServer).toBe(true)
    expectNothingWritten(t, before, root)
  })

  it('request smuggling shapes (Content-Length with Transfer-Encoding, a bad chunk size, two lengths) are refused with 400', async () => {
    const shapes = [
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 40\r\n\r\n{}',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked, identity\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding:\tchunked\r\nContent-Length: 2\r\n\r\n{}',
    ]
    for (const shape of shapes) {
      const res = await exchange(shape)
      expect(res.statuses, shape).toEqual([400])
      expect(res.closedByServer, shape).toBe(true)
    }
  })

  it('headers over 16 KB: 431', async () => {
    const res = await exchange(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`)
    expect(res.statuses).toEqual([431])
  })

  it('a gzip bomb (975 KB that inflate to 960 MiB) is refused with 415 and never inflated', async () => {
    const before = snapshot(t, root)
    const bomb = gzipBomb(15)
    expect(bomb.length).toBeLessThan(1024 * 1024)
    const rss = process.memoryUsage().rss
    const res = await exchange([`POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\nConnection: close\r\n\r\n`, bomb])
    expect(res.statuses).toEqual([415])
    expect(res.text).toContain('UNSUPPORTED_MEDIA_TYPE')
    expect(res.ms).toBeLessThan(5_000)
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 ** 2)
    expectNothingWritten(t, before, root)
  })

  it('a gzip bomb as an upload (9.75 MB that inflate to 9.4 GiB) is refused with 415 too', async () => {
    const before = snapshot(t, root)
    const bomb = gzipBomb(150)
    const res = await exchange([
      `POST /api/applications/1/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${clerk.cookie}\r\nX-CSRF-Token: ${clerk.csrfToken}\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\nConnection: close\r\n\r\n`,
      bomb,
    ])
    expect(res.statuses).toEqual([415])
    expectNothingWritten(t, before, root)
  })

  it('an upload written as multipart on the wire is stored under a random key and shown by a cleaned name', async () => {
    const form = multipart([{ name: 'file', filename: '../../x.png', type: 'image/png', data: realPng(1, 1) }])
    const draft = (await t.call('POST', '/api/applications', { as: clerk, body: { ubn: '52111891' } })).json
    const res = await exchange([
      `POST /api/applications/${draft.id}/attachments HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${clerk.cookie}\r\nX-CSRF-Token: ${clerk.csrfToken}\r\nContent-Type: ${form.contentType}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n`,
      `${form.body.length.toString(16)}\r\n`, form.body, '\r\n0\r\n\r\n',
    ])
    expect(res.statuses).toEqual([201])
    expect(res.text).toContain('"fileName":"x.png"')
  })
})

describe('paths on the wire', () => {
  const climbing = [
    '/assets/../../secret.txt',
    '/assets/../secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/assets/..%5c..%5csecret.txt',
    '/assets/%252e%252e%252fsecret.txt',
    '/../secret.txt',
    '/..%2f..%2fsecret.txt',
    '//secret.txt',
    '/assets//..//..//secret.txt',
    '/assets/app.js%00.html',
    '/crl/..%2f..%2fsecret.txt',
    '/api/../../secret.txt',
  ]

  // A path whose dots the URL parser resolves (/assets/../../x is /x) is an ordinary client-side route: the SPA page.
  it.each(climbing)('%s never serves a file outside the web app: a 4xx, or the SPA page', async (p) => {
    const res = await exchange(`GET ${p} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
    expect(res.text).not.toContain(SECRET)
    expect(res.statuses.length).toBe(1)
    const status = res.statuses[0]!
    expect(status).toBeLessThan(500)
    if (status < 400) {
      expect(status).toBe(200)
      expect(res.text).toContain('<title>Certdesk</title>')
    }
  })

  it('the real asset is served', async () => {
    const res = await exchange('GET /assets/app.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
    expect(res.statuses).toEqual([200])
    expect(res.text).toContain('console.log(1)')
  })
})

describe('slowloris', () => {
  it(`every client that never finishes its headers is answered 408 and cut off after ${HTTP_LIMITS.headersTimeoutMs / 1000} s, and the server answered others meanwhile`, async () => {
    const closed = await Promise.all(slowloris.map((s) => s.closedAt))
    closed.forEach((at, i) => {
      const held = at - slowloris[i]!.opened
      expect(held).toBeGreaterThanOrEqual(HTTP_LIMITS.headersTimeoutMs - 500)
      expect(held).toBeLessThan(HTTP_LIMITS.headersTimeoutMs + 3 * HTTP_LIMITS.checkIntervalMs + 2_000)
      expect(slowloris[i]!.received()).toMatch(/^HTTP\/1\.1 408/)
    })
    const res = await health()
    expect(res.statuses).toEqual([200])
  }, 30_000)
})
