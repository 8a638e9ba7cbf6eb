import { asc } from 'drizzle-orm'
import type { Office, OfficeCode } from '../../../core/contracts/offices'
import type { Db } from '../../../db/client'
import { offices } from '../../../db/schema'

export function listOffices(db: Db): Office[] {
  return db
    .select()
    .from(offices)
    .orderBy(asc(offices.code))
    .all()
    .map((o) => ({ code: o.code as OfficeCode, name: { 'zh-TW': o.nameZh, en: o.nameEn } }))
}
