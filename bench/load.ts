import http from 'node:http'

export interface LoadResult {
  requests: number
  rps: number
  p50Ms: number
  p99Ms: number
  errors: number
}

/**
 * Keeps `connections` requests in flight against one URL for `seconds` (after a one-second warm-up) over
 * keep-alive sockets, and reports throughput and latency percentiles. Any answer but 200 counts as an error.
 */
export async function runLoad(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections })
  const get = () => request(url, agent, opts.headers ?? {})
  await until(performance.now() + 1000, opts.connections, get, () => {})
  const latencies: number[] = []
  let errors = 0
  const start = performance.now()
  await until(start + opts.seconds * 1000, opts.connections, get, (ms, ok) => {
    latencies.push(ms)
    if (!ok) errors++
  })
  const elapsed = (performance.now() - start) / 1000
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { requests: latencies.length, rps: latencies.length / elapsed, p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), errors }
}

/** Runs one request at a time `n` times and reports the latency percentiles. */
export async function runSequential(url: string, n: number, headers: Record<string, string> = {}): Promise<{ p50Ms: number; p99Ms: number; errors: number }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  for (let i = 0; i < Math.min(50, n); i++) await request(url, agent, headers)
  const latencies: number[] = []
  let errors = 0
  for (let i = 0; i < n; i++) {
    const { ms, ok } = await request(url, agent, headers)
    latencies.push(ms)
    if (!ok) errors++
  }
  agent.destroy()
  latencies.sort((a, b) => a - b)
  return { p50Ms: percentile(latencies, 0.5), p99Ms: percentile(latencies, 0.99), errors }
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!
}

async function until(deadline: number, workers: number, once: () => Promise<{ ms: number; ok: boolean }>, record: (ms: number, ok: boolean) => void) {
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (performance.now() < deadline) {
        const { ms, ok } = await once()
        record(ms, ok)
      }
    }),
  )
}

function request(url: string, agent: http.Agent, headers: Record<string, string>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.on('data', () => {})
      res.on('end', () => resolve({ ms: performance.now() - started, ok: res.statusCode === 200 }))
    })
    req.on('error', () => resolve({ ms: performance.now() - started, ok: false }))
  })
}
