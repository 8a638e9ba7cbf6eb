import { existsSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import type { AppEnv } from './context'

/**
 * Serves the built SPA from `distDir`: hashed assets cached for a year, and index.html (never cached) for
 * every other GET outside /api, so that client-side routes such as /console/staff load on refresh.
 */
export function mountSpa(app: Hono<AppEnv>, distDir: string): void {
  const indexFile = path.join(distDir, 'index.html')
  const root = path.relative(process.cwd(), distDir) || '.'
  // The API alone (tests, a server without the web app) serves no files; npm start builds the SPA first.
  if (existsSync(distDir)) {
    app.use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable')
        },
      }),
    )
    app.use('*', serveStatic({ root, rewriteRequestPath: (p) => (p === '/' ? '/__no_index__' : p) }))
  }
  // A hashed asset that is not there must not turn into index.html: the browser would try to run HTML as code.
  app.get('/assets/*', (c) => c.text('Not found', 404))
  // index.html is re-read when a rebuild replaces it, so a running server never serves a stale entry point.
  let cached: { mtimeMs: number; html: string } | null = null
  app.get('*', (c) => {
    const mtimeMs = statSync(indexFile, { throwIfNoEntry: false })?.mtimeMs
    if (mtimeMs === undefined) return c.text('The web app is not built yet: run `npm run build`.', 503)
    if (cached?.mtimeMs !== mtimeMs) cached = { mtimeMs, html: readFileSync(indexFile, 'utf8') }
    const indexHtml = cached.html
    c.header('Cache-Control', 'no-cache')
    return c.html(indexHtml)
  })
}
