import { encodeDistinguishedName, type DnEntry } from '../x509-builder/distinguished-name'
import { implicitConstructed, integer, sequence } from '../x509-builder/der-encode'
import { exportSpki } from '../x509-builder/keys'
import { signStructure } from '../x509-builder/signature'

/**
 * CertificationRequest ::= SEQUENCE {                                   (RFC 2986 §4)
 *   certificationRequestInfo CertificationRequestInfo, signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
 * CertificationRequestInfo ::= SEQUENCE {
 *   version INTEGER { v1(0) }, subject Name, subjectPKInfo SubjectPublicKeyInfo, attributes [0] IMPLICIT SET OF Attribute }
 *
 * The request proves possession of the key and nothing else: the CA decides the subject and the
 * extensions, so by default the subject is the empty Name and there are no attributes (an empty
 * [0] is still written, as the syntax requires it).
 */
export async function buildCsr(options: { keyPair: CryptoKeyPair; subject?: readonly DnEntry[] }): Promise<Uint8Array> {
  const info = sequence(
    integer(0),
    encodeDistinguishedName(options.subject ?? []),
    await exportSpki(options.keyPair.publicKey),
    implicitConstructed(0, new Uint8Array(0)),
  )
  return signStructure(info, options.keyPair.privateKey)
}
