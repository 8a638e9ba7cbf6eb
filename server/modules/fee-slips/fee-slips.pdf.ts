import PDFDocument from 'pdfkit'
import type { FeeSlip } from '../../../core/contracts/fee-slips'
import { code128Widths } from '../../../core/barcode/code128'
import { FEE_TYPE, ntd, slipParts } from '../../../core/print/fee-slip'
import { toRocDate } from '../../../core/tw'

const MM = 72 / 25.4
const A4 = { width: 210 * MM, height: 297 * MM }

/** The slip number as bars, from the same Code 128 B widths the print view draws. */
function barcode(doc: PDFKit.PDFDocument, text: string, x: number, y: number, height: number): void {
  const widths = code128Widths(text)
  const module = 0.33 * MM
  let at = x
  widths.forEach((w, i) => {
    if (i % 2 === 0) doc.rect(at, y, w * module, height).fill('#000')
    at += w * module
  })
}

/**
 * The NS11 fee slip as a PDF: the same three parts as the print view on one A4 page, with the CJK font embedded
 * (subset) so the page reads the same on any computer. `fontFile` is a TrueType/OpenType font or collection.
 */
export function feeSlipPdf(slip: FeeSlip, font: { file: string; family?: string }): Promise<Buffer> {
  const doc = new PDFDocument({ size: [A4.width, A4.height], margin: 0, info: { Title: `繳款單 ${slip.slipNo}`, Author: 'Certdesk' } })
  doc.registerFont('cjk', font.file, font.family)
  doc.font('cjk')
  const partHeight = A4.height / 3
  slipParts.forEach((part, i) => {
    const top = i * partHeight + 14 * MM
    const left = 16 * MM
    doc.fillColor('#000').fontSize(15).text(`關務署 規費繳款單（NS11）\u3000${part.title}`, left, top)
    doc.fontSize(9).fillColor('#444').text(part.note, left, top + 20)
    doc.fillColor('#000').fontSize(11)
    const rows: [string, string][] = [
      ['繳款單號', slip.slipNo],
      ['申請序號', slip.applicationNo],
      ['繳款人統一編號', slip.payerUbn],
      ['繳款人名稱', slip.payerName],
      ['費別', FEE_TYPE],
      ['金額', `${ntd(slip.amount)}（${slip.count}件）`],
      ['填發日期', toRocDate(slip.issuedOn)],
      ['繳款期限', toRocDate(slip.dueOn)],
    ]
    rows.forEach(([label, value], r) => {
      const y = top + 40 + r * 16
      doc.text(label, left, y, { width: 110 })
      doc.text(value, left + 115, y, { width: 250 })
    })
    barcode(doc, slip.slipNo, 125 * MM, top + 48, 16 * MM)
    doc.fontSize(9).text(slip.slipNo, 125 * MM, top + 48 + 17 * MM)
    if (i < 2) doc.moveTo(8 * MM, (i + 1) * partHeight).lineTo(A4.width - 8 * MM, (i + 1) * partHeight).dash(4, { space: 3 }).stroke('#888').undash()
  })
  const chunks: Buffer[] = []
  return new Promise((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    doc.end()
  })
}
