import { execFileSync, spawnSync } from 'node:child_process'
import { accessSync, chmodSync, constants, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'

export interface TestPostgres {
  /** the superuser's URL to the `postgres` database */
  url: string
  /** shuts the server down, keeping its data, as a lost database server would look to a replica */
  pause(): void
  /** starts it again on the same port and data */
  resume(): void
  stop(): void
  /** the postmaster's pid (postmaster.pid): the backends are its children */
  postmasterPid(): number
}

/**
 * A throwaway PostgreSQL cluster for tests: initdb in a temporary folder, started on a free loopback port, trust
 * authentication, durability off (a test database is thrown away: fsync would only cost time), in memory where
 * the machine has a tmpfs (/dev/shm: copying the template for each test's database then takes ~25 ms, not ~400).
 * Collation "C", so text sorts by code point as in SQLite. Needs the server binaries: scripts/ensure-postgres.sh installs them.
 */
export async function startTestPostgres(): Promise<TestPostgres> {
  const bin = postgresBinDir()
  const dir = mkdtempSync(path.join(clusterRoot(), 'certdesk-pg-'))
  // initdb refuses to run as root: the cluster belongs to the postgres user then
  const asRoot = process.getuid?.() === 0
  const run = (cmd: string, args: string[]) => {
    const full = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]] : [path.join(bin, cmd), args]
    const res = spawnSync(full[0] as string, full[1] as string[], { encoding: 'utf8' })
    if (res.status !== 0) throw new Error(`${cmd} failed (${res.status}): ${res.stderr || res.stdout || res.error?.message}`)
  }
  if (asRoot) {
    execFileSync('chown', ['postgres:postgres', dir])
    chmodSync(dir, 0o700)
  }
  const data = path.join(dir, 'data')
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync'])
  const port = await freePort()
  const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200']
  const start = () => run('pg_ctl', ['-D', data, '-o', options.join(' '), '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start'])
  try {
    start()
  } catch (err) {
    const log = existsSync(path.join(dir, 'server.log')) ? readFileSync(path.join(dir, 'server.log'), 'utf8') : ''
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`${(err as Error).message}\n${log}`, { cause: err })
  }
  let stopped = false
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    pause: () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
    resume: start,
    postmasterPid: () => Number(readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      if (stopped) return
      stopped = true
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    },
  }
}

/** Where initdb and pg_ctl are: PG_BIN, else Debian's newest /usr/lib/postgresql/N/bin, else the PATH. */
export function postgresBinDir(): string {
  if (process.env.PG_BIN) return process.env.PG_BIN
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return path.join(root, versions[0], 'bin')
  }
  const found = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim()
  if (found) return path.dirname(found)
  throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found: run scripts/ensure-postgres.sh, or set PG_BIN')
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** /dev/shm when it is there: a throwaway cluster need not touch the disk. */
function clusterRoot(): string {
  try {
    accessSync('/dev/shm', constants.W_OK)
    return '/dev/shm'
  } catch {
    return os.tmpdir()
  }
}
