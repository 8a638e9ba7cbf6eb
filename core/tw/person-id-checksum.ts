/**
 * The check digit shared by the national ID and both resident certificate formats. The letter
 * codes are not alphabetical: I, O, W, Z were added to the table after the others, so they got
 * 34, 35, 32 and 33.
 */
const letterCodes: Readonly<Record<string, number>> = {
  A: 10, B: 11, C: 12, D: 13, E: 14, F: 15, G: 16, H: 17, I: 34, J: 18, K: 19, L: 20, M: 21,
  N: 22, O: 35, P: 23, Q: 24, R: 25, S: 26, T: 27, U: 28, V: 29, W: 32, X: 30, Y: 31, Z: 33,
}

const digitWeights = [8, 7, 6, 5, 4, 3, 2, 1] as const

export function personIdLetterCode(letter: string): number | undefined {
  return Object.hasOwn(letterCodes, letter) ? letterCodes[letter] : undefined
}

/**
 * Computes the check digit from the area letter, the value of the second position and the seven
 * digits after it. The old resident format has a letter in the second position; the caller passes
 * that letter's code modulo 10, which is how the Immigration Agency folded it into the sum.
 */
export function personIdCheckDigit(letter: string, secondValue: number, sevenDigits: string): number {
  const code = personIdLetterCode(letter)
  if (code === undefined) throw new RangeError(`not an area letter: ${letter}`)
  const digits = [secondValue, ...Array.from(sevenDigits, Number)]
  let sum = Math.floor(code / 10) + (code % 10) * 9
  digits.forEach((d, i) => (sum += d * digitWeights[i]))
  return (10 - (sum % 10)) % 10
}

/** Checks a value already known to have the 10-character shape (letter, second position, 8 digits). */
export function hasValidPersonIdCheckDigit(value: string): boolean {
  const second = value[1]
  const secondValue = /\d/.test(second) ? Number(second) : (personIdLetterCode(second) ?? 0) % 10
  return personIdCheckDigit(value[0], secondValue, value.slice(2, 9)) === Number(value[9])
}
