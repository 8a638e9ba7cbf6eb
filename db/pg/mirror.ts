import { is, SQL } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  customType,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type AnyPgColumn,
  type PgColumnBuilderBase,
  type PgTableWithColumns,
} from 'drizzle-orm/pg-core'
import { getTableConfig, SQLiteTable, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import * as sqliteSchema from '../schema'

/**
 * The PostgreSQL schema (db/pg/schema.ts exports it table by table for drizzle-kit), made from the SQLite one (db/schema) at load time rather than written twice: a column
 * added there is here too, so drizzle-kit (drizzle.pg.config.ts) writes its PostgreSQL migration from the same
 * declaration, and the two can differ only where a rule below says so. db/pg/schema-parity.test.ts checks both
 * migrated databases agree.
 *
 * Storage mirrors SQLite's, so the SQL drizzle writes for SQLite means the same here: every integer is a bigint
 * (SQLite's integers are 64-bit; booleans stay 0/1), dates stay ISO text, blobs are bytea. An autoincrement id
 * is a bigserial, and since drizzle's SQLite dialect inserts an explicit null for it, a trigger in the custom
 * migration fills a null id from the sequence. The generated column is STORED: PostgreSQL 15 has no virtual ones.
 */
type AnyTable = PgTableWithColumns<{ name: string; schema: undefined; columns: Record<string, AnyPgColumn>; dialect: 'pg' }>

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' })

const sqliteEntries = (Object.entries(sqliteSchema) as [string, unknown][]).filter((e): e is [string, SQLiteTable] => is(e[1], SQLiteTable))
const sqliteTables = sqliteEntries.map(([, t]) => t)
const byName = new Map<string, AnyTable>()

function mirror(source: SQLiteTable): AnyTable {
  const config = getTableConfig(source)
  const columns: Record<string, PgColumnBuilderBase> = {}
  for (const col of config.columns) columns[col.name] = mirrorColumn(col)
  const table = pgTable(config.name, columns, (t) => {
    const column = (c: AnySQLiteColumn) => t[c.name] as AnyPgColumn
    return [
      ...config.primaryKeys.map((pk) => primaryKey({ columns: pk.columns.map(column) as [AnyPgColumn, ...AnyPgColumn[]] })),
      ...config.indexes.map(({ config: ix }) => {
        const cols = ix.columns.map((c) => {
          if (is(c, SQL)) throw new Error(`index ${ix.name}: an expression index has no PostgreSQL mirror yet`)
          return column(c as AnySQLiteColumn)
        }) as [AnyPgColumn, ...AnyPgColumn[]]
        if (endsInRowid(config.columns, ix)) cols.push(t.id as AnyPgColumn)
        const built = (ix.unique ? uniqueIndex(ix.name) : index(ix.name)).on(...cols)
        return ix.where ? built.where(ix.where) : built
      }),
      ...config.foreignKeys.map((fk) => {
        const ref = fk.reference()
        const target = getTableConfig(ref.foreignTable).name
        const built = foreignKey({
          name: fk.getName(),
          columns: ref.columns.map(column) as [AnyPgColumn, ...AnyPgColumn[]],
          // the target table is mirrored by the time drizzle-kit reads this (extra config is read lazily)
          foreignColumns: ref.foreignColumns.map((c) => byName.get(target)![c.name] as AnyPgColumn) as [AnyPgColumn, ...AnyPgColumn[]],
        })
        return built.onDelete(fk.onDelete ?? 'no action').onUpdate(fk.onUpdate ?? 'no action')
      }),
    ]
  })
  return table as unknown as AnyTable
}

/**
 * Whether SQLite's index ends, unseen, in the table's integer `id` (the rowid): every index of a rowid table
 * holds it as its last key, so a keyset order `(…, id)` walks the index alone. PostgreSQL's indexes end in
 * nothing, and without the id it sorted the whole registry for its first page (bench/replicas.ts): so the
 * mirror spells it out. Unique indexes need no tiebreak.
 */
export function endsInRowid(columns: AnySQLiteColumn[], ix: { unique: boolean; columns: unknown[] }): boolean {
  const id = columns.find((c) => c.name === 'id')
  if (ix.unique || !id?.primary || id.getSQLType() !== 'integer') return false
  return (ix.columns.at(-1) as AnySQLiteColumn | undefined)?.name !== 'id'
}

function mirrorColumn(col: AnySQLiteColumn): PgColumnBuilderBase {
  const autoIncrement = (col as { autoIncrement?: boolean }).autoIncrement === true
  // the builders' generic types are of no use here: only the DDL drizzle-kit reads from them matters
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let b: any
  switch (col.getSQLType()) {
    case 'integer':
      b = autoIncrement ? bigserial(col.name, { mode: 'number' }) : bigint(col.name, { mode: 'number' })
      break
    case 'text':
      b = text(col.name)
      break
    case 'blob':
      b = bytea(col.name)
      break
    case 'real':
      b = doublePrecision(col.name)
      break
    default:
      throw new Error(`column ${col.name}: SQLite type ${col.getSQLType()} has no PostgreSQL mirror yet`)
  }
  if (col.primary) b = b.primaryKey()
  if (col.notNull && !col.primary) b = b.notNull()
  if (col.hasDefault && col.default !== undefined) b = b.default(is(col.default, SQL) ? col.default : typeof col.default === 'boolean' ? Number(col.default) : col.default)
  if (col.generated) b = b.generatedAlwaysAs(col.generated.as)
  if (col.isUnique) b = b.unique(col.uniqueName)
  return b as PgColumnBuilderBase
}

/** Every mirrored table, by the name db/schema exports it under. */
export const mirrored: Record<string, AnyTable> = {}
for (const [key, t] of sqliteEntries) {
  const table = mirror(t)
  byName.set(getTableConfig(t).name, table)
  mirrored[key] = table
}

/** The SQLite tables with an autoincrement id: each gets the null-id trigger (custom migration, parity test). */
export const autoIncrementTables: string[] = sqliteTables
  .filter((t) => getTableConfig(t).columns.some((c) => (c as { autoIncrement?: boolean }).autoIncrement))
  .map((t) => getTableConfig(t).name)
