import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { readCertificates } from '../../core/pki'
import type { Db } from '../../db/client'
import { currentCrl } from '../modules/ca/ca.service'
import { listCas } from '../modules/ca/ca.repo'
import type { AppDeps } from './context'

export interface TrustMaterial {
  anchors: Uint8Array[]
  intermediates: Uint8Array[]
}

/** PEM files of TRUST_ANCHORS_DIR, read once per process: trust is configuration, changed by a restart. */
let configured: { dir: string; certs: Uint8Array[] } | null = null
function configuredAnchors(dir: string | undefined): Uint8Array[] {
  if (!dir) return []
  if (configured?.dir !== dir) {
    const files = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(pem|crt|cer)$/i.test(f)) : []
    configured = { dir, certs: files.flatMap((f) => readCertificates(new Uint8Array(readFileSync(path.join(dir, f))))) }
  }
  return configured.certs
}

/**
 * What a card or certificate is checked against: the configured anchors, plus the embedded test hierarchy
 * (its roots as anchors, its sub-CAs as intermediates) so that the demo cards and our own certificates validate.
 */
export function trustMaterial(deps: Pick<AppDeps, 'db' | 'env'>): TrustMaterial {
  const cas = listCas(deps.db)
  return {
    anchors: [...configuredAnchors(deps.env.TRUST_ANCHORS_DIR), ...cas.filter((c) => !c.parentName).map((c) => new Uint8Array(c.certificate))],
    intermediates: cas.filter((c) => c.parentName).map((c) => new Uint8Array(c.certificate)),
  }
}

/** The current CRL of every embedded CA, re-signed first where one is due. */
export async function embeddedCrls(deps: Pick<AppDeps, 'db' | 'ca'>, now: Date): Promise<Uint8Array[]> {
  const crls = []
  for (const ca of listCas(deps.db as Db)) crls.push(new Uint8Array((await currentCrl({ db: deps.db, settings: deps.ca, caName: ca.name, now })).der))
  return crls
}
