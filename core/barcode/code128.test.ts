import { describe, expect, it } from 'vitest'
import { code128Svg, code128Values, code128Widths, START_B, STOP } from './code128'

describe('Code 128 subset B', () => {
  it('encodes a slip number as start B, the characters, the mod-103 check symbol and stop', () => {
    // 'A' = 65 − 32 = 33, 'F' = 38, '0'…'9' = 16…25
    const data = [33, 33, 38, 17, 17, 21, 16, 16, 16, 16, 16, 17, 21, 17] // AAF11500000151
    const weighted = 104 + 33 * 1 + 33 * 2 + 38 * 3 + 17 * 4 + 17 * 5 + 21 * 6 + 16 * 7 + 16 * 8 + 16 * 9 + 16 * 10 + 16 * 11 + 17 * 12 + 21 * 13 + 17 * 14
    expect(weighted % 103).toBe(74)
    expect(code128Values('AAF11500000151')).toEqual([START_B, ...data, 74, STOP])
  })

  it('draws the start B and stop patterns, 11 modules per symbol and 13 for the stop', () => {
    const widths = code128Widths('AB')
    expect(widths.slice(0, 6).join('')).toBe('211214') // start B
    expect(widths.slice(-7).join('')).toBe('2331112') // stop with its termination bar
    expect(widths.reduce((a, b) => a + b, 0)).toBe(11 * 4 + 13) // start, A, B, check + stop
  })

  it('renders an SVG whose bars match the widths, and refuses characters outside subset B', () => {
    const svg = code128Svg('AAF11500000151')
    const bars = [...svg.matchAll(/<rect x="(\d+)" y="0" width="(\d)"/g)].map((m) => Number(m[2]))
    expect(bars).toEqual(code128Widths('AAF11500000151').filter((_, i) => i % 2 === 0))
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 \d+ 40"/)
    expect(svg).toContain('<title>AAF11500000151</title>')
    expect(() => code128Values('通關')).toThrow(RangeError)
  })
})
