import type { RecordCheck } from '../../../core/contracts/applications'
import { runRecordChecks, type RecordSnapshot } from '../../../core/workflow/record-checks'
import type { Db } from '../../../db/client'
import { findCertificate } from '../certificates/certificates.service'
import { getSetting } from '../../lib/settings'
import { findActiveAppointment, findBrokerRecord, findFirmRecord } from '../broker-records/broker-records.service'
import { findApplication, openDuplicates, type ApplicationRow } from './applications.repo'

function originalOf(db: Db, applicationId: number | null) {
  const original = applicationId ? findApplication(db, applicationId) : null
  return original && { officeCode: original.officeCode, businessType: original.businessType, boxNo: original.boxNo }
}

/** What the records say about the application now: read again whenever the checks run. */
export function recordSnapshot(db: Db, app: ApplicationRow, now: Date): RecordSnapshot {
  const firm = app.ubn ? findFirmRecord(db, app.ubn) : null
  const broker = app.kind === 'personal' && app.brokerCode ? findBrokerRecord(db, app.brokerCode) : null
  const target = app.targetSerial ? findCertificate(db, app.targetSerial) : null
  return {
    firm: firm && { name: firm.name, officeCode: firm.officeCode, boxNo: firm.boxNo, licences: firm.licences.map((l) => ({ businessType: l.businessType, status: l.status })) },
    broker: broker && { nationalId: broker.nationalId, name: broker.name, qualificationStatus: broker.qualificationStatus },
    brokerAppointedToFirm: !!(broker && findActiveAppointment(db, broker.code, app.ubn)),
    openDuplicates: openDuplicates(db, app),
    target: target && {
      status: target.status,
      ubn: target.ubn,
      kind: target.kind,
      brokerCode: target.brokerCode,
      notAfter: target.notAfter,
      fixed: originalOf(db, target.applicationId),
    },
    renewGraceDays: getSetting(db, 'renewal.graceDays'),
    now,
  }
}

export function checksFor(db: Db, app: ApplicationRow, now: Date): RecordCheck[] {
  return runRecordChecks(
    { ...app, service: app.service, brokerCode: app.brokerCode, brokerNationalId: app.brokerNationalId, targetSerial: app.targetSerial },
    recordSnapshot(db, app, now),
  )
}
