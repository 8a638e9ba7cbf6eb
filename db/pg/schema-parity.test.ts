import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type Database_ } from '../client'
import { autoIncrementTables, mirrored } from './mirror'
import * as pgSchema from './schema'
import { freshTestDatabase } from './test-databases'
import { startTestPostgres, type TestPostgres } from './test-server'

/**
 * Both migrated databases, compared: the PostgreSQL migrations (generated from the mirror, db/pg/mirror.ts, plus
 * the custom SQL) must give the tables, columns, nullability and indexes that the SQLite migrations give.
 */
let server: TestPostgres | null = null
let sqlite: Database_
let pg: Database_
let drop: () => void

beforeAll(async () => {
  let url = process.env.DATABASE_URL
  if (!url) {
    server = await startTestPostgres()
    url = server.url
  }
  const fresh = freshTestDatabase(url)
  drop = fresh.drop
  sqlite = openDatabase(':memory:')
  pg = openDatabase(fresh.url)
}, 60_000)

afterAll(() => {
  sqlite?.close()
  pg?.close()
  drop?.()
  server?.stop()
})

type Column = [table: string, column: string, notNull: boolean]

function sqliteColumns(): Column[] {
  const tables = sqlite.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'").pluck().all() as string[]
  return tables.flatMap((t) =>
    (sqlite.sqlite.prepare(`select name, "notnull", pk from pragma_table_xinfo(?)`).all(t) as { name: string; notnull: number; pk: number }[]).map(
      // a SQLite primary key column may hold null unless declared NOT NULL; in PostgreSQL it never can: both say no
      (c): Column => [t, c.name, c.notnull === 1 || c.pk > 0],
    ),
  )
}

function pgColumns(): Column[] {
  const rows = pg.sqlite.prepare("select table_name t, column_name c, is_nullable n from information_schema.columns where table_schema = 'public' order by table_name, ordinal_position").all() as {
    t: string
    c: string
    n: string
  }[]
  return rows.map((r) => [r.t, r.c, r.n === 'NO'])
}

/** name, table, unique, columns, partial: the indexes a migration made, not the ones a primary key implies */
function sqliteIndexes(): string[] {
  const rows = sqlite.sqlite.prepare("select name, tbl_name t from sqlite_master where type = 'index' and name not like 'sqlite_autoindex_%'").all() as { name: string; t: string }[]
  return rows.map((r) => {
    const info = sqlite.sqlite.prepare('select "unique" u, partial p from pragma_index_list(?) where name = ?').get(r.t, r.name) as { u: number; p: number }
    // the rowid every index of a rowid table ends in, named when it is the table's integer id (db/pg/mirror.ts
    // spells it out on PostgreSQL): xinfo's key columns, then the auxiliary rowid (cid -1)
    const xinfo = sqlite.sqlite.prepare('select name, cid, key from pragma_index_xinfo(?) order by seqno').all(r.name) as { name: string | null; cid: number; key: number }[]
    const keys = xinfo.filter((c) => c.key).map((c) => c.name!)
    const rowidIsId = (sqlite.sqlite.prepare("select count(*) from pragma_table_info(?) where name = 'id' and pk = 1 and type = 'INTEGER'").pluck().get(r.t) as number) === 1
    if (!info.u && rowidIsId && keys.at(-1) !== 'id' && xinfo.some((c) => !c.key && c.cid === -1)) keys.push('id')
    const cols = keys.join(',')
    return `${r.name} on ${r.t}(${cols})${info.u ? ' unique' : ''}${info.p ? ' partial' : ''}`
  })
}

function pgIndexes(): string[] {
  const rows = pg.sqlite
    .prepare(
      `select i.relname "name", t.relname t, x.indisunique u, x.indpred is not null p,
         (select string_agg(a.attname, ',' order by k.n) from unnest(x.indkey) with ordinality k(attnum, n) join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum) cols
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace s on s.oid = t.relnamespace
       where s.nspname = 'public' and not x.indisprimary`,
    )
    .all() as { name: string; t: string; u: number; p: number; cols: string }[]
  return rows.map((r) => `${r.name} on ${r.t}(${r.cols})${r.u ? ' unique' : ''}${r.p ? ' partial' : ''}`)
}

describe('the PostgreSQL schema is the SQLite schema', () => {
  it('has the same tables and columns, each as nullable', () => {
    const sort = (cols: Column[]) => cols.map((c) => c.join(' ')).sort()
    const expected = sort(sqliteColumns())
    expect(expected.length).toBeGreaterThan(300)
    expect(sort(pgColumns())).toEqual(expected)
  })

  it('has the same indexes: names, tables, columns in order (with the id SQLite ends a rowid table\'s in), uniqueness, partial or not', () => {
    const expected = sqliteIndexes().sort()
    expect(expected.filter((i) => i.includes(' unique')).length).toBeGreaterThan(10)
    expect(expected.filter((i) => i.includes(' partial')).length).toBe(2)
    expect(pgIndexes().sort()).toEqual(expected)
  })

  it('fills a null id from the sequence in every autoincrement table', () => {
    const triggers = pg.sqlite.prepare("select event_object_table from information_schema.triggers where trigger_name = event_object_table || '_fill_id'").pluck().all()
    expect([...new Set(triggers)].sort()).toEqual([...autoIncrementTables].sort())
  })

  it('exports every mirrored table for drizzle-kit (db/pg/schema.ts)', () => {
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(mirrored).sort())
  })

  it('keeps the audit trail append-only, as the SQLite triggers do', () => {
    pg.sqlite.prepare("insert into audit_log (id, at, action, entity, prev_hash, hash) values (null, 'x', 'a', 'e', '', '')").run()
    expect(() => pg.sqlite.prepare("update audit_log set action = 'b'").run()).toThrow(/audit_log is append-only/)
    expect(() => pg.sqlite.prepare('delete from audit_log').run()).toThrow(/audit_log is append-only/)
    expect(() => pg.sqlite.exec('truncate audit_log')).toThrow(/append-only/)
  })

  it('keeps application_names and the generated received_at, as SQLite does', () => {
    for (const d of [sqlite, pg]) {
      d.sqlite.prepare("insert into offices values ('X', 'x', 'x')").run()
      const insert = `insert into applications (application_no, channel, service, status, office_code, ubn, company_name, contact_name, contact_phone, contact_mobile, contact_email, business_type, kind, box_no, privacy_consent, created_at, updated_at)
        values (?, 'paper', 'new', 'draft', 'X', '12345675', ?, 'c', 'p', 'm', 'e', 'b', 'corporate', '1', 1, '2026-01-01', '2026-01-01')`
      d.sqlite.prepare(insert).run('X1', '甲公司')
      d.sqlite.prepare("update applications set company_name = '乙公司', submitted_at = '2026-02-02' where application_no = 'X1'").run()
      expect(d.sqlite.prepare('select company_name from application_names order by company_name').pluck().all()).toEqual(['乙公司', '甲公司'])
      expect(d.sqlite.prepare('select received_at from applications').pluck().get()).toBe('2026-02-02')
    }
  })
})
