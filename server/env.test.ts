import { describe, expect, it } from 'vitest'
import { readEnv } from './env'

describe('SCAN_STORAGE', () => {
  it('defaults to the database on PostgreSQL (shared by every replica) and to files on SQLite', () => {
    expect(readEnv({}).SCAN_STORAGE).toBe('files')
    expect(readEnv({ DATABASE_URL: 'postgres://certdesk@db.example/certdesk' }).SCAN_STORAGE).toBe('database')
    expect(readEnv({ SCAN_STORAGE: '' }).SCAN_STORAGE).toBe('files')
  })

  it('takes either store when set, whatever the database', () => {
    expect(readEnv({ SCAN_STORAGE: 'database' }).SCAN_STORAGE).toBe('database')
    expect(readEnv({ SCAN_STORAGE: 'files', DATABASE_URL: 'postgres://certdesk@db.example/certdesk' }).SCAN_STORAGE).toBe('files')
  })

  it('refuses another value, naming the setting in Chinese and English', () => {
    expect(() => readEnv({ SCAN_STORAGE: 's3' })).toThrow(/SCAN_STORAGE: 必須是 database 或 files.*must be database or files/)
  })
})
