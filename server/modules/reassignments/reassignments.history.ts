import type { z } from 'zod'
import type { SessionUser } from '../../../core/contracts/auth'
import type { CertificateEventType } from '../../../core/contracts/certificates'
import type { BrokerTimeline, ReassignmentPage, reassignmentListQuery, TimelineEvent, TimelineEventType } from '../../../core/contracts/reassignments'
import { taipeiDayStart } from '../../../core/tw'
import type { Db } from '../../../db/client'
import { decodeIdCursor, pageOf } from '../../lib/paging'
import { findFirmRecord, getBroker } from '../broker-records/broker-records.service'
import { certificateEventsOfBroker } from '../certificates/certificates.service'
import { registrationHistoryOfBroker } from '../registrations/registrations.service'
import { countReassignments, listReassignments } from './reassignments.repo'
import { toReassignment } from './reassignments.view'

/**
 * The history is national, like the broker records it changes: every staff role reads every office's
 * reassignments. Acting on one is for its own office (see reassignments.view officeOf).
 */
export function searchReassignments(opts: { db: Db; user: SessionUser; query: z.output<typeof reassignmentListQuery> }): ReassignmentPage {
  const { query } = opts
  const rows = listReassignments(opts.db, { ...query, before: decodeIdCursor(query.cursor), limit: query.limit + 1 })
  const page = pageOf(rows, query.limit, (last) => String(last.id))
  return { items: page.items.map((r) => toReassignment(r, opts.user)), nextCursor: page.nextCursor, ...(query.cursor ? {} : { total: countReassignments(opts.db, query) }) }
}

const certificateTypes: Partial<Record<CertificateEventType, TimelineEventType>> = {
  issued: 'certificate-issued', held: 'certificate-held', released: 'certificate-released', revoked: 'certificate-revoked',
}

/** Calendar dates sort as the start of that day in Taipei, among instants. */
const sortKey = (at: string) => (at.length === 10 ? taipeiDayStart(at).toISOString() : at)

/**
 * A broker's whole history, newest first: appointments (who worked where, from when to when), the
 * reassignments recorded, the certificates' issuance, holds and revocations (those of the user's office, as
 * the certificate pages show them), and the signing registrations added and removed.
 */
export function brokerTimeline(opts: { db: Db; user: SessionUser; code: string }): BrokerTimeline {
  const { db, user } = opts
  const broker = getBroker({ db, code: opts.code })
  const names = new Map(broker.appointments.map((a) => [a.firmUbn, a.firmName]))
  const firmName = (ubn: string | null) => {
    if (!ubn) return null
    if (!names.has(ubn)) names.set(ubn, findFirmRecord(db, ubn)?.name ?? '')
    return names.get(ubn) || null
  }
  const none = { ubn: null, firmName: null, serialHex: null, reassignmentId: null, reassignmentKind: null, actorName: null, detail: null }
  const events: TimelineEvent[] = []
  for (const a of broker.appointments) {
    events.push({ ...none, at: a.fromDate, type: 'appointment-started', ubn: a.firmUbn, firmName: a.firmName })
    if (a.toDate) events.push({ ...none, at: a.toDate, type: 'appointment-ended', ubn: a.firmUbn, firmName: a.firmName })
  }
  for (const r of listReassignments(db, { brokerCode: broker.code, limit: 10_000 })) {
    const about = { ...none, ubn: r.toUbn ?? r.fromUbn, firmName: firmName(r.toUbn ?? r.fromUbn), reassignmentId: r.id, reassignmentKind: r.kind }
    if (r.kind !== 'disqualification') {
      events.push({ ...about, at: r.requestedAt, type: 'reassignment-recorded', actorName: r.requestedByName })
      continue
    }
    events.push({ ...about, at: r.requestedAt, type: 'reassignment-filed', actorName: r.requestedByName, detail: r.reason })
    if (r.decidedAt && r.status !== 'pending') {
      events.push({ ...about, at: r.decidedAt, type: r.status === 'done' ? 'reassignment-approved' : 'reassignment-rejected', actorName: r.decidedByName, detail: r.rejectReason })
    }
  }
  for (const c of certificateEventsOfBroker(db, user, broker.code)) {
    for (const e of c.events) {
      const type = certificateTypes[e.type]
      if (type) events.push({ ...none, at: e.at, type, ubn: c.ubn, firmName: firmName(c.ubn), serialHex: c.serialHex, actorName: e.actorName, detail: e.reason })
    }
  }
  for (const r of registrationHistoryOfBroker(db, broker.code)) {
    const about = { ...none, ubn: r.ubn, firmName: firmName(r.ubn), serialHex: r.serialHex }
    events.push({ ...about, at: r.registeredAt, type: 'registration-added' })
    if (r.status === 'deleted' && r.deletedAt) events.push({ ...about, at: r.deletedAt, type: 'registration-removed', actorName: r.deletedBy, detail: r.deletedReason })
  }
  const ordered = events.map((e, i) => ({ e, i, key: sortKey(e.at) })).sort((x, y) => (x.key < y.key ? 1 : x.key > y.key ? -1 : y.i - x.i))
  return { brokerCode: broker.code, brokerName: broker.name, qualificationStatus: broker.qualificationStatus, events: ordered.map((x) => x.e) }
}
