import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'

export interface ServerProcess {
  url: string
  pid: number
  /** milliseconds from spawn to the first 200 from /api/health */
  readyMs: number
  /** resident memory now and at its peak since the process began, in MB (Linux /proc) */
  memory(): { rssMb: number; peakRssMb: number }
  /** starts the peak over from the current resident memory (Linux: 5 into /proc/<pid>/clear_refs) */
  resetPeak(): void
  stop(): Promise<void>
}

/**
 * Starts a node process running `script` and waits until `/api/health` answers: a bundle (`.mjs`, as `npm start`
 * runs the server) with plain node, a TypeScript file through tsx's loader. The child is spawned directly, not through npm or the tsx binary, so
 * that its pid is the server's own and its memory can be read.
 */
export async function startServer(script: string, env: Record<string, string>, port: number): Promise<ServerProcess> {
  const started = performance.now()
  const child = spawn(process.execPath, script.endsWith('.mjs') ? ['--enable-source-maps', script] : ['--import', 'tsx', script], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()))
  const url = `http://127.0.0.1:${port}`
  const readyMs = await waitForHealth(url, child, () => stderr) - started
  return {
    url,
    pid: child.pid!,
    readyMs,
    memory: () => memoryOf(child.pid!),
    resetPeak: () => writeFileSync(`/proc/${child.pid}/clear_refs`, '5'),
    stop: () => stop(child),
  }
}

async function waitForHealth(url: string, child: ChildProcess, stderr: () => string): Promise<number> {
  const deadline = performance.now() + 120_000
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${stderr()}`)
    try {
      const res = await fetch(`${url}/api/health`)
      if (res.status === 200) return performance.now()
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 10))
  }
  throw new Error(`server at ${url} was not ready in 120 s: ${stderr()}`)
}

function memoryOf(pid: number): { rssMb: number; peakRssMb: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}
