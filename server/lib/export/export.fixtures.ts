import type { createTestApp, Session } from '../testing'

type TestApp = Awaited<ReturnType<typeof createTestApp>>

/** RFC 4180 records, the way a spreadsheet reads them (tests only). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  const endField = () => {
    row.push(field)
    field = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') endField()
    else if (ch === '\r' && text[i + 1] === '\n') {
      endField()
      rows.push(row)
      row = []
      i++
    } else field += ch
  }
  if (field || row.length) {
    endField()
    rows.push(row)
  }
  return rows
}

/** Downloads an export as bytes (Response.text() would drop the BOM the test looks for). */
export async function download(t: TestApp, path: string, as: Session, headers: Record<string, string> = {}) {
  const res = await t.app.request(path, { headers: { cookie: as.cookie, ...headers } })
  const bytes = new Uint8Array(await res.arrayBuffer())
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  const bom = text.startsWith('\uFEFF')
  return { status: res.status, headers: res.headers, bytes, bom, text, rows: res.ok && res.headers.get('content-type')?.startsWith('text/csv') ? parseCsv(bom ? text.slice(1) : text) : [], json: res.ok ? null : JSON.parse(text) }
}

/** The audit rows of exports, newest last, with their summaries parsed. */
export function exportAudits(t: TestApp): { action: string; actorName: string; entityId: string; after: Record<string, unknown> }[] {
  const rows = t.sqlite.prepare("select action, actor_name, entity_id, summary from audit_log where entity = 'export' order by id").all() as { action: string; actor_name: string; entity_id: string; summary: string }[]
  return rows.map((r) => ({ action: r.action, actorName: r.actor_name, entityId: r.entity_id, after: JSON.parse(r.summary).after }))
}
