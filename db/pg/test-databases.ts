import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { PgSyncClient } from './sync-client'

const migrationsFolder = fileURLToPath(new URL('../migrations-pg', import.meta.url))
let admin: { url: string; client: PgSyncClient; template: string } | null = null
let made = 0

/**
 * A private, migrated database for one test on the server of `adminUrl` (a superuser's, e.g. DATABASE_URL in
 * the tests): copied from a template migrated once per set of migrations, which costs a file copy instead of
 * running every migration per test. `drop` removes it.
 */
export function freshTestDatabase(adminUrl: string): { url: string; drop(): void } {
  const { client, template } = adminFor(adminUrl)
  const name = `t_${process.pid}_${++made}_${Date.now() % 100_000}`
  client.exec(`create database "${name}" template "${template}"`)
  return {
    url: withDatabase(adminUrl, name),
    drop: () => void client.exec(`drop database if exists "${name}" with (force)`),
  }
}

function adminFor(adminUrl: string) {
  if (admin?.url === adminUrl) return admin
  admin?.client.close()
  const client = new PgSyncClient(adminUrl)
  // named by the migrations' content: a template migrated by older migrations is never used
  const template = `certdesk_tpl_${migrationsHash()}`
  // test processes start together: one makes the template, the others wait for it
  client.prepare('select pg_advisory_lock(4242)').get()
  try {
    if (!client.prepare('select 1 from pg_database where datname = ?').get(template)) {
      client.exec(`create database "${template}_new" template template0 encoding 'UTF8' locale 'C'`)
      new PgSyncClient(withDatabase(adminUrl, `${template}_new`), { migrationsFolder }).close()
      // renamed only once migrated: a template that exists is a complete one
      client.exec(`alter database "${template}_new" rename to "${template}"`)
    }
  } finally {
    client.prepare('select pg_advisory_unlock(4242)').get()
  }
  admin = { url: adminUrl, client, template }
  return admin
}

function migrationsHash(): string {
  const hash = createHash('sha256')
  for (const f of readdirSync(migrationsFolder).filter((f) => f.endsWith('.sql')).sort()) hash.update(f).update(readFileSync(`${migrationsFolder}/${f}`))
  return hash.digest('hex').slice(0, 12)
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url)
  u.pathname = `/${database}`
  return u.toString()
}
