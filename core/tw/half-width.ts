/**
 * Chinese input methods often produce full-width characters (Ａ１２３, ＃, －); users cannot see the
 * difference, so identifiers are folded to ASCII before they are checked.
 */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  )
}
