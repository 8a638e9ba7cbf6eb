import { defineConfig } from 'drizzle-kit'

// The PostgreSQL migrations, from the mirror of the SQLite schema (db/pg/mirror.ts); docs/decisions/0017.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/schema.ts',
  out: './db/migrations-pg',
})
