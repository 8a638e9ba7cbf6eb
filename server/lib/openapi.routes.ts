import { readFileSync } from 'node:fs'
import { Hono } from 'hono'
import type { RouterRoute } from 'hono/types'
import { allow } from './auth'
import type { AppEnv } from './context'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi'

const read = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8')

/**
 * GET /api/openapi.json and the page that browses it at /api/docs. The page is a static file and a script of
 * its own, because the CSP (script-src 'self') refuses inline script; it stays out of the SPA's bundles.
 * The document is built at the first request, when every route of `app` is mounted, and kept: routes do not
 * change while the server runs.
 */
export function createApiDocsRoutes(app: { routes: readonly RouterRoute[] }) {
  const { version } = JSON.parse(read('../../package.json')) as { version: string }
  const page = read('./api-docs/index.html')
  const script = read('./api-docs/docs.js')
  const style = read('./api-docs/docs.css')
  let document: OpenApiDocument | undefined
  return new Hono<AppEnv>()
    .get('/openapi.json', allow('public'), (c) => c.json((document ??= buildOpenApiDocument(app, { version }))))
    .get('/docs', allow('public'), (c) => c.html(page))
    .get('/docs/docs.js', allow('public'), (c) => c.body(script, 200, { 'Content-Type': 'text/javascript; charset=utf-8' }))
    .get('/docs/docs.css', allow('public'), (c) => c.body(style, 200, { 'Content-Type': 'text/css; charset=utf-8' }))
}
