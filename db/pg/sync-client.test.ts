import { createServer, type Server } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../client'
import { PgSyncClient } from './sync-client'
import { startTestPostgres, type TestPostgres } from './test-server'

let server: TestPostgres
let db: PgSyncClient

beforeAll(async () => {
  server = await startTestPostgres()
  db = new PgSyncClient(server.url)
  db.exec('create table counters (id bigserial primary key, name text not null unique, n bigint not null, blob bytea)')
}, 60_000)

afterAll(() => {
  db?.close()
  server?.stop()
})

describe('PgSyncClient: better-sqlite3 calls on PostgreSQL', () => {
  it('binds ? parameters and answers as better-sqlite3 would: numbers for counts, 1/0 for truth, Buffers for bytes', () => {
    const ins = db.prepare('insert into counters (name, n, blob) values (?, ?, ?)')
    expect(ins.run('a', 1, Buffer.from([1, 2, 3])).changes).toBe(1)
    expect(db.prepare('select count(*) total, sum(n) s, avg(n) mean from counters where name = ?').get('a')).toEqual({ total: 1, s: 1, mean: 1 })
    const row = db.prepare('select n = 1 is_one, n = 2 is_two, blob from counters where name = ?').get('a')
    expect(row).toEqual({ is_one: 1, is_two: 0, blob: Buffer.from([1, 2, 3]) })
    expect(Buffer.isBuffer((row as { blob: unknown }).blob)).toBe(true)
  })

  it('keeps the case of an unquoted alias, as SQLite does', () => {
    expect(db.prepare("select 'x' someName, 2 \"Quoted\"").get()).toEqual({ someName: 'x', Quoted: 2 })
  })

  it('raw() gives arrays and pluck() the first column, changing the statement as better-sqlite3 does', () => {
    const s = db.prepare('select name, n from counters order by name')
    expect(s.raw().all()).toEqual([['a', 1]])
    expect(s.pluck().all()).toEqual(['a'])
    expect([...s.raw(false).pluck(false).iterate()]).toEqual([{ name: 'a', n: 1 }])
  })

  it('iterate() reads through a cursor, in batches, in one snapshot; an early return() ends its transaction', () => {
    const reader = db.another()
    try {
      const count = db.prepare('select count(*) n from counters').pluck()
      const before = count.get() as number
      const rows = reader.prepare('select g, g * ? as Twice from generate_series(1, ?) g').iterate(2, 2_500) as IterableIterator<{ g: number; Twice: number }>
      expect(rows.next().value).toEqual({ g: 1, Twice: 2 })
      // a row written after the cursor opened is not seen while it reads: one snapshot, as SQLite's WAL reader
      db.prepare('insert into counters (name, n) values (?, ?)').run('during-export', 1)
      expect(count.get()).toBe(before + 1)
      expect(reader.prepare('select count(*) n from counters').pluck().get()).toBe(before)
      expect([...rows].length).toBe(2_499)
      expect(reader.prepare('select count(*) from pg_cursors').pluck().get()).toBe(0)
      expect(reader.prepare('select count(*) n from counters').pluck().get()).toBe(before + 1)
      // stopped early, as a cancelled download stops: the cursor's transaction is over, the connection free
      const early = reader.prepare('select g from generate_series(1, 5000) g').pluck().iterate() as IterableIterator<number>
      expect([early.next().value, early.next().value]).toEqual([1, 2])
      early.return?.()
      expect(reader.prepare('select count(*) from pg_cursors').pluck().get()).toBe(0)
      expect(reader.transaction(() => reader.prepare('select 1').pluck().get())()).toBe(1)
    } finally {
      reader.close()
    }
  })

  it('names a constraint failure with the code of better-sqlite3', () => {
    expect(() => db.prepare('insert into counters (name, n) values (?, ?)').run('a', 2)).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE', sqlState: '23505' }))
  })

  it('refuses a wrong number of parameters instead of sending it', () => {
    expect(() => db.prepare('select ?').get()).toThrow(/Expected 1 bound parameters/)
  })

  it("reports the new row's id as the last one drawn from a sequence, while nothing else ran since", () => {
    const res = db.prepare('insert into counters (name, n) values (?, ?)').run('b', 0)
    const id = res.lastInsertRowid
    expect(id).toBe(db.prepare("select id from counters where name = 'b'").pluck().get())
    expect(res.lastInsertRowid).toBe(id)
    const late = db.prepare('insert into counters (name, n) values (?, ?)').run('e', 0)
    db.prepare('select 1').get()
    expect(() => late.lastInsertRowid).toThrow(/returning/)
  })
})

describe('PgSyncClient transactions', () => {
  it('commits what the function wrote, and rolls all of it back when it throws', () => {
    const add = db.prepare('update counters set n = n + 1 where name = ?')
    db.transaction(() => add.run('b'))()
    expect(() =>
      db.transaction(() => {
        add.run('b')
        throw new Error('no')
      }).immediate(),
    ).toThrow('no')
    expect(db.prepare('select n from counters where name = ?').pluck().get('b')).toBe(1)
  })

  it('never commits silently after a failed statement the function caught', () => {
    const before = db.prepare('select count(*) from counters').pluck().get()
    expect(() =>
      db.transaction(() => {
        db.prepare("insert into counters (name, n) values ('c', 0)").run()
        try {
          db.prepare("insert into counters (name, n) values ('a', 0)").run()
        } catch {
          // swallowed: PostgreSQL has aborted the transaction all the same
        }
      })(),
    ).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))
    expect(db.prepare('select count(*) from counters').pluck().get()).toBe(before)
  })

  it('a nested transaction is a savepoint: its failure undoes only itself', () => {
    db.transaction(() => {
      db.prepare("insert into counters (name, n) values ('d', 0)").run()
      expect(() => db.transaction(() => db.prepare("insert into counters (name, n) values ('a', 0)").run())()).toThrow()
    })()
    expect(db.prepare("select count(*) from counters where name = 'd'").pluck().get()).toBe(1)
  })

  it('refuses an async function, whose writes would land after the commit', () => {
    expect(() => db.transaction(async () => {})()).toThrow(/promise/)
  })

  it('runs the whole function again when a concurrent commit overtook its read (SERIALIZABLE)', () => {
    const other = new PgSyncClient(server.url)
    try {
      let runs = 0
      db.transaction(() => {
        runs++
        const n = db.prepare("select n from counters where name = 'b'").pluck().get() as number
        // another replica commits an increment between this read and this write, on the first run only
        if (runs === 1) other.prepare("update counters set n = n + 1 where name = 'b'").run()
        db.prepare("update counters set n = ? where name = 'b'").run(n + 1)
      })()
      expect(runs).toBe(2)
      expect(db.prepare("select n from counters where name = 'b'").pluck().get()).toBe(3)
    } finally {
      other.close()
    }
  })

  it('reconnects after the server ended its connection, outside a transaction', () => {
    const pid = db.prepare('select pg_backend_pid()').pluck().get()
    const admin = new PgSyncClient(server.url)
    admin.prepare('select pg_terminate_backend(?)').run(pid)
    admin.close()
    // the first statement may meet the dead connection; the one after runs on a new one
    try {
      db.prepare('select 1').get()
    } catch (err) {
      expect((err as Error).message).toMatch(/unreachable/)
    }
    expect(db.prepare('select 1 one').get()).toEqual({ one: 1 })
  })
})

describe('PgSyncClient when the database cannot be reached', () => {
  let silent: Server
  beforeAll(async () => {
    // accepts connections and never answers: a server that hangs
    silent = createServer(() => {})
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r))
  })
  afterAll(() => silent.close())

  it('fails to open with an error naming DATABASE_URL, without the password', () => {
    expect(() => new PgSyncClient('postgres://u:secret@127.0.0.1:1/x')).toThrow(/DATABASE_URL \(postgres:\/\/u:\*\*\*@127\.0\.0\.1:1\/x\).*ECONNREFUSED/)
  })

  it('fails to open for a role the server does not know, naming DATABASE_URL', () => {
    expect(() => new PgSyncClient(server.url.replace('postgres@', 'nobody:pw@'))).toThrow(/DATABASE_URL \(postgres:\/\/nobody:\*\*\*@.*role "nobody" does not exist/)
  })

  it('fails to open a database that does not exist, naming DATABASE_URL', () => {
    expect(() => new PgSyncClient(server.url.replace(/\/postgres$/, '/nope'))).toThrow(/DATABASE_URL.*"nope" does not exist/)
  })

  it('gives up on a server that never answers, within the connect timeout', () => {
    const { port } = silent.address() as { port: number }
    const started = Date.now()
    expect(() => new PgSyncClient(`postgres://u@127.0.0.1:${port}/x`, { connectTimeoutMs: 500 })).toThrow(/DATABASE_URL/)
    expect(Date.now() - started).toBeLessThan(5_000)
  })

  it('says the database is unreachable when the server stops', () => {
    const c = new PgSyncClient(server.url, { queryTimeoutMs: 1_000, connectTimeoutMs: 500 })
    server.stop()
    expect(() => c.prepare('select 1').get()).toThrow(/The database is unreachable \(DATABASE_URL=/)
    expect(() => c.prepare('select 1').get()).toThrow(/unreachable/)
    c.close()
  })
})

describe('openDatabase with a postgres:// URL', () => {
  it('fails at once, naming DATABASE_URL, when the server is not there', () => {
    expect(() => openDatabase('postgres://u@127.0.0.1:1/x')).toThrow(/DATABASE_URL/)
  })
})
