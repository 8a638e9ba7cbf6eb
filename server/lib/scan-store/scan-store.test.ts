import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database_ } from '../../../db/client'
import { settings } from '../../../db/schema'
import { filesUnder } from '../backup'
import { openTestDatabase } from '../testing'
import { MAX_SCAN_BYTES } from '../uploads'
import { readScan, storeScan, type ScanDeps, type ScanStorage } from '.'

/** The two scan stores on the database the run uses (SQLite, or PostgreSQL with vitest.pg.config.ts). */
let database: Database_
const dataDir = mkdtempSync(path.join(tmpdir(), 'certdesk-scan-store-'))
const attachments = path.join(dataDir, 'attachments')
beforeAll(() => {
  database = openTestDatabase()
})
afterAll(() => {
  database?.close()
  rmSync(dataDir, { recursive: true, force: true })
})

const deps = (storage: ScanStorage): ScanDeps => ({ db: database.db, env: { SCAN_STORAGE: storage, DATA_DIR: dataDir } })
const now = new Date('2026-11-20T02:00:00.000Z')
const pdf = (text: string) => new TextEncoder().encode(`%PDF-1.4\n% ${text}\n%%EOF\n`)
const scanRows = () => (database.sqlite.prepare('select storage_key k, byte_length n from scan_files order by storage_key').all() as { k: string; n: number }[]).map((r) => [r.k, Number(r.n)])
const settingOf = (key: string) => database.sqlite.prepare('select value from settings where key = ?').get(key) as { value: string } | undefined

/** A record the way a service makes one: a row on the transaction it is given, naming the scan's key. */
const recordSetting = (key: string) => (tx: ScanDeps['db'], storageKey: string) => {
  tx.insert(settings).values({ key, value: storageKey, updatedAt: now.toISOString() }).run()
  return storageKey
}

describe('the database store', () => {
  it('keeps the bytes in scan_files under a db: key, in the transaction of the record', () => {
    const bytes = pdf('kept in the database')
    const filesBefore = filesUnder(attachments)
    const key = storeScan(deps('database'), { bytes, contentType: 'application/pdf', now }, recordSetting('scan-db-1'))
    expect(key).toMatch(/^db:2026-11\/[0-9a-f]{32}\.pdf$/)
    expect(settingOf('scan-db-1')?.value).toBe(key)
    expect(scanRows()).toContainEqual([key, bytes.length])
    expect(new Uint8Array(readScan(deps('database'), key))).toEqual(bytes)
    expect(filesUnder(attachments)).toEqual(filesBefore)
  })

  it('keeps no scan row when the record throws, or when its statement fails', () => {
    const rowsBefore = scanRows()
    expect(() => storeScan(deps('database'), { bytes: pdf('thrown'), contentType: 'application/pdf', now }, () => { throw new Error('the record failed') })).toThrow('the record failed')
    // a failing statement (a duplicate key): on PostgreSQL it aborts the transaction rather than the statement
    const duplicate = (tx: ScanDeps['db'], key: string) => recordSetting('scan-db-1')(tx, key)
    expect(() => storeScan(deps('database'), { bytes: pdf('duplicate'), contentType: 'application/pdf', now }, duplicate)).toThrow()
    expect(scanRows()).toEqual(rowsBefore)
  })

  it('keeps a scan of the largest size accepted, 10 MB, byte for byte', () => {
    const bytes = new Uint8Array(MAX_SCAN_BYTES)
    for (let i = 0; i < bytes.length; i += 4096) bytes[i] = (i / 4096) % 251
    const key = storeScan(deps('database'), { bytes, contentType: 'application/pdf', now }, (_tx, key) => key)
    expect(Buffer.compare(readScan(deps('database'), key), Buffer.from(bytes))).toBe(0)
  })

  it('says which scan it lacks', () => {
    expect(() => readScan(deps('database'), 'db:2026-11/00000000000000000000000000000000.pdf')).toThrow(/No scan is stored under db:2026-11\/0+\.pdf/)
  })
})

describe('the file store', () => {
  it('keeps the bytes as a file under DATA_DIR/attachments, named by the key, and no scan row', () => {
    const bytes = pdf('kept as a file')
    const rowsBefore = scanRows()
    const key = storeScan(deps('files'), { bytes, contentType: 'application/pdf', now }, recordSetting('scan-file-1'))
    expect(key).toMatch(/^2026-11\/[0-9a-f]{32}\.pdf$/)
    expect(settingOf('scan-file-1')?.value).toBe(key)
    expect(new Uint8Array(readFileSync(path.join(attachments, key)))).toEqual(bytes)
    expect(new Uint8Array(readScan(deps('files'), key))).toEqual(bytes)
    expect(scanRows()).toEqual(rowsBefore)
  })

  it('removes the file again when the record throws, or when its statement fails', () => {
    const filesBefore = filesUnder(attachments)
    expect(() => storeScan(deps('files'), { bytes: pdf('thrown'), contentType: 'application/pdf', now }, () => { throw new Error('the record failed') })).toThrow('the record failed')
    const duplicate = (tx: ScanDeps['db'], key: string) => recordSetting('scan-file-1')(tx, key)
    expect(() => storeScan(deps('files'), { bytes: pdf('duplicate'), contentType: 'application/pdf', now }, duplicate)).toThrow()
    expect(filesUnder(attachments)).toEqual(filesBefore)
  })

  it('reads no path outside its folder', () => {
    expect(() => readScan(deps('files'), '../../etc/passwd')).toThrow(/not a path inside/)
    expect(existsSync(path.join(dataDir, 'etc'))).toBe(false)
  })
})

describe('switching SCAN_STORAGE', () => {
  it('reads every scan from the store its key names, whichever store new scans go to', () => {
    const inFile = pdf('before the switch')
    const inDatabase = pdf('after the switch')
    const fileKey = storeScan(deps('files'), { bytes: inFile, contentType: 'application/pdf', now }, (_tx, key) => key)
    const dbKey = storeScan(deps('database'), { bytes: inDatabase, contentType: 'application/pdf', now }, (_tx, key) => key)
    for (const setting of ['files', 'database'] as const) {
      expect(new Uint8Array(readScan(deps(setting), fileKey)), setting).toEqual(inFile)
      expect(new Uint8Array(readScan(deps(setting), dbKey)), setting).toEqual(inDatabase)
    }
  })
})
