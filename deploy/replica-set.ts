import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startNginx, stopChild, waitUntil, type Nginx } from './nginx'

/**
 * Several Certdesk processes on one PostgreSQL behind nginx, on this machine: the trial deployment of
 * docs/operations.md, the PostgreSQL end-to-end tests and the replica benchmark. Each replica is what
 * `npm start` runs (the bundle), with TRUST_PROXY for nginx's X-Forwarded-For.
 */
export interface Replica {
  url: string
  pid(): number
  /** ends the process: SIGKILL for a lost machine, SIGTERM for a rolling restart (in-flight requests finish) */
  stop(signal?: NodeJS.Signals): Promise<void>
  start(): Promise<void>
}

export interface ReplicaSet {
  /** nginx's address: what users and tests talk to */
  url: string
  nginx: Nginx
  replicas: Replica[]
  stop(): Promise<void>
}

const root = fileURLToPath(new URL('..', import.meta.url))

export async function startReplicaSet(o: { replicas: number; databaseUrl: string; dataDir: string; port?: number; env?: Record<string, string>; quiet?: boolean }): Promise<ReplicaSet> {
  execFileSync(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { stdio: 'inherit' })
  const ports = await Promise.all(Array.from({ length: o.replicas }, () => freePort()))
  const replicas = ports.map((port) => replica(port, o))
  let nginx: Nginx
  try {
    // the first migrates, seeds an empty database and builds the SPA when it is missing; then the rest together
    await replicas[0]!.start()
    await Promise.all(replicas.slice(1).map((r) => r.start()))
    nginx = await startNginx({ port: o.port ?? (await freePort()), upstreams: ports, dir: path.join(o.dataDir, 'nginx') })
  } catch (error) {
    // a replica that never became healthy, or nginx that never listened: the ones already up would outlive us
    await Promise.all(replicas.map((r) => r.stop('SIGKILL')))
    throw error
  }
  return {
    url: nginx.url,
    nginx,
    replicas,
    async stop() {
      await nginx.stop()
      await Promise.all(replicas.map((r) => r.stop('SIGTERM')))
    },
  }
}

function replica(port: number, o: { databaseUrl: string; dataDir: string; env?: Record<string, string>; quiet?: boolean }): Replica {
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | null = null
  let stderr = ''
  return {
    url,
    pid: () => child?.pid ?? 0,
    async start() {
      stderr = ''
      child = spawn(process.execPath, ['--enable-source-maps', path.join(root, 'dist-server/start.mjs')], {
        cwd: root,
        env: { ...process.env, LOG_LEVEL: 'warn', ...o.env, DATABASE_URL: o.databaseUrl, DATA_DIR: o.dataDir, PORT: String(port), HOST: '127.0.0.1', TRUST_PROXY: '1' },
        stdio: ['ignore', o.quiet ? 'ignore' : 'inherit', 'pipe'],
      })
      const started = child
      started.stderr!.on('data', (d: Buffer) => {
        stderr += d.toString()
        if (!o.quiet) process.stderr.write(d)
      })
      await waitUntil(async () => {
        if (started.exitCode !== null) throw new Error(`replica on port ${port} exited with ${started.exitCode}: ${stderr}`)
        try {
          return (await fetch(url + '/api/health')).status === 200
        } catch {
          return false
        }
      }, 180_000, () => `replica on port ${port} was not healthy in 180 s: ${stderr}`)
    },
    stop: (signal = 'SIGTERM') => (child ? stopChild(child, signal) : Promise.resolve()),
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}
