import type { CheckResult, RecordCheck, Service } from '../contracts/applications'
import type { LocalizedText } from '../i18n'
import { isValidUbn } from '../tw'

/** What the customs records say about an application's firm, broker and target certificate. */
export interface RecordSnapshot {
  firm: { name: string; officeCode: string; boxNo: string | null; licences: { businessType: string; status: string }[] } | null
  broker: { nationalId: string; name: string; qualificationStatus: string } | null
  brokerAppointedToFirm: boolean
  /** application numbers of other open applications for the same firm, kind and broker */
  openDuplicates: string[]
  target: {
    status: 'valid' | 'suspended' | 'revoked'
    ubn: string
    kind: string
    brokerCode: string | null
    notAfter: string
    /** what the certificate's own application fixed: a modify may change company and contact data only */
    fixed?: { officeCode: string; businessType: string; boxNo: string } | null
  } | null
  renewGraceDays: number
  now: Date
}

export interface CheckedApplication {
  ubn: string
  companyName: string
  officeCode: string
  businessType: string
  kind: string
  boxNo: string
  service: Service
  brokerCode: string | null
  brokerNationalId: string | null
  targetSerial: string | null
}

const L = (zh: string, en: string): LocalizedText => ({ 'zh-TW': zh, en })
const check = (id: string, label: LocalizedText, applicationValue: string | null, recordValue: string | null, result: CheckResult, reason?: LocalizedText): RecordCheck =>
  reason ? { id, label, applicationValue, recordValue, result, reason } : { id, label, applicationValue, recordValue, result }

/** Which certificate states each service may act on (DOMAIN.md §3). */
function targetAllows(service: Service, t: NonNullable<RecordSnapshot['target']>, graceDays: number, now: Date): boolean {
  const expired = Date.parse(t.notAfter) < now.getTime()
  switch (service) {
    case 'suspend':
      return t.status === 'valid' && !expired
    case 'unsuspend':
      return t.status === 'suspended' && !expired
    case 'renew':
      return t.status === 'valid' && Date.parse(t.notAfter) + graceDays * 86_400_000 >= now.getTime()
    case 'revoke':
    case 'modify':
      return t.status !== 'revoked' && !expired
    default:
      return false
  }
}

/**
 * Compares an application with the records, check by check, as the reviewer sees them side by side:
 * application value | record value | pass, warn or fail with the reason. Pure, so it runs again at decision time.
 */
export function runRecordChecks(app: CheckedApplication, r: RecordSnapshot): RecordCheck[] {
  const out: RecordCheck[] = []
  out.push(check('ubnChecksum', L('統一編號檢查碼', 'UBN check digit'), app.ubn, null, isValidUbn(app.ubn) ? 'pass' : 'fail', isValidUbn(app.ubn) ? undefined : L('檢查碼不正確', 'The check digit is wrong')))
  const firm = r.firm
  out.push(firm ? check('firmExists', L('公司登記', 'Firm on record'), app.companyName, firm.name, firm.name === app.companyName ? 'pass' : 'warn', firm.name === app.companyName ? undefined : L('公司名稱與紀錄不同', 'The company name differs from the record'))
    : check('firmExists', L('公司登記', 'Firm on record'), app.companyName, null, 'fail', L('報關業管理系統查無此統一編號', 'No firm with this UBN in the broker records')))
  const licence = firm?.licences.find((l) => l.businessType === app.businessType)
  out.push(check('licenceActive', L('業別登記', 'Licence for the business type'), app.businessType, licence ? `${licence.businessType}: ${licence.status}` : null, licence?.status === 'active' ? 'pass' : 'fail',
    licence?.status === 'active' ? undefined : licence ? L('業別登記非有效狀態', 'The licence is not active') : L('無此業別登記', 'No licence for this business type')))
  if (firm) {
    out.push(check('officeMatches', L('所屬關別', 'Office'), app.officeCode, firm.officeCode, firm.officeCode === app.officeCode ? 'pass' : 'warn', firm.officeCode === app.officeCode ? undefined : L('與公司登記之關別不同', "Differs from the firm's registered office")))
    out.push(check('boxNo', L('箱號', 'Box number'), app.boxNo, firm.boxNo, firm.boxNo === app.boxNo ? 'pass' : 'warn', firm.boxNo === app.boxNo ? undefined : L('與紀錄之箱號不同', 'Differs from the box number on record')))
  }
  if (app.kind === 'personal') out.push(...brokerChecks(app, r))
  out.push(check('noOpenDuplicate', L('重複申請', 'Duplicate application'), null, r.openDuplicates.join(', ') || null, r.openDuplicates.length ? 'fail' : 'pass',
    r.openDuplicates.length ? L('同公司、同種類、同人員已有處理中之申請', 'An open application exists for the same firm, kind and broker') : undefined))
  if (app.service !== 'new') out.push(targetCheck(app, r))
  return out
}

function brokerChecks(app: CheckedApplication, r: RecordSnapshot): RecordCheck[] {
  const b = r.broker
  if (!b) return [check('brokerExists', L('專責報關人員', 'Broker on record'), app.brokerCode, null, 'fail', L('查無此專責報關人員代碼', 'No broker with this code'))]
  return [
    check('brokerExists', L('專責報關人員', 'Broker on record'), app.brokerCode, b.name, 'pass'),
    check('brokerQualified', L('人員資格', 'Qualification'), null, b.qualificationStatus, b.qualificationStatus === 'qualified' ? 'pass' : 'fail', b.qualificationStatus === 'qualified' ? undefined : L('已喪失資格', 'Disqualified')),
    check('brokerIdMatches', L('身分證號', 'National ID'), app.brokerNationalId, b.nationalId, app.brokerNationalId === b.nationalId ? 'pass' : 'fail', app.brokerNationalId === b.nationalId ? undefined : L('與紀錄不符', 'Does not match the record')),
    check('brokerAppointed', L('委任關係', 'Appointment'), app.ubn, r.brokerAppointedToFirm ? app.ubn : null, r.brokerAppointedToFirm ? 'pass' : 'fail', r.brokerAppointedToFirm ? undefined : L('該人員目前未受委任於此公司', 'The broker is not currently appointed to this firm')),
  ]
}

function targetCheck(app: CheckedApplication, r: RecordSnapshot): RecordCheck {
  const label = L('申請標的憑證', 'Target certificate')
  const t = r.target
  if (!t) return check('targetCertificate', label, app.targetSerial, null, 'fail', L('查無此憑證', 'No such certificate'))
  const owned = t.ubn === app.ubn && t.kind === app.kind && (app.kind !== 'personal' || t.brokerCode === app.brokerCode)
  if (!owned) return check('targetCertificate', label, app.targetSerial, `${t.ubn} ${t.kind}`, 'fail', L('憑證不屬於此申請人', 'The certificate does not belong to this applicant'))
  const ok = targetAllows(app.service, t, r.renewGraceDays, r.now)
  if (!ok) return check('targetCertificate', label, app.targetSerial, `${t.status}, ${t.notAfter.slice(0, 10)}`, 'fail', L('憑證狀態不允許此申請類別', 'The certificate state does not allow this service'))
  const f = t.fixed
  if (app.service === 'modify' && f && (f.officeCode !== app.officeCode || f.businessType !== app.businessType || f.boxNo !== app.boxNo)) {
    return check('targetCertificate', label, `${app.officeCode} ${app.businessType} ${app.boxNo}`, `${f.officeCode} ${f.businessType} ${f.boxNo}`, 'fail', L('修改僅能變更公司及連絡人資料', 'A modification may change only company and contact data'))
  }
  return check('targetCertificate', label, app.targetSerial, `${t.status}, ${t.notAfter.slice(0, 10)}`, 'pass')
}
