import type { PathCertificate } from './certificate'

/**
 * Which certificates may have issued a certificate, best first: subject = issuer name (RFC 5280
 * §6.1.3 a.4) is required; among those, trust anchors first (shortest path), then a matching key
 * identifier (AKI = SKI) before an unknown one before a contradicting one (GRCA G1 and G2 share
 * one name, so names alone pick the wrong key half the time), then those valid at the
 * validation time. Signatures decide in the end; this order only makes the first try the right one.
 */
function bySubject(pool: PathCertificate[]): Map<string, PathCertificate[]> {
  const index = new Map<string, PathCertificate[]>()
  for (const cert of pool) (index.get(cert.subject.key) ?? index.set(cert.subject.key, []).get(cert.subject.key)!).push(cert)
  return index
}

const indexes = new WeakMap<PathCertificate[], Map<string, PathCertificate[]>>()

function subjectIndex(pool: PathCertificate[]): Map<string, PathCertificate[]> {
  let index = indexes.get(pool)
  if (!index) indexes.set(pool, (index = bySubject(pool)))
  return index
}

export function issuerCandidates(cert: PathCertificate, pool: PathCertificate[], anchors: Set<PathCertificate>, at: number): PathCertificate[] {
  const keyId = cert.ext.authorityKeyId?.keyId
  const rank = (candidate: PathCertificate): number => {
    const ski = candidate.ext.subjectKeyId
    const keyRank = !keyId || !ski ? 1 : ski === keyId ? 0 : 2
    const timeRank = at >= candidate.notBefore && at <= candidate.notAfter ? 0 : 1
    return (anchors.has(candidate) ? 0 : 8) + keyRank * 2 + timeRank
  }
  const found = (subjectIndex(pool).get(cert.issuer.key) ?? []).filter((candidate) => candidate !== cert || anchors.has(candidate))
  return found.map((candidate) => ({ candidate, rank: rank(candidate) })).sort((a, b) => a.rank - b.rank).map(({ candidate }) => candidate)
}

/**
 * How many certificates, at least, separate each certificate from an anchor (0 for an anchor) by
 * names alone; a certificate missing from the map cannot reach one within `maxDepth`. Distances are
 * kept per subject name too, so each round is linear in the pool even when thousands of
 * certificates share one name (x509-limbo's pathological chains).
 */
export function distancesToAnchors(pool: PathCertificate[], anchors: Set<PathCertificate>, maxDepth: number): Map<PathCertificate, number> {
  const distances = new Map<PathCertificate, number>()
  const byName = new Map<string, number>()
  for (const anchor of anchors) {
    distances.set(anchor, 0)
    byName.set(anchor.subject.key, 0)
  }
  for (let round = 1; round < maxDepth; round++) {
    const reached: PathCertificate[] = []
    for (const cert of pool) {
      if (distances.has(cert)) continue
      const issuerDistance = byName.get(cert.issuer.key)
      if (issuerDistance !== undefined && issuerDistance < round) reached.push(cert)
    }
    if (reached.length === 0) break
    for (const cert of reached) {
      distances.set(cert, round)
      if (!byName.has(cert.subject.key)) byName.set(cert.subject.key, round)
    }
  }
  return distances
}
