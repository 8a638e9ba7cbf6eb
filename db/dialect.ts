import type { Db, Dialect } from './client'
import { PgSyncClient } from './pg/sync-client'

/**
 * The few SQL fragments that differ between SQLite and PostgreSQL, chosen by the database a query runs on, so
 * the repos stay one synchronous domain layer (docs/decisions/0017) instead of growing if/else per dialect.
 */
export function dialectOf(db: Db): Dialect {
  // a drizzle database and its transactions share one session, whose client is the connection
  const client = (db as unknown as { session: { client: unknown } }).session.client
  return client instanceof PgSyncClient ? 'postgres' : 'sqlite'
}
