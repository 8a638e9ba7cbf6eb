import { describe, expect, it } from 'vitest'
import { eventDetail, eventStamp } from './timeline-view'

describe('the broker timeline', () => {
  it('shows calendar dates with the ROC date in zh-TW and instants in Taipei time', () => {
    expect(eventStamp('2026-11-19', 'zh-TW')).toBe('2026-11-19（民國 115/11/19）')
    expect(eventStamp('2026-11-19', 'en')).toBe('2026-11-19')
    expect(eventStamp('2026-11-19T17:30:00.000Z', 'en')).toBe('2026-11-20 01:30')
  })

  it('names revocation and deletion reasons, and keeps a typed reason as typed', () => {
    expect(eventDetail({ type: 'certificate-revoked', detail: 'privilegeWithdrawn' }, 'zh-TW')).toBe('權限撤銷')
    expect(eventDetail({ type: 'registration-removed', detail: 'resignation' }, 'en')).toBe('Broker resigned')
    expect(eventDetail({ type: 'reassignment-filed', detail: 'privilegeWithdrawn' }, 'en')).toBe('privilegeWithdrawn')
    expect(eventDetail({ type: 'registration-removed', detail: null }, 'en')).toBeNull()
  })
})
