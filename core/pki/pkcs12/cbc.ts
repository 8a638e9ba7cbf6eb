/**
 * CBC decryption with PKCS #7 padding (RFC 5652 §6.3) around a block cipher written here, for the
 * ciphers WebCrypto lacks (3DES, DES, RC2). Null means "wrong key" (bad padding): the caller turns
 * that into WRONG_PIN or tries another password encoding.
 */
export type BlockDecrypt = (block: Uint8Array) => Uint8Array

export function cbcDecrypt(data: Uint8Array, iv: Uint8Array, blockSize: number, decrypt: BlockDecrypt): Uint8Array | null {
  if (data.length === 0 || data.length % blockSize || iv.length !== blockSize) return null
  const out = new Uint8Array(data.length)
  let previous = iv
  for (let offset = 0; offset < data.length; offset += blockSize) {
    const block = data.subarray(offset, offset + blockSize)
    const plain = decrypt(block)
    for (let i = 0; i < blockSize; i++) out[offset + i] = plain[i] ^ previous[i]
    previous = block
  }
  return unpad(out, blockSize)
}

export function unpad(data: Uint8Array, blockSize: number): Uint8Array | null {
  const n = data[data.length - 1]
  if (!n || n > blockSize || n > data.length) return null
  for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) return null
  return data.subarray(0, data.length - n)
}
