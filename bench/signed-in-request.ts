import { createHash } from 'node:crypto'
import { Hono } from 'hono'
import { createTestApp } from '../server/lib/testing'
import { measureRate } from './measure'

/**
 * What a signed-in API request costs over the one indexed lookup it cannot avoid: sessions, CSRF, security
 * headers and error handling, in process (no network), one request at a time.
 */
export async function benchSignedInRequest() {
  const t = await createTestApp()
  const session = await t.login('admin')
  const token = session.cookie.split('=')[1]!
  const lookup = t.sqlite.prepare('select staff_id, csrf_token from sessions where id = ?')
  const bare = new Hono().get('/me', (c) => c.json(lookup.get(createHash('sha256').update(token).digest('hex')) as object))

  console.log('Signed-in request (in process, one at a time):')
  const baseline = await measureRate('bare Hono + one session lookup', 20_000, async () => bare.request('/me'))
  const ours = await measureRate('GET /api/auth/me through every middleware', 20_000, async () => t.app.request('/api/auth/me', { headers: { cookie: session.cookie } }))
  t.close()
  const ratio = ours / baseline
  // Most of the difference is building Request/Response objects and the dozen security headers every answer carries.
  console.log(`  ratio ${ratio.toFixed(2)} (informational: what the middleware costs per request)`)
  return { baseline, ours, ratio }
}
