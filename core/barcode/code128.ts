/**
 * Code 128, subset B (printable ASCII 32–127), drawn as an inline SVG for the printed fee slip, so a bank
 * counter's scanner reads the slip number. Each symbol is 3 bars and 3 spaces, 11 modules wide; the stop symbol
 * adds a final 2-module bar (13 modules). Symbol value in subset B = char code − 32.
 * Check symbol = (104 + Σ value_i × i) mod 103, i counting data symbols from 1.
 */
const PATTERNS = [
  '212222', '222122', '222221', '121223', '121322', '131222', '122213', '122312', '132212', '221213',
  '221312', '231212', '112232', '122132', '122231', '113222', '123122', '123221', '223211', '221132',
  '221231', '213212', '223112', '312131', '311222', '321122', '321221', '312212', '322112', '322211',
  '212123', '212321', '232121', '111323', '131123', '131321', '112313', '132113', '132311', '211313',
  '231113', '231311', '112133', '112331', '132131', '113123', '113321', '133121', '313121', '211331',
  '231131', '213113', '213311', '213131', '311123', '311321', '331121', '312113', '312311', '332111',
  '314111', '221411', '431111', '111224', '111422', '121124', '121421', '141122', '141221', '112214',
  '112412', '122114', '122411', '142112', '142211', '241211', '221114', '413111', '241112', '134111',
  '111242', '121142', '121241', '114212', '124112', '124211', '411212', '421112', '421211', '212141',
  '214121', '412121', '111143', '111341', '131141', '114113', '114311', '411113', '411311', '113141',
  '114131', '311141', '411131', '211412', '211214', '211232', '2331112',
] as const

export const START_B = 104
export const STOP = 106
/** Blank modules on each side, so the scanner finds the first bar. */
const QUIET = 10

/** The symbol values: start B, the data, the check symbol, stop. Throws on characters outside subset B. */
export function code128Values(text: string): number[] {
  const data = [...text].map((ch) => {
    const code = ch.charCodeAt(0)
    if (ch.length !== 1 || code < 32 || code > 127) throw new RangeError(`not encodable in Code 128 B: ${JSON.stringify(ch)}`)
    return code - 32
  })
  const check = data.reduce((sum, value, i) => sum + value * (i + 1), START_B) % 103
  return [START_B, ...data, check, STOP]
}

/** The bar/space widths in modules, alternating bar first, of the whole symbol. */
export function code128Widths(text: string): number[] {
  return code128Values(text).flatMap((v) => [...PATTERNS[v]!].map(Number))
}

const escapeXml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** An SVG of the barcode, `height` modules tall, scaling to its container's width (no text under it). */
export function code128Svg(text: string, options: { height?: number } = {}): string {
  const height = options.height ?? 40
  let x = QUIET
  const rects: string[] = []
  code128Widths(text).forEach((w, i) => {
    if (i % 2 === 0) rects.push(`<rect x="${x}" y="0" width="${w}" height="${height}"/>`)
    x += w
  })
  const width = x + QUIET
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" preserveAspectRatio="none" shape-rendering="crispEdges" role="img" aria-label="${escapeXml(text)}">` +
    `<title>${escapeXml(text)}</title><g fill="#000">${rects.join('')}</g></svg>`
  )
}
