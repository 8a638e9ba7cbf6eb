import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [vue()],
  resolve: {
    alias: {
      '@core': fileURLToPath(new URL('./core', import.meta.url)),
      '@web': fileURLToPath(new URL('./web/src', import.meta.url)),
    },
  },
  test: {
    include: ['core/**/*.test.ts', 'db/**/*.test.ts', 'server/**/*.test.ts', 'web/src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: a single worker on these 2-core machines, idle while
    // a test waits on OpenSSL, keytool, a child server or PostgreSQL. One more than the cores keeps both busy
    // (the whole suite: 4.6 min with one worker, 2.6 with three).
    maxWorkers: availableParallelism() + 1,
    // Each worker process runs many test files, loading the server's modules once: isolated, every file paid
    // that again, ~100 s of the suite's CPU (141 s → 75 s). Tests own no module state (caches are keyed by
    // their database) and put back what they change in the process (vi.stubEnv, not `process.env.X =`).
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
})
