import base from './playwright.config'
import { defineConfig } from '@playwright/test'

const PORT = Number(process.env.E2E_PORT ?? 3102)

/**
 * The end-to-end suite against PostgreSQL and two replicas behind nginx (`npm run test:pg`), with one replica
 * killed halfway (e2e/failover-reporter.ts). Everything else is the SQLite run's configuration.
 */
export default defineConfig({
  ...base,
  outputDir: 'test-results/e2e-pg',
  use: { ...base.use, baseURL: `http://127.0.0.1:${PORT}` },
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright-pg.json' }], ['./e2e/failover-reporter.ts']],
  webServer: {
    command: 'npx tsx e2e/serve-replicas.ts',
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { E2E_PORT: String(PORT), E2E_DATA_DIR: process.env.E2E_DATA_DIR! },
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM, not Playwright's default SIGKILL: e2e/serve-replicas.ts then stops nginx, the replicas and its
    // PostgreSQL cluster, which would otherwise outlive the run
    gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
  },
})
