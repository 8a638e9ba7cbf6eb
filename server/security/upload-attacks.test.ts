import { describe, expect, it } from 'vitest'
import { characterCount, textProblem } from '../../core/contracts/text'
import { expectHealthy, expectNothingWritten, filesUnder, snapshot } from './attack.fixtures'
import { jpeg, multipart, PDF, png, realPng, zlibBomb } from './payloads.fixtures'
import { get, scan, send, uploadTarget } from './upload.fixtures'

/**
 * What the scan uploads accept, attacked: the application's scanned attachments and the binding's scanned
 * account form; and the routes that send stored files back. The CSV imports and certificate uploads are in
 * import-attacks.test.ts.
 */
const u = uploadTarget()

/** The two scan uploads: a clerk's attachment to an application, a portal account's sealed form for a binding. */
const scanEndpoints = () => [
  { name: 'application attachment', path: `/api/applications/${u.draftId}/attachments`, as: u.clerk, fields: [] as { name: string; data: string }[] },
  { name: 'binding form', path: '/api/portal/bindings', as: u.company, fields: [{ name: 'cardKind', data: 'moeaca' }] },
]

const STORED_NAME = /^(?:db:)?\d{4}-\d{2}\/[0-9a-f]{32}\.(?:pdf|png|jpg)$/

/**
 * A scan's bytes are where its key says and nowhere else: a file under DATA_DIR/attachments named by the key, or
 * with SCAN_STORAGE=database (PostgreSQL's default) a scan_files row under a db: key and no file at all.
 */
function expectKeptUnder(key: string, size: number, filesBefore: string[]) {
  expect(key).toMatch(STORED_NAME)
  const added = filesUnder(u.root).filter((f) => !filesBefore.includes(f))
  if (u.t.env.SCAN_STORAGE === 'files') return expect(added).toEqual([`a/b/data/attachments/${key} (${size})`])
  expect(key.startsWith('db:')).toBe(true)
  expect(added).toEqual([])
  expect(Number((u.t.sqlite.prepare('select byte_length n from scan_files where storage_key = ?').get(key) as { n: number }).n)).toBe(size)
}

describe('file names: the client names nothing on disk', () => {
  const names: [string, string][] = [
    ['climbing with slashes', '../../etc/passwd'],
    ['climbing with backslashes', '..\\..\\..\\x.png'],
    ['an absolute path', '/etc/passwd'],
    ['a Windows path', 'C:\\Windows\\win.ini'],
    ['a UNC path', '\\\\server\\share\\x.png'],
    ['a NUL byte', 'scan.png\u0000.exe'],
    ['dot-dot', '..'],
    ['a dot', '.'],
    ['blanks', '   '],
    ['percent-encoded climbing', '%2e%2e%2f%2e%2e%2fx.png'],
    ['a file URL', 'file:///etc/passwd'],
    ['a right-to-left override', 'invoice\u202efdp.exe'],
    ['10,000 characters', 'x'.repeat(10_000)],
    ['300 supplementary-plane characters (cut between code points)', `a${'𠀋'.repeat(300)}`],
    ['markup', '<script>alert(1)</script>.png'],
    ['a DOS device name', 'CON'],
  ]

  it.each(names)('%s: stored under a random key (a file in DATA_DIR or a database row), shown by a cleaned name', async (_what, filename) => {
    const filesBefore = filesUnder(u.root)
    const res = await send(u.t, `/api/applications/${u.draftId}/attachments`, u.clerk, scan(realPng(1, 1), filename))
    expect(res.status).toBe(201)
    const shown = res.json.fileName as string
    expect(shown).not.toMatch(/[/\\"]/)
    expect(textProblem(shown)).toBeNull()
    expect(characterCount(shown)).toBeLessThanOrEqual(120)
    expect(['.', '..', '']).not.toContain(shown)
    const row = u.t.sqlite.prepare('select storage_key k from application_attachments where id = ?').get(res.json.id) as { k: string }
    expectKeptUnder(row.k, realPng(1, 1).length, filesBefore)
    const back = await get(u.t, `/api/applications/${u.draftId}/attachments/${res.json.id}`, u.clerk)
    expect(back.status).toBe(200)
    expect(back.bytes).toEqual(realPng(1, 1))
    expect(back.headers.get('content-disposition')).toBe(`inline; filename*=UTF-8''${encodeURIComponent(shown)}`)
  })

  it('the binding form is kept the same way', async () => {
    const filesBefore = filesUnder(u.root)
    const res = await send(u.t, '/api/portal/bindings', u.company, scan(PDF, '../../../../etc/cron.d/x', 'application/pdf', [{ name: 'cardKind', data: 'moeaca' }]))
    expect(res.status).toBe(201)
    expect(res.json.formName).toBe('x')
    const row = u.t.sqlite.prepare('select form_path p from binding_requests where id = ?').get(res.json.id) as { p: string }
    expectKeptUnder(row.p, PDF.length, filesBefore)
    // the office reads it back; the holder's next upload waits for this one to be handled
    const back = await get(u.t, `/api/bindings/${res.json.id}/form`, u.clerk)
    expect(back.bytes).toEqual(PDF)
    expect(back.headers.get('content-type')).toBe('application/pdf')
    const reject = await u.t.call('POST', `/api/bindings/${res.json.id}/reject`, { as: u.clerk, body: { version: res.json.version, reason: '測試' } })
    expect(reject.status).toBe(200)
  })
})

/** Files each scan upload must refuse, with the text of the field error. */
const refusedScans = (): [string, Uint8Array, string, string][] => [
  ['HTML with a script, declared application/pdf', new TextEncoder().encode('<html><script>alert(document.cookie)</script></html>'), 'application/pdf', '只接受 PDF、JPEG 或 PNG 檔案'],
  ['SVG with a script, declared image/png', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'image/png', '只接受 PDF、JPEG 或 PNG 檔案'],
  ['a Windows executable, declared application/pdf', new TextEncoder().encode('MZ\x90\x00 This program cannot be run in DOS mode'), 'application/pdf', '只接受 PDF、JPEG 或 PNG 檔案'],
  ['a ZIP, declared image/jpeg', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]), 'image/jpeg', '只接受 PDF、JPEG 或 PNG 檔案'],
  ['a GIF', new TextEncoder().encode('GIF89a\x01\x00\x01\x00'), 'image/gif', '只接受 PDF、JPEG 或 PNG 檔案'],
  ['an empty file', new Uint8Array(0), 'application/pdf', '只接受 PDF、JPEG 或 PNG 檔案'],
  ['a PNG with HTML after its end (a polyglot)', png({ width: 1, height: 1, zlib: new Uint8Array(Buffer.from('78da63000100000500010d0a2db4', 'hex')), after: new TextEncoder().encode('<html><script>alert(1)</script>') }), 'image/png', '圖檔已損毀或不是有效的 PNG／JPEG 檔'],
  ['a PNG whose chunk CRC is wrong', (() => { const b = realPng(4, 4); b[30] = b[30]! ^ 0xff; return b })(), 'image/png', '圖檔已損毀或不是有效的 PNG／JPEG 檔'],
  ['a PNG signature followed by HTML', new Uint8Array([...realPng(1, 1).slice(0, 8), ...new TextEncoder().encode('<html><script>alert(1)</script>')]), 'image/png', '圖檔已損毀或不是有效的 PNG／JPEG 檔'],
  ['a JPEG signature followed by HTML', new Uint8Array([0xff, 0xd8, 0xff, ...new TextEncoder().encode('<html><script>alert(1)</script>')]), 'image/jpeg', '圖檔已損毀或不是有效的 PNG／JPEG 檔'],
  ['a PNG declaring 100,000 × 100,000 pixels', png({ width: 100_000, height: 100_000, zlib: zlibBomb(1) }), 'image/png', '圖檔尺寸過大（100000 × 100000 像素；每邊最多 20000 像素、總計最多 80 百萬像素）'],
  ['a PNG 20,001 pixels wide', png({ width: 20_001, height: 1, zlib: new Uint8Array(Buffer.from('78da63000100000500010d0a2db4', 'hex')) }), 'image/png', '圖檔尺寸過大（20001 × 1 像素；每邊最多 20000 像素、總計最多 80 百萬像素）'],
  ['a PNG of 10,000 × 10,000 (100 megapixels)', png({ width: 10_000, height: 10_000, zlib: zlibBomb(1) }), 'image/png', '圖檔尺寸過大（10000 × 10000 像素；每邊最多 20000 像素、總計最多 80 百萬像素）'],
  ['a JPEG declaring 65,535 × 65,535 pixels', jpeg(65_535, 65_535), 'image/jpeg', '圖檔尺寸過大（65535 × 65535 像素；每邊最多 20000 像素、總計最多 80 百萬像素）'],
  ['a JPEG whose height waits for a DNL marker (0)', jpeg(1000, 0), 'image/jpeg', '圖檔已損毀或不是有效的 PNG／JPEG 檔'],
  ['a PNG bomb: 4,000 × 4,000 grey (16 MB) whose data inflates to 1 GiB', png({ width: 4000, height: 4000, zlib: zlibBomb(16) }), 'image/png', '圖檔的壓縮資料解開後超過其宣告的尺寸（疑似壓縮炸彈），不予接受'],
  ['a PNG bomb: 1 × 1 whose data inflates to 64 MiB', png({ width: 1, height: 1, zlib: zlibBomb(1) }), 'image/png', '圖檔的壓縮資料解開後超過其宣告的尺寸（疑似壓縮炸彈），不予接受'],
  ['a PNG whose data is not zlib', png({ width: 1, height: 1, zlib: new TextEncoder().encode('<script>') }), 'image/png', '圖檔已損毀或不是有效的 PNG／JPEG 檔'],
]

describe('scans that lie about their content, bombs and huge images', () => {
  it.each(refusedScans())('%s: refused by both scan uploads, quickly, and nothing is written', async (_what, bytes, type, message) => {
    for (const endpoint of scanEndpoints()) {
      const before = snapshot(u.t, u.root)
      const started = performance.now()
      const res = await send(u.t, endpoint.path, endpoint.as, scan(bytes, 'scan.bin', type, endpoint.fields))
      expect(res.status, endpoint.name).toBe(400)
      expect(res.json.error!.fieldErrors, endpoint.name).toEqual({ file: message })
      expect(performance.now() - started, endpoint.name).toBeLessThan(5_000)
      expectNothingWritten(u.t, before, u.root)
    }
  })

  it('the refusals are in English too', async () => {
    const huge = await send(u.t, scanEndpoints()[0]!.path, u.clerk, scan(png({ width: 100_000, height: 100_000, zlib: zlibBomb(1) })), 'en')
    expect(huge.json.error!.fieldErrors).toEqual({ file: 'The image is too large (100000 × 100000 pixels; at most 20000 pixels a side and 80 megapixels)' })
    const bomb = await send(u.t, scanEndpoints()[0]!.path, u.clerk, scan(png({ width: 4000, height: 4000, zlib: zlibBomb(16) })), 'en')
    expect(bomb.json.error!.fieldErrors).toEqual({ file: "The image's compressed data expands beyond the size it declares (a decompression bomb); it is not accepted" })
  })

  it('what a scanner makes is kept: a 2,000 × 3,000 PNG, a JPEG, an A4 page at 600 dpi (4,960 × 7,016)', async () => {
    for (const bytes of [realPng(2000, 3000), jpeg(8, 8), jpeg(4960, 7016), PDF]) {
      const res = await send(u.t, `/api/applications/${u.draftId}/attachments`, u.clerk, scan(bytes))
      expect(res.status).toBe(201)
    }
  })

  it('a PDF declared as image/png is kept as what it is, and served back as application/pdf, never sniffed', async () => {
    const res = await send(u.t, `/api/applications/${u.draftId}/attachments`, u.clerk, scan(PDF, 'photo.png', 'image/png'))
    expect(res.json).toMatchObject({ contentType: 'application/pdf' })
    const back = await get(u.t, `/api/applications/${u.draftId}/attachments/${res.json.id}`, u.clerk)
    expect(back.headers.get('content-type')).toBe('application/pdf')
    expect(back.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('a PDF that is also HTML (a polyglot) is only ever a PDF: served as application/pdf, nosniff, under a CSP with no inline script', async () => {
    const polyglot = new TextEncoder().encode('%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n%%EOF\n')
    const res = await send(u.t, `/api/applications/${u.draftId}/attachments`, u.clerk, scan(polyglot, 'page.html', 'text/html'))
    expect(res.json).toMatchObject({ contentType: 'application/pdf' })
    const back = await get(u.t, `/api/applications/${u.draftId}/attachments/${res.json.id}`, u.clerk)
    expect(back.headers.get('content-type')).toBe('application/pdf')
    expect(back.headers.get('x-content-type-options')).toBe('nosniff')
    expect(back.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect(back.headers.get('content-security-policy')).not.toContain('unsafe-inline\'; script')
    expect(back.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''page.html")
  })

  it('a multipart body that is not one, or has no file, is a 400', async () => {
    const before = snapshot(u.t, u.root)
    for (const endpoint of scanEndpoints()) {
      for (const form of [
        { body: new TextEncoder().encode('garbage'), contentType: 'multipart/form-data; boundary=x' },
        { body: new TextEncoder().encode('--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nunterminated'), contentType: 'multipart/form-data; boundary=x' },
        multipart([...endpoint.fields, { name: 'file', data: 'a text field, not a file' }]),
        multipart([...endpoint.fields, { name: 'other', filename: 'a.png', type: 'image/png', data: realPng(1, 1) }]),
      ]) {
        const res = await send(u.t, endpoint.path, endpoint.as, form)
        expect(res.status, endpoint.name).toBe(400)
      }
    }
    expectNothingWritten(u.t, before, u.root)
    await expectHealthy(u.t)
  })
})

describe('multipart bodies of many parts', () => {
  it('200,000 empty parts (10 MB) to a scan upload, 100,000 to the CSV import: a 400 within seconds', async () => {
    const before = snapshot(u.t, u.root)
    const part = '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n\r\n'
    for (const [path, as, bytes] of [[`/api/applications/${u.draftId}/attachments`, u.clerk, 10_000_000], ['/api/portal/bindings', u.company, 10_000_000], ['/api/broker-records/import', u.supervisor, 5_000_000]] as const) {
      const started = performance.now()
      const res = await send(u.t, path, as, { body: new TextEncoder().encode(`${part.repeat(Math.floor(bytes / part.length))}--x--\r\n`), contentType: 'multipart/form-data; boundary=x' })
      expect(res.status, path).toBe(400)
      expect(performance.now() - started, path).toBeLessThan(10_000)
    }
    expectNothingWritten(u.t, before, u.root)
  })
})

describe('download routes with climbing ids', () => {
  const paths = [
    '/api/applications/1/attachments/..%2f..%2f..%2fetc%2fpasswd',
    '/api/applications/1/attachments/..%252f..%252fcertdesk.db',
    '/api/applications/%2e%2e/attachments/1',
    '/api/applications/1%00/attachments/1',
    '/api/applications/1/attachments/1e999',
    '/api/applications/1/attachments/-1',
    '/api/bindings/..%2f..%2f/form',
    '/api/bindings/1;/form',
    '/api/certificates/..%2f..%2fcertdesk.db/download.cer',
    '/api/fee-slips/..%2f..%2f/pdf',
    '/api/portal/applications/..%2f1/fee-slip/pdf',
    '/crl/..%2f..%2fcertdesk.db',
    '/crl/%2e%2e%2fcustoms.crl',
    '/crl/customs.crl%00.txt',
  ]

  it.each(paths)('%s: a 4xx that carries no file', async (path) => {
    const before = snapshot(u.t, u.root)
    for (const as of [u.clerk, u.company]) {
      const res = await u.t.app.request(path, { headers: { cookie: as.cookie } })
      expect(res.status, path).toBeGreaterThanOrEqual(400)
      expect(res.status, path).toBeLessThan(500)
      expect(res.headers.get('content-type'), path).toMatch(/^application\/json/)
      const body = await res.text()
      expect(body).not.toContain('root:')
      expect(body).not.toContain('SQLite format')
    }
    expectNothingWritten(u.t, before, u.root)
  })

  it('every stored file sits under DATA_DIR/attachments', () => {
    const outside = filesUnder(u.root).filter((f) => !f.startsWith('a/b/data/attachments/'))
    expect(outside).toEqual([])
    // the scans above are there, or in the database
    if (u.t.env.SCAN_STORAGE === 'files') expect(filesUnder(u.dataDir).length).toBeGreaterThan(0)
    else expect(Number((u.t.sqlite.prepare('select count(*) n from scan_files').get() as { n: number }).n)).toBeGreaterThan(0)
  })
})
