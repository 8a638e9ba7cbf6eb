import http from 'node:http'

/** What the last failed request met, for the report. */
export let lastError = ''

export interface LoadResult {
  requests: number
  rps: number
  p50Ms: number
  p99Ms: number
  errors: number
}

/** One request of a load: where it goes and as whom (the cookie of a signed-in user). */
export interface Target {
  url: string
  headers?: Record<string, string>
}

/**
 * Keeps `connections` requests in flight against one URL for `seconds` (after a one-second warm-up) over
 * keep-alive sockets, and reports throughput and latency percentiles. Any answer but 200 counts as an error.
 */
export function runLoad(url: string, opts: { connections: number; seconds: number; headers?: Record<string, string> }): Promise<LoadResult> {
  return runMix([{ url, headers: opts.headers }], opts)
}

/**
 * As runLoad, over several targets in turn: each request goes to the next target of the list, whichever
 * connection sends it, so every target gets the same share of the requests (a user's mix, not one endpoint).
 */
export async function runMix(targets: Target[], opts: { connections: number; seconds: number }): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections })
  const latencies: number[] = []
  let errors = 0
  let turn = 0
  // one run without a pause between warm-up and measurement: a socket left idle past the server's keep-alive
  // timeout would be reset when reused, and that would be the generator's fault, not the server's
  const measureFrom = performance.now() + 1000
  const end = measureFrom + opts.seconds * 1000
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (performance.now() < end) {
        const target = targets[turn++ % targets.length]!
        const started = performance.now()
        const { ms, ok } = await request(target.url, agent, target.headers ?? {})
        if (started < measureFrom) continue
        latencies.push(ms)
        if (!ok) errors++
      }
    }),
  )
  const elapsed = (performance.now() - measureFrom) / 1000
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

function request(url: string, agent: http.Agent, headers: Record<string, string>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now()
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers }, (res) => {
      res.on('data', () => {})
      res.on('end', () => {
        if (res.statusCode !== 200) lastError = `HTTP ${res.statusCode}`
        resolve({ ms: performance.now() - started, ok: res.statusCode === 200 })
      })
    })
    req.on('error', (error: NodeJS.ErrnoException) => {
      lastError = error.code ?? error.message
      resolve({ ms: performance.now() - started, ok: false })
    })
  })
}
