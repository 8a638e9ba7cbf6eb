import { writeFileSync } from 'node:fs'
import { Hono } from 'hono'
import { createHash } from 'node:crypto'
import { createTestApp } from '../server/lib/testing'

/**
 * `npm run bench`: each figure is a ratio against a baseline measured in the same run, so a slow or busy
 * machine moves both sides. More benchmarks join as the product grows (reports, exports, PKI).
 */
async function rate(label: string, n: number, once: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await once()
  const start = performance.now()
  for (let i = 0; i < n; i++) await once()
  const perSecond = n / ((performance.now() - start) / 1000)
  console.log(`  ${label.padEnd(58)} ${perSecond.toFixed(0).padStart(8)} req/s`)
  return perSecond
}

const t = await createTestApp()
const session = await t.login('admin')
const token = session.cookie.split('=')[1]!

// Baseline: a bare Hono route that does the one indexed lookup a signed-in request cannot avoid.
const lookup = t.sqlite.prepare('select staff_id, csrf_token from sessions where id = ?')
const bare = new Hono().get('/me', (c) => c.json(lookup.get(createHash('sha256').update(token).digest('hex')) as object))

console.log('Signed-in request overhead (in-process, one connection):')
const baseline = await rate('bare Hono + one session lookup', 20_000, async () => bare.request("/me"))
const ours = await rate('GET /api/auth/me through every middleware', 20_000, async () => t.app.request("/api/auth/me", { headers: { cookie: session.cookie } }))
const ratio = ours / baseline
// Most of the difference is building Request/Response objects and the dozen security headers every answer carries.
console.log(`  ratio ${ratio.toFixed(2)} (what sessions, CSRF, security headers and error handling cost per request)`)

writeFileSync('bench/results/latest.json', JSON.stringify({ at: new Date().toISOString(), signedInRequest: { baseline, ours, ratio } }, null, 2) + '\n')
t.close()
