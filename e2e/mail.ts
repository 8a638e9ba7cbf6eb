import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect } from '@playwright/test'
import { parseMail, type ParsedMail } from '../server/lib/mail/smtp-test-server'

/** The mails the e2e server really sent over SMTP, as e2e/smtp-sink.ts filed them, subjects decoded. */
export function sentMail(): ParsedMail[] {
  const dir = path.join(process.env.E2E_DATA_DIR!, 'mail')
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => parseMail(readFileSync(path.join(dir, f), 'latin1')))
}

/** Waits for the mail with this subject: the dispatcher sends every few seconds. */
export async function waitForMail(subject: string, timeout = 30_000): Promise<ParsedMail> {
  let found: ParsedMail | undefined
  await expect
    .poll(() => (found = sentMail().find((m) => m.subject === subject)) !== undefined, { timeout, message: `mail「${subject}」` })
    .toBe(true)
  return found!
}
