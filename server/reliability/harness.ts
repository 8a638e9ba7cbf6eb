import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import path from 'node:path'
import { buildCsr, type ProfileRequest } from '../../core/pki'
import { makeUbn } from '../../core/tw'
import type Database from 'better-sqlite3'
import { inTransaction, openDatabase } from '../../db/client'
import { freshTestDatabase } from '../../db/pg/test-databases'
import { DEMO_PASSWORD } from '../../db/seed/demo-data'
import { firmLicences, firms, staff, staffRoles } from '../../db/schema'
import { readEnv } from '../env'
import { SYSTEM_ACTOR } from '../lib/audit'
import { hashPassword } from '../lib/password'
import { addDemoCertificates } from '../lib/demo-certificates'
import { writeDemoCards } from '../lib/demo-cards'
import { seedDemo } from '../lib/seeding'
import { testCards, testKeyPair } from '../lib/testing'
import { ensureCaHierarchy, issueCertificate } from '../modules/ca/ca.service'
import { registerCertificate } from '../modules/certificates/certificates.service'
import { caSettings } from '../modules/ca/ca.settings'

/**
 * Helpers for the reliability tests: a real `npm start` process on a data folder of its own, driven over HTTP.
 * Only tests import this.
 */
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

const pgDatabases = new Map<string, { url: string; drop(): void }>()
const sqliteDirs = new Set<string>()

/** Keeps a data folder on its SQLite file even in a PostgreSQL run: for tests of what only SQLite has. */
export function keepOnSqlite(dataDir: string): void {
  sqliteDirs.add(dataDir)
}

/**
 * With DATABASE_URL (vitest.pg.config.ts) a data folder's database is a PostgreSQL database of its own, which
 * the servers and CLIs of that folder share; without, the SQLite file in the folder ('' says so to the server).
 */
export function databaseUrlOf(dataDir: string): string {
  if (!process.env.DATABASE_URL || sqliteDirs.has(dataDir)) return ''
  let db = pgDatabases.get(dataDir)
  if (!db) pgDatabases.set(dataDir, (db = freshTestDatabase(process.env.DATABASE_URL)))
  return db.url
}

/** Drops a data folder's PostgreSQL database, if it has one. */
export function dropDatabaseOf(dataDir: string): void {
  pgDatabases.get(dataDir)?.drop()
  pgDatabases.delete(dataDir)
}

/** A connection for the test's own reads and writes beside the servers: the SQLite file, or the PostgreSQL database. */
export function openConnection(dataDir: string): { sqlite: Database.Database; close(): void } {
  const url = databaseUrlOf(dataDir)
  return url ? openDatabase(url) : openDatabase(dataFile(dataDir))
}

/** What the server process gets: fast hashing and key wrapping, quiet logs, no web build, no mail. */
export function serverEnv(dataDir: string, port: number): Record<string, string> {
  return {
    DATABASE_URL: databaseUrlOf(dataDir),
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    PASSWORD_HASH_COST: '10',
    CA_KEY_WRAP_ITERATIONS: '10000',
    LOG_LEVEL: 'warn',
    NO_WEB_BUILD: '1',
    LOGIN_RATE_PER_MINUTE: '10000',
    SMTP_URL: '',
  }
}


export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port
      s.close(() => resolve(port))
    })
  })
}

/** Extra firms of the given office, each with an active customs-broker licence: one approvable application each. */
export function extraFirm(office: 'AA' | 'CA', i: number) {
  return { ubn: makeUbn(`${office === 'AA' ? '6' : '7'}${String(i).padStart(6, '0')}`), name: `可靠度測試報關行 ${office}-${i}`, officeCode: office, boxNo: `${office === 'AA' ? 'Y' : 'Z'}${String(i).padStart(2, '0')}` }
}

/**
 * A data folder as a first `npm start` leaves it (demo data, the embedded CAs, demo cards and certificates,
 * the CA secret file), made in-process with ECDSA keys: RSA-2048 generation would cost the server seconds per
 * key on this machine. The server then starts on an existing database. Adds `firmsPerOffice` firms to AA and
 * CA, `certificates` valid corporate certificates of the first AA firms, and a second Keelung supervisor.
 */
export async function prepareDataDir(dataDir: string, opts: { firmsPerOffice?: number; certificates?: number } = {}): Promise<{ serials: string[] }> {
  const env = readEnv({ ...serverEnv(dataDir, 0) })
  const database = openDatabase(env.DATABASE_URL ?? env.dbFile)
  const { db } = database
  try {
    const now = new Date()
    const at = now.toISOString()
    await seedDemo({ db, passwordCost: env.PASSWORD_HASH_COST, now })
    const settings = caSettings(env)
    await ensureCaHierarchy({ db, settings, now, generateKeyPair: testKeyPair })
    await writeDemoCards({ db, settings, dataDir, now, ...testCards })
    await addDemoCertificates({ db, settings, now, generateKeyPair: testKeyPair })
    const passwordHash = await hashPassword(DEMO_PASSWORD, env.PASSWORD_HASH_COST)
    const second = db.insert(staff).values({ username: 'supervisor2.keelung', displayName: '第二主管', email: 'supervisor2.keelung@certdesk.example', officeCode: 'AA', passwordHash, mustChangePassword: false, createdAt: at, updatedAt: at }).returning({ id: staff.id }).get()
    db.insert(staffRoles).values({ staffId: second.id, role: 'supervisor' }).run()
    for (const office of ['AA', 'CA'] as const) {
      for (let i = 0; i < Math.max(opts.firmsPerOffice ?? 0, office === 'AA' ? (opts.certificates ?? 0) : 0); i++) {
        const f = extraFirm(office, i)
        db.insert(firms).values({ ...f, representative: '測試', address: '測試路 1 號', phone: '02-25505500', updatedAt: at }).run()
        db.insert(firmLicences).values({ ubn: f.ubn, businessType: 'customs-broker', status: 'active', licensedOn: '2020-01-01' }).run()
      }
    }
    const ctx = { actor: SYSTEM_ACTOR, requestId: null, ip: null, now }
    const serials: string[] = []
    for (let i = 0; i < (opts.certificates ?? 0); i++) {
      const f = extraFirm('AA', i)
      const csrDer = await buildCsr({ keyPair: await testKeyPair() })
      const request = { profile: 'customs-corporate', subject: { ubn: f.ubn, sequence: 1, ra: { ubn: '97162640' } }, csrDer, validity: { days: 365 } } as ProfileRequest & { csrDer: Uint8Array; validity: { days: number } }
      const issued = await issueCertificate({ db, settings, caName: 'customs', ctx, request })
      inTransaction(db, (tx) =>
        registerCertificate(tx, { serialHex: issued.serialHex, caName: 'customs', kind: 'corporate', subjectDn: issued.subject, ubn: f.ubn, brokerCode: null, officeCode: 'AA', status: 'valid', notBefore: issued.notBefore.toISOString(), notAfter: issued.notAfter.toISOString(), der: Buffer.from(issued.certificate), createdAt: at }, ctx),
      )
      serials.push(issued.serialHex)
    }
    return { serials }
  } finally {
    database.close()
  }
}

export interface ServerProcess {
  url: string
  child: ChildProcess
  /** stderr so far: warnings and errors, for a failing test's message */
  stderr: () => string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  kill(signal?: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

/**
 * Starts the server's own source, `server/cli/start.ts`, through tsx (`npm start` runs the same code bundled;
 * test files running side by side would race to write one bundle), and waits until /api/health answers.
 */
export async function startServer(opts: { dataDir: string; port: number; env?: Record<string, string> }): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, ...serverEnv(opts.dataDir, opts.port), ...opts.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()))
  child.stdout!.resume()
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })))
  let gone = false
  void exited.then(() => (gone = true))
  const url = `http://127.0.0.1:${opts.port}`
  const deadline = Date.now() + 45_000
  for (;;) {
    if (gone) throw new Error(`the server exited before it answered:\n${err}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`the server did not answer within 45 s:\n${err}`)
    }
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false)
    if (ok) break
    await sleep(100)
  }
  return {
    url,
    child,
    stderr: () => err,
    exited,
    kill: (signal = 'SIGTERM') => {
      if (!gone) child.kill(signal)
      return exited
    },
  }
}

export interface Session {
  cookie: string
  csrfToken: string
}

export interface Answer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on the wire shape itself
  json: any
}

/** One HTTP call; a refused or reset connection (the server was killed) answers status 0. */
export async function call(base: string, method: string, pathname: string, opts: { body?: unknown; as?: Session } = {}): Promise<Answer> {
  const headers: Record<string, string> = {}
  if (opts.body !== undefined) headers['content-type'] = 'application/json'
  if (opts.as) {
    headers.cookie = opts.as.cookie
    if (method !== 'GET') headers['x-csrf-token'] = opts.as.csrfToken
  }
  try {
    const res = await fetch(base + pathname, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) })
    const text = await res.text()
    let json: unknown = null
    try {
      json = text ? JSON.parse(text) : null
    } catch {
      json = text
    }
    return { status: res.status, json }
  } catch {
    return { status: 0, json: null }
  }
}

export async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`)
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!
  const body = (await res.json()) as { csrfToken: string }
  return { cookie, csrfToken: body.csrfToken }
}

export const dataFile = (dataDir: string) => path.join(dataDir, 'certdesk.db')

/** Runs a CLI of server/cli as `npm run <name> -- <args>` would (tsx), with DATA_DIR and the server's settings. */
export function runCli(name: string, args: string[], dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `server/cli/${name}.ts`, ...args], { cwd: repoRoot, env: { ...process.env, ...serverEnv(dataDir, 0) }, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}
