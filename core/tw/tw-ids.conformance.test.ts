import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { isValidCitizenCertNumber } from './citizen-cert-number'
import { isValidNationalId } from './national-id'
import { isValidPersonId, normalizePersonId } from './person-id'
import { isValidNewResidentId, isValidOldResidentId, residentCategory, type ResidentCategory } from './resident-id'
import { isValidUbn, passesUbnChecksum } from './ubn'

/**
 * Runs the vectors collected from three open-source validators (../shared/testsuites/tw-ids). Every
 * vector must agree with us, except where it takes the other side of a policy point that ADR 0002
 * decides; those are recognised by the rule they test, never by their value or id.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const suiteDir = process.env.CONFORMANCE_DIR ?? path.resolve(repoRoot, '../shared/testsuites')
const vectorFile = path.join(suiteDir, 'tw-ids', 'tw-id-vectors.json')

const vectorSchema = z.object({ value: z.string(), kind: z.string(), expect: z.boolean(), note: z.string().nullable().optional() })
type Vector = z.infer<typeof vectorSchema>
type Check = (value: string) => boolean

const anyOf = (...checks: Check[]): Check => (value) => checks.some((check) => check(value))

/** enylin's idCard test passes validator options; its vectors record them in `note`. */
const enylinCategories: Record<string, ResidentCategory> = {
  foreignOrStateless: 'foreignOrStateless',
  statelessResident: 'nationalWithoutHousehold',
  hkMacaoResident: 'hongKongMacao',
  mainlandChinaResident: 'mainlandChina',
}
const enylinPresets: Record<string, Check> = {
  '': isValidPersonId,
  nationalIdOptions: isValidNationalId,
  oldFormatUiNumberOptions: isValidOldResidentId,
  newFormatUiNumberOptions: isValidNewResidentId,
}
const enylinOptions = z.object({
  nationalId: z.boolean(),
  uiNumber: z.union([z.boolean(), z.object({ oldFormat: z.boolean(), newFormat: z.union([z.boolean(), z.record(z.string(), z.boolean())]) })]),
})

function enylinCheck(note: string): Check {
  if (Object.hasOwn(enylinPresets, note)) return enylinPresets[note]
  const options = enylinOptions.parse(JSON.parse(note.replace(/(\w+):/g, '"$1":')))
  const checks: Check[] = options.nationalId ? [isValidNationalId] : []
  const ui = options.uiNumber === true ? { oldFormat: true, newFormat: true } : options.uiNumber
  if (ui && ui.oldFormat) checks.push(isValidOldResidentId)
  if (ui && ui.newFormat === true) checks.push(isValidNewResidentId)
  if (ui && typeof ui.newFormat === 'object') {
    const allowed = Object.entries(ui.newFormat).filter(([, on]) => on).map(([name]) => enylinCategories[name])
    checks.push((value) => allowed.includes(residentCategory(value) as ResidentCategory))
  }
  return anyOf(...checks)
}

function checkFor(vector: Vector): Check {
  switch (vector.kind) {
    case 'anyPersonId':
      return isValidPersonId
    case 'nationalId':
      return isValidNationalId
    case 'arc':
    case 'ui(stdnum)':
      return anyOf(isValidOldResidentId, isValidNewResidentId)
    case 'natid(stdnum: NID+new UI)':
      return anyOf(isValidNationalId, isValidNewResidentId)
    case 'idCard(enylin opts)':
      return enylinCheck(vector.note ?? '')
    case 'ubn':
    case 'ubn(oldRule)':
    case 'ban(stdnum)':
      return isValidUbn // one rule for the product: the pre-2023 switch is a policy point
    case 'citizenDigitalCert':
      return isValidCitizenCertNumber
    default:
      throw new Error(`unmapped kind in tw-id-vectors.json: ${vector.kind}`)
  }
}

type PolicyPoint = 'lowerCase' | 'allZeroUbn' | 'pre2023UbnRule'

/** Which ADR 0002 decision explains a disagreement, checked against what that decision implies. */
function policyPoint(vector: Vector, check: Check): PolicyPoint | null {
  const { value, expect: expected } = vector
  if (/[a-z]/.test(value) && check(normalizePersonId(value)) === expected) return 'lowerCase'
  if (/^0{8}$/.test(value)) return 'allZeroUbn'
  if (!expected && passesUbnChecksum(value, 5) && !passesUbnChecksum(value, 10)) return 'pre2023UbnRule'
  return null
}

if (!existsSync(vectorFile)) {
  it('tw-ids suite present', () => {
    console.log(`tw-ids conformance not run: ${vectorFile} is absent (set CONFORMANCE_DIR to run it)`)
  })
} else {
  describe('tw-ids conformance', () => {
    const vectors = z.array(vectorSchema).parse(JSON.parse(readFileSync(vectorFile, 'utf8')))

    it('agrees with every vector outside the documented policy points', () => {
      let agreed = 0
      const policy: Record<PolicyPoint, number> = { lowerCase: 0, allZeroUbn: 0, pre2023UbnRule: 0 }
      const disagreements: string[] = []
      for (const vector of vectors) {
        const check = checkFor(vector)
        if (check(vector.value) === vector.expect) {
          agreed++
          continue
        }
        const point = policyPoint(vector, check)
        if (point) policy[point]++
        else disagreements.push(`${vector.kind} ${JSON.stringify(vector.value)} expected ${vector.expect}`)
      }
      const policyTotal = policy.lowerCase + policy.allZeroUbn + policy.pre2023UbnRule
      const outside = vectors.length - policyTotal
      console.log(
        `tw-ids: ${vectors.length} vectors; agree ${agreed} (${((100 * agreed) / vectors.length).toFixed(2)}%); ` +
          `differ by policy ${policyTotal} (lower-case ${policy.lowerCase}, 00000000 ${policy.allZeroUbn}, ` +
          `pre-2023 UBN rule ${policy.pre2023UbnRule}); agreement outside policy ${agreed}/${outside} ` +
          `(${((100 * agreed) / outside).toFixed(2)}%)`,
      )
      expect(disagreements).toEqual([])
      expect(agreed).toBe(outside)
      expect(vectors.length).toBeGreaterThan(2000)
    })
  })
}
