import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config'

// The same tests on PostgreSQL (docs/decisions/0017): `npx vitest run -c vitest.pg.config.ts server/modules/…`.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      globalSetup: ['./db/pg/vitest.global-setup.ts'],
    },
  }),
)
