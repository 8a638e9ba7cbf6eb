import { index, sqliteTable, text } from 'drizzle-orm/sqlite-core'

/** Challenges issued for card sign-in: each answers once, within its lifetime (docs/pki.md). */
export const loginChallenges = sqliteTable(
  'login_challenges',
  {
    nonce: text('nonce').primaryKey(),
    audience: text('audience').notNull(),
    issuedAt: text('issued_at').notNull(),
    usedAt: text('used_at'),
  },
  (t) => [index('login_challenges_issued_idx').on(t.issuedAt)],
)
