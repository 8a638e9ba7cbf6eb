/**
 * Deterministic mutations of DER files for robustness tests: the same seed gives the same inputs on every
 * machine, so a failure can be replayed. The mutations aim at what parsers get wrong: lengths, tags,
 * truncation, and bytes inserted or removed inside nested structures.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0xff]

export function mutate(input: Uint8Array, rnd: () => number): Uint8Array {
  const bytes = new Uint8Array(input)
  const at = () => Math.floor(rnd() * bytes.length)
  switch (Math.floor(rnd() * 7)) {
    case 0: {
      // flip a few bits
      for (let i = 0, n = 1 + Math.floor(rnd() * 4); i < n; i++) bytes[at()]! ^= 1 << Math.floor(rnd() * 8)
      return bytes
    }
    case 1: {
      // a byte that breaks length and tag decoding
      bytes[at()] = INTERESTING[Math.floor(rnd() * INTERESTING.length)]!
      return bytes
    }
    case 2:
      return bytes.slice(0, at())
    case 3: {
      const i = at()
      return new Uint8Array([...bytes.slice(0, i), ...bytes.slice(i + 1 + Math.floor(rnd() * 8))])
    }
    case 4: {
      const i = at()
      const junk = Array.from({ length: 1 + Math.floor(rnd() * 6) }, () => Math.floor(rnd() * 256))
      return new Uint8Array([...bytes.slice(0, i), ...junk, ...bytes.slice(i)])
    }
    case 5: {
      // duplicate a slice: repeated extensions, nested copies
      const i = at()
      const j = Math.min(bytes.length, i + 1 + Math.floor(rnd() * 64))
      return new Uint8Array([...bytes.slice(0, j), ...bytes.slice(i, j), ...bytes.slice(j)])
    }
    default: {
      // an indefinite or huge length right after a tag
      const i = Math.max(1, at())
      bytes[i] = rnd() < 0.5 ? 0x80 : 0x84
      return bytes
    }
  }
}
