import { readFileSync } from 'node:fs'
import path from 'node:path'
import type Database from 'better-sqlite3'
import { Pkcs12CardReader, signDocument, type Card } from '../../core/pki'
import { taipeiDate } from '../../core/tw'
import { canonicalBytes } from '../../core/workflow/canonical-json'
import { DEMO_CARD_PIN } from '../../db/seed/demo-data'
import { call, extraFirm, signIn, type Session } from './harness'

/**
 * A write load over HTTP as the offices make it: clerks key and submit paper applications, a company sends
 * signed online applications, supervisors approve or reject what waits, and clerks record the payments of the
 * slips that approvals issued. Every write the server acknowledges with a 2xx is recorded, so a test can prove
 * it is still there after a crash.
 */
export type Ack =
  | { kind: 'draft' | 'submitted' | 'online'; applicationNo: string }
  | { kind: 'attached'; applicationNo: string; attachmentId: number }
  | { kind: 'decided'; applicationNo: string; decision: 'approve' | 'reject' }
  | { kind: 'paid'; applicationNo: string; slipNo: string; paymentId: number }

export interface Actors {
  clerks: Record<'AA' | 'CA', Session>
  supervisors: Record<'AA' | 'CA', Session>
  card: Card
}

export async function signInActors(base: string, dataDir: string): Promise<Actors> {
  const card = await new Pkcs12CardReader().open(new Uint8Array(readFileSync(path.join(dataDir, 'demo-cards', 'company-52111891.p12'))), DEMO_CARD_PIN)
  return {
    clerks: { AA: await signIn(base, 'clerk.keelung'), CA: await signIn(base, 'clerk.taipei') },
    supervisors: { AA: await signIn(base, 'supervisor.keelung'), CA: await signIn(base, 'supervisor.taipei') },
    card,
  }
}

const contact = { contactName: '測試聯絡人', contactPhone: '02-25505500#12', contactMobile: '0912345678', contactEmail: 'contact@reliability.example' }

export interface Load {
  acks: Ack[]
  /** answers by status, for the report: 2xx, 4xx, 5xx and 0 (no answer: the server died) */
  statuses: Map<number, number>
  /** stops issuing new requests and waits for the ones under way */
  stop(): Promise<void>
}

/** Runs the workers until stop(); `firmsPerOffice` is how many fresh firms the clerks may key (then they repeat). */
export function startLoad(opts: { base: string; actors: Actors; rnd: () => number; firmsPerOffice: number; nextFirm: Record<'AA' | 'CA', number> }): Load {
  const { base, actors, rnd } = opts
  const acks: Ack[] = []
  const statuses = new Map<number, number>()
  let running = true
  const note = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1)
  const send = async (method: string, pathname: string, body: unknown, as?: Session) => {
    const res = await call(base, method, pathname, { body, as })
    note(res.status)
    if (res.status === 0) running = false
    return res
  }

  /** A scanned form: a small PDF, different each time. */
  async function upload(pathname: string, as: Session) {
    const form = new FormData()
    form.append('file', new Blob([`%PDF-1.4\n% scan ${rnd()}\n${'x'.repeat(Math.floor(rnd() * 4000))}\n%%EOF\n`], { type: 'application/pdf' }), 'scan.pdf')
    let res: Response
    try {
      res = await fetch(base + pathname, { method: 'POST', headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken }, body: form })
    } catch {
      note(0)
      running = false
      return { status: 0, json: null }
    }
    note(res.status)
    return { status: res.status, json: (await res.json().catch(() => null)) as { id: number } }
  }

  async function clerk(office: 'AA' | 'CA') {
    const f = extraFirm(office, opts.nextFirm[office]++ % opts.firmsPerOffice)
    const form = { ubn: f.ubn, companyName: f.name, ...contact, service: 'new', officeCode: office, businessType: 'customs-broker', kind: 'corporate', boxNo: f.boxNo, privacyConsent: true }
    const draft = await send('POST', '/api/applications', form, actors.clerks[office])
    if (draft.status !== 201) return
    acks.push({ kind: 'draft', applicationNo: draft.json.applicationNo })
    if (rnd() < 0.3) {
      const scan = await upload(`/api/applications/${draft.json.id}/attachments`, actors.clerks[office])
      if (scan.status === 201 && scan.json) acks.push({ kind: 'attached', applicationNo: draft.json.applicationNo, attachmentId: scan.json.id })
    }
    if (rnd() < 0.1) return // some forms stay drafts
    const submitted = await send('POST', `/api/applications/${draft.json.id}/submit`, { version: draft.json.version }, actors.clerks[office])
    if (submitted.status === 200) acks.push({ kind: 'submitted', applicationNo: submitted.json.applicationNo })
  }

  async function portal() {
    const application = { ubn: '52111891', companyName: '基隆港通報關股份有限公司', ...contact, contactName: `線上聯絡人 ${Math.floor(rnd() * 1e6)}`, service: 'new', officeCode: 'AA', businessType: 'customs-broker', kind: 'corporate', boxNo: 'K01', privacyConsent: true, signedAt: new Date().toISOString() }
    const signed = await signDocument(actors.card, canonicalBytes(application))
    const res = await send('POST', '/api/applications/online', { application, ...signed })
    if (res.status === 201) acks.push({ kind: 'online', applicationNo: res.json.applicationNo })
  }

  async function supervisor(office: 'AA' | 'CA') {
    const list = await send('GET', '/api/applications?status=00&limit=20', undefined, actors.supervisors[office])
    const items = (list.json?.items ?? []) as { id: number }[]
    if (list.status !== 200 || !items.length) return
    const app = await send('GET', `/api/applications/${items[Math.floor(rnd() * items.length)]!.id}`, undefined, actors.supervisors[office])
    if (app.status !== 200 || !app.json.can.decide) return
    const approvable = !(app.json.checks as { result: string }[]).some((c) => c.result === 'fail')
    const decision = approvable && rnd() < 0.8 ? 'approve' : 'reject'
    const body = decision === 'approve' ? { decision, version: app.json.version } : { decision, reasonCode: 'documents-incomplete', version: app.json.version }
    const res = await send('POST', `/api/applications/${app.json.id}/decide`, body, actors.supervisors[office])
    if (res.status === 200) acks.push({ kind: 'decided', applicationNo: res.json.applicationNo, decision })
  }

  async function payer(office: 'AA' | 'CA') {
    const list = await send('GET', '/api/applications?status=10&limit=20', undefined, actors.clerks[office])
    const items = (list.json?.items ?? []) as { id: number }[]
    if (list.status !== 200 || !items.length) return
    const app = await send('GET', `/api/applications/${items[Math.floor(rnd() * items.length)]!.id}`, undefined, actors.clerks[office])
    const slip = app.json?.feeSlip as { slipNo: string; amount: number } | null
    if (app.status !== 200 || !slip) return
    const res = await send('POST', '/api/payments', { slipNo: slip.slipNo, amount: slip.amount, paidOn: taipeiDate(new Date()), channel: 'counter' }, actors.clerks[office])
    if (res.status === 201) acks.push({ kind: 'paid', applicationNo: app.json.applicationNo, slipNo: slip.slipNo, paymentId: res.json.payment.id })
  }

  const kinds = [() => clerk('AA'), () => clerk('CA'), () => portal(), () => supervisor('AA'), () => supervisor('CA'), () => payer('AA'), () => payer('CA')]
  const worker = async () => {
    while (running) await kinds[Math.floor(rnd() * kinds.length)]!()
  }
  const workers = Array.from({ length: 6 }, worker)
  return {
    acks,
    statuses,
    stop: async () => {
      running = false
      await Promise.all(workers)
    },
  }
}

/** Acknowledged writes that the database does not hold (empty when every acknowledged write survived). */
export function missingAcks(sqlite: Database.Database, acks: Ack[]): string[] {
  const app = sqlite.prepare('select id, status from applications where application_no = ?')
  const event = sqlite.prepare('select count(*) n from application_events where application_id = ? and action = ?')
  const payment = sqlite.prepare('select slip_no slipNo from payments where id = ?')
  const attachment = sqlite.prepare('select application_id id from application_attachments where id = ?')
  const missing: string[] = []
  for (const a of acks) {
    const row = app.get(a.applicationNo) as { id: number; status: string } | undefined
    const has = (action: string) => !!row && (event.get(row.id, action) as { n: number }).n > 0
    const ok = (() => {
      switch (a.kind) {
        case 'draft': return !!row
        case 'attached': return (attachment.get(a.attachmentId) as { id: number } | undefined)?.id === row?.id && has('attached')
        case 'submitted': return has('submitted') && row!.status !== 'draft'
        case 'online': return has('received')
        case 'decided': return a.decision === 'reject' ? row?.status === 'R0' && has('rejected') : ['10', '20', 'A0', 'A9'].includes(row?.status ?? '') && has('approved')
        case 'paid': return (payment.get(a.paymentId) as { slipNo: string } | undefined)?.slipNo === a.slipNo && row?.status === '20' && has('paid')
      }
    })()
    if (!ok) missing.push(`${a.kind} ${a.applicationNo}${'slipNo' in a ? ` ${a.slipNo}` : ''}: acknowledged, but ${row ? `status ${row.status}` : 'absent'}`)
  }
  return missing
}
