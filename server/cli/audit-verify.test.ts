import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { inTransaction, openDatabase } from '../../db/client'
import { recordAudit, SYSTEM_ACTOR } from '../lib/audit'
import { seedDemo } from '../lib/seeding'

const run = promisify(execFile)
const dir = mkdtempSync(path.join(tmpdir(), 'certdesk-audit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function verify(): Promise<{ code: number; out: string }> {
  try {
    // the SQLite file of DATA_DIR, also in a PostgreSQL run (vitest.pg.config.ts sets DATABASE_URL)
    const { stdout } = await run('npx', ['tsx', 'server/cli/audit-verify.ts'], { env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' } })
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code: number; stderr: string }
    return { code: e.code, out: e.stderr }
  }
}

describe('npm run audit:verify', () => {
  it('reports a whole chain as OK, and names the first broken row after tampering', async () => {
    const database = openDatabase(path.join(dir, 'certdesk.db'))
    await seedDemo({ db: database.db, passwordCost: 10, now: new Date() })
    const ctx = { actor: SYSTEM_ACTOR, requestId: null, ip: null, now: new Date() }
    for (let i = 0; i < 3; i++) inTransaction(database.db, (tx) => recordAudit(tx, ctx, { action: 'test.event', entity: 'test', entityId: i }))
    database.close()
    const ok = await verify()
    expect(ok.code).toBe(0)
    expect(ok.out).toContain('Audit chain OK: 4 rows verified')

    const tamper = openDatabase(path.join(dir, 'certdesk.db'))
    tamper.sqlite.exec("drop trigger audit_log_no_update; update audit_log set actor_name = 'mallory' where id = 3")
    tamper.close()
    const broken = await verify()
    expect(broken.code).toBe(1)
    expect(broken.out).toContain('BROKEN at row 3')
  })
})
