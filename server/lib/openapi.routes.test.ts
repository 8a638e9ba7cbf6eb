import { runInNewContext } from 'node:vm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildOpenApiDocument, type OpenApiDocument } from './openapi'
import { createTestApp } from './testing'

let t: Awaited<ReturnType<typeof createTestApp>>
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('GET /api/openapi.json', () => {
  it('answers the document to anyone, built once from the app it is mounted in', async () => {
    const res = await t.call('GET', '/api/openapi.json')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/application\/json/)
    expect(res.json).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument(t.app, { version: res.json.info.version }))))
    expect(res.json.info.version).toMatch(/^\d+\.\d+\.\d+/)
    expect((await t.call('GET', '/api/openapi.json')).text).toBe(res.text)
  })
})

describe('GET /api/docs', () => {
  it('answers an HTML page with no inline script, under a CSP that allows only its own origin\'s scripts', async () => {
    const res = await t.call('GET', '/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/text\/html/)
    const scriptSrc = res.headers.get('content-security-policy')!.match(/script-src ([^;]*)/)![1]
    expect(scriptSrc).toBe("'self'")
    const scripts = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts).toHaveLength(1)
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc="\/api\/docs\/docs\.js"/)
      expect(body!.trim()).toBe('')
    }
    expect(res.text).not.toMatch(/\son\w+\s*=/i)
    expect(res.text).not.toMatch(/javascript:/i)
  })

  it('serves the script and style sheet the page names, with their types', async () => {
    const page = (await t.call('GET', '/api/docs')).text
    const assets = [...page.matchAll(/(?:src|href)="(\/api\/docs\/[^"]+)"/g)].map((m) => m[1]!)
    expect(assets.sort()).toEqual(['/api/docs/docs.css', '/api/docs/docs.js'])
    const js = await t.call('GET', '/api/docs/docs.js')
    expect(js.status).toBe(200)
    expect(js.headers.get('content-type')).toMatch(/^text\/javascript/)
    const css = await t.call('GET', '/api/docs/docs.css')
    expect(css.status).toBe(200)
    expect(css.headers.get('content-type')).toMatch(/^text\/css/)
  })

  it('its script lists every operation by tag, with access, parameters, body fields and errors, and filters them', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json as OpenApiDocument
    const page = await runDocsScript((await t.call('GET', '/api/docs/docs.js')).text, Promise.resolve(doc), '#op-postLookupReveal')
    expect(page.byId('title').text()).toBe('Certdesk API')
    expect(page.byId('meta').text()).toContain(`Version ${doc.info.version} · OpenAPI 3.1`)
    const ops = page.byId('content').all((e) => e.className === 'op')
    expect(ops).toHaveLength(Object.values(doc.paths).flatMap(Object.keys).length)
    expect(page.byId('tags').all((e) => e.tagName === 'a')).toHaveLength(doc.tags.length)
    const register = ops.find((e) => e.id === 'op-postPortalAccounts')!.text()
    for (const text of ['POST', '/api/portal/accounts', 'Register a portal account with a card', 'public', 'none (public)', 'passwordConfirm', 'companyAddress', 'VALIDATION_FAILED']) {
      expect(register).toContain(text)
    }
    const queue = ops.find((e) => e.id === 'op-getApplications')!.text()
    for (const text of ['clerk', 'supervisor', 'staffSession', 'overdue', 'default 50']) expect(queue).toContain(text)
    expect(page.byId('content').text()).toContain('RATE_LIMITED')
    expect(ops.find((e) => e.id === 'op-postLookupReveal')!.open).toBe(true)

    const filter = page.byId('filter')
    filter.value = 'reveal'
    filter.fire('input')
    expect(ops.filter((e) => !e.hidden).map((e) => e.id)).toEqual(['op-postLookupReveal'])
  })

  it('its script says so when the document cannot be read', async () => {
    const page = await runDocsScript((await t.call('GET', '/api/docs/docs.js')).text, Promise.reject(new Error('HTTP 503')), '')
    expect(page.byId('meta').text()).toBe('Could not read /api/openapi.json: HTTP 503')
  })
})

/** Just enough of the DOM for docs.js (it uses createElement, append, setAttribute and a few properties). */
class FakeElement {
  id = ''
  className = ''
  hidden = false
  open = false
  value = ''
  nodes: (FakeElement | string)[] = []
  private listeners = new Map<string, (event: { target: FakeElement }) => void>()
  constructor(readonly tagName: string) {}
  append(...nodes: (FakeElement | string)[]) {
    this.nodes.push(...nodes)
  }
  setAttribute(name: string, value: string) {
    if (name === 'id') this.id = value
  }
  set textContent(value: string) {
    this.nodes = [value]
  }
  text(): string {
    return this.nodes.map((n) => (typeof n === 'string' ? n : n.text())).join('')
  }
  all(match: (e: FakeElement) => boolean): FakeElement[] {
    return this.nodes.flatMap((n) => (typeof n === 'string' ? [] : [...(match(n) ? [n] : []), ...n.all(match)]))
  }
  addEventListener(type: string, listener: (event: { target: FakeElement }) => void) {
    this.listeners.set(type, listener)
  }
  fire(type: string) {
    this.listeners.get(type)!({ target: this })
  }
}

async function runDocsScript(script: string, body: Promise<unknown>, hash: string) {
  const root = new FakeElement('body')
  for (const id of ['title', 'meta', 'filter', 'tags', 'content']) {
    const e = new FakeElement('div')
    e.id = id
    root.append(e)
  }
  const byId = (id: string) => root.all((e) => e.id === id)[0]!
  const fetch = () => body.then((json) => ({ ok: true, json: () => json }))
  runInNewContext(script, { document: { createElement: (tag: string) => new FakeElement(tag), getElementById: byId }, fetch, location: { hash } })
  await new Promise((resolve) => setTimeout(resolve, 0))
  return { byId }
}
