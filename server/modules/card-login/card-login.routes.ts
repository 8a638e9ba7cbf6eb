import { Hono } from 'hono'
import { z } from 'zod'
import { allow } from '../../lib/auth'
import { auditContext, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { issueChallenge, verifyCardResponse } from './card-login.service'

const verifyRequest = z.strictObject({
  nonce: z.string({ message: 'required' }).min(1, { message: 'required' }).max(64, { message: 'tooLong' }),
  certificate: z.string({ message: 'required' }).min(1, { message: 'required' }).max(100_000, { message: 'tooLong' }),
  signature: z.string({ message: 'required' }).min(1, { message: 'required' }).max(2_000, { message: 'tooLong' }),
})

/**
 * Card sign-in, step by step: the browser asks for a challenge, the card signs it, the server checks the answer.
 * The portal's sign-in and registration build on /verify.
 */
export function createCardLoginRoutes() {
  return new Hono<AppEnv>()
    .post('/challenge', allow('public'), (c) => {
      const { env, clock } = c.get('deps')
      return c.json(issueChallenge({ deps: c.get('deps'), audience: env.publicUrl, ip: c.get('ip'), now: clock() }))
    })
    .post('/verify', allow('public'), valid('json', verifyRequest), async (c) => {
      const { nonce, certificate, signature } = c.req.valid('json')
      const info = await verifyCardResponse({ deps: c.get('deps'), nonce, response: { certificate, signature }, ctx: auditContext(c) })
      return c.json({ subject: info.subject.display, kind: info.kind, identity: info.identity, serialHex: info.serialHex, notAfter: info.notAfter })
    })
}
