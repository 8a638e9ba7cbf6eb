import { describe, expect, it } from 'vitest'
import { brokerCodeSchema } from './broker-code'
import { citizenCertNumberSchema } from './citizen-cert-number'
import { twMessages } from './messages'
import { nationalIdSchema, personIdSchema } from './person-id'
import { faxSchema, landlineSchema, mobileSchema } from './phone'
import { rocDateSchema } from './roc-date'
import { ubnSchema } from './ubn'

describe('twMessages', () => {
  it('has text in both languages for every key', () => {
    for (const [key, text] of Object.entries(twMessages)) {
      expect(text['zh-TW'].length, key).toBeGreaterThan(0)
      expect(text.en.length, key).toBeGreaterThan(0)
    }
  })

  it('covers every message the schemas emit for wrong input', () => {
    const schemas = [ubnSchema, personIdSchema, nationalIdSchema, brokerCodeSchema, landlineSchema, faxSchema, mobileSchema, rocDateSchema, citizenCertNumberSchema]
    const bad = ['', 'x', '00000000', '12345678', 'A123456788', 'A12345678', 'A800000014', '107/02/30', '02-25505500#1']
    const emitted = new Set<string>()
    for (const schema of schemas) {
      for (const value of bad) schema.safeParse(value).error?.issues.forEach((i) => emitted.add(i.message))
    }
    expect([...emitted].filter((m) => !(m in twMessages))).toEqual([])
    expect(emitted.size).toBeGreaterThanOrEqual(9)
  })
})
