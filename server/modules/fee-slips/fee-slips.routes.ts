import { existsSync } from 'node:fs'
import { Hono } from 'hono'
import { slipNoParam } from '../../../core/contracts/fee-slips'
import { AppError } from '../../../core/errors'
import { allow } from '../../lib/auth'
import { currentUser, type AppEnv } from '../../lib/context'
import { valid } from '../../lib/validate'
import { feeSlipPdf } from './fee-slips.pdf'
import { getFeeSlip } from './fee-slips.service'

export function createFeeSlipsRoutes() {
  return new Hono<AppEnv>()
    .get('/:slipNo', allow('staff'), valid('param', slipNoParam), (c) =>
      c.json(getFeeSlip({ db: c.get('deps').db, user: currentUser(c), slipNo: c.req.valid('param').slipNo })),
    )
    .get('/:slipNo/pdf', allow('staff'), valid('param', slipNoParam), async (c) => {
      const { db, env } = c.get('deps')
      const slip = getFeeSlip({ db, user: currentUser(c), slipNo: c.req.valid('param').slipNo })
      if (!existsSync(env.PDF_FONT)) {
        throw new AppError('UNAVAILABLE', { message: { 'zh-TW': `找不到 PDF 中文字型（PDF_FONT：${env.PDF_FONT}）`, en: `The CJK font for PDFs is missing (PDF_FONT: ${env.PDF_FONT})` } })
      }
      const pdf = await feeSlipPdf(slip, { file: env.PDF_FONT, family: env.PDF_FONT_FAMILY })
      return c.body(new Uint8Array(pdf), 200, { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="feeslip-${slip.slipNo}.pdf"`, 'Cache-Control': 'private, no-store' })
    })
}
