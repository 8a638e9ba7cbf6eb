import { afterAll, beforeAll, expect } from 'vitest'
import type { Card } from '../../core/pki'
import type { Session } from '../lib/testing'
import { paperForm } from '../modules/applications/applications.fixtures'
import { openDemoCards, portalCardLogin, registerCompany, type DemoCardName } from '../modules/portal-accounts/portal.fixtures'
import { attackedApp, type TestApp } from './attack.fixtures'
import { multipart } from './payloads.fixtures'

/**
 * The app the upload attacks hit (upload-attacks, import-attacks): a clerk, a supervisor, a company signed in
 * with its card, the demo cards and a draft to attach scans to. Filled in before the file's tests run.
 */
export interface UploadTarget {
  t: TestApp
  root: string
  dataDir: string
  clerk: Session
  supervisor: Session
  company: Session
  cards: Record<DemoCardName, Card>
  draftId: number
}

export function uploadTarget(): UploadTarget {
  const u = {} as UploadTarget
  let dispose = () => {}
  beforeAll(async () => {
    // card checks are rate-limited per client: each comes from its own address
    const app = await attackedApp({ TRUST_PROXY: true }, { ca: true })
    dispose = app.dispose
    Object.assign(u, { t: app.t, root: app.root, dataDir: app.dataDir })
    u.clerk = await u.t.login('clerk.keelung')
    u.supervisor = await u.t.login('supervisor.keelung')
    u.cards = await openDemoCards(u.t)
    expect((await registerCompany(u.t, u.cards['company-52111891'], '52111891')).status).toBe(201)
    u.company = await portalCardLogin(u.t, u.cards['company-52111891'])
    u.draftId = (await u.t.call('POST', '/api/applications', { as: u.clerk, body: paperForm })).json.id
  })
  afterAll(() => dispose())
  return u
}

export interface Reply {
  status: number
  json: { error?: { code: string; message: string; fieldErrors?: Record<string, string> } } & Record<string, unknown>
  headers: Headers
  bytes: Uint8Array
}

/** A multipart POST as `as`, with the session's CSRF token. */
export async function send(t: TestApp, path: string, as: Session, form: { body: Uint8Array<ArrayBuffer>; contentType: string }, lang = 'zh-TW'): Promise<Reply> {
  const res = await t.app.request(path, { method: 'POST', body: form.body, headers: { 'content-type': form.contentType, cookie: as.cookie, 'x-csrf-token': as.csrfToken, 'accept-language': lang } })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const text = new TextDecoder().decode(bytes)
  return { status: res.status, json: text.startsWith('{') ? JSON.parse(text) : {}, headers: res.headers, bytes }
}

export async function get(t: TestApp, path: string, as: Session) {
  const res = await t.app.request(path, { headers: { cookie: as.cookie } })
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) }
}

/** A scan as a multipart form, with any other fields the route wants. */
export const scan = (data: Uint8Array, filename = 'scan.png', type = 'image/png', fields: { name: string; data: string }[] = []) => multipart([...fields, { name: 'file', filename, type, data }])
