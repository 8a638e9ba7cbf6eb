import { mkdirSync, writeFileSync } from 'node:fs'
import { benchPkiInspect } from './pki-inspect'
import { benchSignedInRequest } from './signed-in-request'

/**
 * `npm run bench`: each figure is a ratio against a baseline measured in the same run, so a slow or busy
 * machine moves both sides. Results go to bench/results/latest.json.
 */
const results = {
  at: new Date().toISOString(),
  signedInRequest: await benchSignedInRequest(),
  pkiInspect: await benchPkiInspect(),
}
mkdirSync('bench/results', { recursive: true })
writeFileSync('bench/results/latest.json', JSON.stringify(results, null, 2) + '\n')
