import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1')

/** Every setting the server reads. This file is the only reader of process.env. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('./data'),
  /**
   * `postgres://user:password@host:5432/certdesk`: the database is PostgreSQL (docs/decisions/0017), created with
   * ENCODING 'UTF8' LOCALE 'C'; unset: SQLite in DATA_DIR. In the tests, a superuser's URL: each test gets a database.
   */
  DATABASE_URL: z
    .string()
    .refine((v) => /^postgres(ql)?:\/\//i.test(v), { message: 'must start with postgres:// or postgresql://' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /**
   * Where new scanned forms go (docs/decisions/0020): `database` (the scan_files table: every replica on one
   * PostgreSQL reads them) or `files` (DATA_DIR/attachments: one machine's disk). Unset: `database` with a
   * DATABASE_URL, `files` on SQLite. Changing it loses nothing: a scan's key names the store that holds it.
   */
  // empty as unset, before the enum: a union with '' would report only "Invalid input" for a wrong value
  SCAN_STORAGE: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.enum(['database', 'files'], { message: '必須是 database 或 files（掃描檔存放處）; must be database or files (where scanned forms are kept)' }).optional(),
  ),
  /** Behind a TLS-terminating proxy: trust X-Forwarded-For/-Proto, and mark cookies Secure. */
  TRUST_PROXY: flag,
  COOKIE_SECURE: flag,
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(72).default(12),
  LOCKOUT_THRESHOLD: z.coerce.number().int().min(1).max(100).default(5),
  LOCKOUT_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Sign-in attempts allowed per client IP per minute, across all usernames. */
  LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  /** log2 of scrypt's cost parameter N; 15 = 32 MiB of memory per hash. */
  PASSWORD_HASH_COST: z.coerce.number().int().min(10).max(20).default(15),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  /** Skip the demo data at first start (an empty production database). */
  NO_DEMO: flag,
  /** Never build the web app at start: without dist/index.html the API runs and pages answer 503 until `npm run build`. */
  NO_WEB_BUILD: flag,
  /** The address users reach the server at; CRL distribution points in issued certificates point here. */
  PUBLIC_URL: z.string().url().optional(),
  /** Secret that encrypts the embedded CA's private keys at rest; without it, one is generated in DATA_DIR. */
  CA_KEY_SECRET: z.string().min(16).optional(),
  CA_KEY_WRAP_ITERATIONS: z.coerce.number().int().min(10_000).max(10_000_000).default(600_000),
  /** How long a CRL is valid; it is re-signed when less than half of that remains. */
  CRL_VALIDITY_HOURS: z.coerce.number().int().min(1).max(24 * 31).default(24),
  /** The CJK font embedded in fee slip PDFs (TrueType/OpenType or a collection); Debian's fonts-wqy-microhei by default. */
  PDF_FONT: z.string().default('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc'),
  /** In a font collection (.ttc), the PostScript name of the face to use. */
  PDF_FONT_FAMILY: z.string().default('WenQuanYiMicroHei'),
  /** Where the conformance suites are (the testsuites folder, or the shared folder holding it); developers' tool only. */
  CONFORMANCE_DIR: z.string().optional(),
  /** A folder of PEM trust anchors (e.g. GRCA, MOICA, MOEACA); the demo also trusts its own test hierarchy. */
  TRUST_ANCHORS_DIR: z.string().optional(),
  // --- mail outbox (server/lib/mail) ---
  /** `smtp://user:pass@host:587` (STARTTLS when offered; add `?requireTLS=true` to insist) or `smtps://…:465`; unset: mail stays in the outbox. */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//i.test(v), { message: 'must start with smtp:// or smtps://' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  /** The From header of every mail. */
  MAIL_FROM: z.string().min(3).default('Certdesk <no-reply@certdesk.local>'),
  /** Sending attempts per mail before it is marked failed (backoff 1, 2, 4 … minutes, capped at an hour). */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(6),
  // --- end mail outbox ---
})

type Settings = z.infer<typeof envSchema>
export type Env = Omit<Settings, 'SCAN_STORAGE'> & { SCAN_STORAGE: NonNullable<Settings['SCAN_STORAGE']>; dbFile: string; distDir: string; publicUrl: string }

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid settings in the environment:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  return {
    ...env,
    // the database is the store every replica shares; SQLite is one machine, whose backups copy the folder
    SCAN_STORAGE: env.SCAN_STORAGE ?? (env.DATABASE_URL ? 'database' : 'files'),
    dbFile: path.resolve(env.DATA_DIR, 'certdesk.db'),
    distDir: path.resolve('dist'),
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ''),
  }
}

/** Settings for tests: defaults, with an in-memory database and quiet logs. */
export function testEnv(overrides: Partial<Env> = {}): Env {
  // A private data folder per test process: attachments and demo cards never land in the project's ./data.
  const DATA_DIR = path.join(os.tmpdir(), `certdesk-test-${process.pid}`)
  // DATABASE_URL passes through: the API tests run on PostgreSQL with vitest.pg.config.ts; so does SCAN_STORAGE,
  // to run them on the other scan store
  const env = readEnv({ LOG_LEVEL: 'silent', PASSWORD_HASH_COST: '12', CA_KEY_SECRET: 'test-secret-not-for-production', CA_KEY_WRAP_ITERATIONS: '10000', DATA_DIR, DATABASE_URL: process.env.DATABASE_URL, SCAN_STORAGE: process.env.SCAN_STORAGE })
  return { ...env, dbFile: ':memory:', ...overrides }
}
