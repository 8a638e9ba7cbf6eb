import { startTestPostgres } from './test-server'

/**
 * vitest.pg.config.ts: the API tests on PostgreSQL. Without a DATABASE_URL of one's own (a superuser's), a
 * throwaway cluster is started for the run; each test then gets its own database (server/lib/testing.ts).
 */
export default async function setup() {
  if (process.env.DATABASE_URL) return
  const server = await startTestPostgres()
  // the test processes are started after this, with this environment
  process.env.DATABASE_URL = server.url
  return () => server.stop()
}
