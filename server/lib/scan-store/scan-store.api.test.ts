import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { portalAccounts } from '../../../db/schema'
import { paperForm } from '../../modules/applications/applications.fixtures'
import { portalPasswordLogin, PORTAL_PASSWORD } from '../../modules/portal-accounts/portal.fixtures'
import { PDF, realPng } from '../../security/payloads.fixtures'
import { filesUnder, missingAttachments, strayScans } from '../backup'
import { hashPassword } from '../password'
import { createTestApp, type Session } from '../testing'

/**
 * The two scan uploads (an application's attachment, a binding's account form) through the routes, on each store
 * and across a change of SCAN_STORAGE: the downloads give back the same bytes and type whichever store holds them.
 */
let t: Awaited<ReturnType<typeof createTestApp>>
let clerk: Session
let holder: Session
let attachments: string

beforeAll(async () => {
  t = await createTestApp()
  attachments = path.join(t.env.DATA_DIR, 'attachments')
  const at = t.now().toISOString()
  t.db.insert(portalAccounts).values({ accountId: '82656552', category: 'company', attribute: 'general', email: 'it@example.tw', contactName: '張三', ubn: '82656552', companyName: '示範物流', phone: '02-25505500', address: '臺北市', passwordHash: await hashPassword(PORTAL_PASSWORD, t.env.PASSWORD_HASH_COST), createdAt: at, updatedAt: at }).run()
  holder = await portalPasswordLogin(t, '82656552')
  clerk = await t.login('clerk.keelung')
}, 60_000)
afterAll(() => t?.close())

const post = (path: string, as: Session, form: FormData) => t.app.request(path, { method: 'POST', body: form, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken } })
const formWith = (bytes: Uint8Array, name: string, fields: Record<string, string> = {}) => {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(bytes)], name))
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return form
}
async function download(path: string) {
  const res = await t.app.request(path, { headers: { cookie: clerk.cookie } })
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) }
}

interface Kept {
  url: string
  key: string
  bytes: Uint8Array
  type: string
}

/** One attachment and one binding form, uploaded with the store set; the binding is rejected so the next may come. */
async function uploadBoth(label: string): Promise<Kept[]> {
  const png = realPng(2 + label.length, 3)
  const draft = (await t.call('POST', '/api/applications', { as: clerk, body: paperForm })).json
  const attached = await post(`/api/applications/${draft.id}/attachments`, clerk, formWith(png, `${label}.png`))
  expect(attached.status).toBe(201)
  const attachmentId = ((await attached.json()) as { id: number }).id
  const formBytes = new TextEncoder().encode(new TextDecoder().decode(PDF).replace('%%EOF', `% ${label}\n%%EOF`))
  const submitted = await post('/api/portal/bindings', holder, formWith(formBytes, `${label}.pdf`, { cardKind: 'moeaca' }))
  expect(submitted.status).toBe(201)
  const binding = (await submitted.json()) as { id: number; version: number }
  expect((await t.call('POST', `/api/bindings/${binding.id}/reject`, { as: clerk, body: { version: binding.version, reason: '測試' } })).status).toBe(200)
  const keyOf = (sql: string, id: number) => (t.sqlite.prepare(sql).get(id) as { k: string }).k
  return [
    { url: `/api/applications/${draft.id}/attachments/${attachmentId}`, key: keyOf('select storage_key k from application_attachments where id = ?', attachmentId), bytes: png, type: 'image/png' },
    { url: `/api/bindings/${binding.id}/form`, key: keyOf('select form_path k from binding_requests where id = ?', binding.id), bytes: formBytes, type: 'application/pdf' },
  ]
}

async function expectServed(kept: Kept[]) {
  for (const k of kept) expect(await download(k.url), k.key).toEqual({ status: 200, type: k.type, bytes: k.bytes })
}

describe('scans through the routes on either store', () => {
  const kept: Kept[] = []

  it('files: a file per scan under DATA_DIR/attachments, served back as uploaded', async () => {
    t.env.SCAN_STORAGE = 'files'
    const before = filesUnder(attachments)
    const scans = await uploadBoth('files')
    for (const s of scans) expect(s.key).toMatch(/^\d{4}-\d{2}\/[0-9a-f]{32}\.(png|pdf)$/)
    expect(filesUnder(attachments).filter((f) => !before.includes(f)).sort()).toEqual(scans.map((s) => s.key).sort())
    await expectServed(scans)
    kept.push(...scans)
  })

  it('database: a scan_files row per scan and no file, served back as uploaded', async () => {
    t.env.SCAN_STORAGE = 'database'
    const before = filesUnder(attachments)
    const scans = await uploadBoth('database')
    for (const s of scans) {
      expect(s.key).toMatch(/^db:\d{4}-\d{2}\/[0-9a-f]{32}\.(png|pdf)$/)
      expect(Number((t.sqlite.prepare('select byte_length n from scan_files where storage_key = ?').get(s.key) as { n: number }).n)).toBe(s.bytes.length)
    }
    expect(filesUnder(attachments)).toEqual(before)
    await expectServed(scans)
    kept.push(...scans)
  })

  it('serves every earlier scan after SCAN_STORAGE changes either way', async () => {
    expect(kept).toHaveLength(4)
    t.env.SCAN_STORAGE = 'files'
    await expectServed(kept)
    t.env.SCAN_STORAGE = 'database'
    await expectServed(kept)
  })

  it('the checks find each scan in its own store, and name a lost, changed or stray database scan', () => {
    expect(missingAttachments(t.sqlite, attachments)).toEqual([])
    expect(strayScans(t.sqlite)).toEqual([])
    t.sqlite.prepare('insert into scan_files (storage_key, bytes, byte_length, created_at) values (?, ?, 1, ?)').run('db:2026-11/stray.pdf', Buffer.from('x'), t.now().toISOString())
    expect(strayScans(t.sqlite)).toEqual(['db:2026-11/stray.pdf'])
    const [attachment, form] = kept.filter((k) => k.key.startsWith('db:'))
    t.sqlite.prepare('delete from scan_files where storage_key = ?').run(form!.key)
    // same length, other bytes: only the attachment's sha256 can tell
    t.sqlite.prepare('update scan_files set bytes = ? where storage_key = ?').run(Buffer.alloc(attachment!.bytes.length), attachment!.key)
    expect(missingAttachments(t.sqlite, attachments).sort()).toEqual([attachment!.key, form!.key].sort())
  })
})
