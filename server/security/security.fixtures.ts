import { expect } from 'vitest'
import type { createTestApp, Session } from '../lib/testing'
import { portalPasswordLogin } from '../modules/portal-accounts/portal.fixtures'
import { realPng } from './payloads.fixtures'

type TestApp = Awaited<ReturnType<typeof createTestApp>>

const PNG = realPng(2, 2)

/** A clerk's scan upload (multipart, with the session's CSRF token). */
export function uploadScan(t: TestApp, applicationId: number, as: Session) {
  const form = new FormData()
  form.append('file', new File([PNG.slice().buffer], 'scan.png', { type: 'image/png' }))
  return t.app.request(`/api/applications/${applicationId}/attachments`, { method: 'POST', body: form, headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken } })
}

/** The demo's migrated warehouse company (no card, no password) and the answers to the helpdesk's caller check. */
export const MIGRATED_COMPANY = '77435691'
const checklist = { idOrUbn: MIGRATED_COMPANY, birthDateOrRepresentative: '蘇 怡君', email: 'it@zhonggang.example.tw' }

/**
 * A portal account signed in without a card: the helpdesk sets a temporary password on the migrated company,
 * which then signs in with it (and still has to change it). Tests only.
 */
export async function portalWithTemporaryPassword(t: TestApp): Promise<{ session: Session; password: string }> {
  const helpdesk = await t.login('helpdesk')
  const { id } = t.sqlite.prepare('select id from portal_accounts where account_id = ?').get(MIGRATED_COMPANY) as { id: number }
  const set = await t.call('POST', `/api/helpdesk/accounts/${id}/temporary-password`, { as: helpdesk, body: { checklist } })
  expect(set.status).toBe(200)
  const password = set.json.temporaryPassword as string
  return { session: await portalPasswordLogin(t, MIGRATED_COMPANY, password), password }
}

export const count = (t: TestApp, table: string) => (t.sqlite.prepare(`select count(*) n from ${table}`).get() as { n: number }).n

/** Each `name[=value]` attribute of one Set-Cookie line, names lower-cased. */
export function parseSetCookie(line: string): { name: string; value: string; attributes: Record<string, string | true> } {
  const [pair = '', ...attributes] = line.split(/;\s*/)
  const eq = pair.indexOf('=')
  return {
    name: pair.slice(0, eq),
    value: pair.slice(eq + 1),
    attributes: Object.fromEntries(attributes.map((a) => {
      const i = a.indexOf('=')
      return i < 0 ? [a.toLowerCase(), true] : [a.slice(0, i).toLowerCase(), a.slice(i + 1)]
    })),
  }
}

/** `<script>` elements with code in them, inline event handlers and javascript: URLs: what a strict CSP refuses. */
export function inlineScriptIn(html: string): string[] {
  const found: string[] = []
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1]!) || m[2]!.trim() !== '') found.push(m[0])
  }
  for (const m of html.matchAll(/<[^>]+\son[a-z]+\s*=[^>]*>/gi)) found.push(m[0])
  for (const m of html.matchAll(/(?:href|src|action)\s*=\s*["']?\s*javascript:/gi)) found.push(m[0])
  return found
}
