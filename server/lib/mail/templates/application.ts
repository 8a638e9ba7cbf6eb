import type { applications } from '../../../../db/schema'
import { field, formatAmount, gregorianDate, letter, oneLine, portalLine, rocDate, SUBJECT_TAG, type DateInput, type RenderedMail } from './letter'

/**
 * The mails of an application's status changes (DOMAIN.md §6). Subjects are the portal's own, character for
 * character (note the ASCII comma in A0's, as in the seed); each ends with the application number.
 */
export const applicationSubjects = {
  /** status 10 */
  feeDue: `${SUBJECT_TAG}通關專屬憑證申請繳費通知，申請序號:`,
  /** status 20 */
  paid: `${SUBJECT_TAG}通關專屬憑證完成繳費，請產製金鑰，申請序號:`,
  /** status A0 */
  completed: `${SUBJECT_TAG}通關專屬憑證申請完成,可至平台下載憑證，申請序號:`,
  /** status A9 */
  cancelled: `${SUBJECT_TAG}通關專屬憑證申請逾期未繳費取消申請通知，申請序號:`,
  /** status R0 (ours, in the same style) */
  rejected: `${SUBJECT_TAG}通關專屬憑證申請退件通知，申請序號:`,
} as const

export type ApplicationService = (typeof applications.$inferSelect)['service']

/** What every application mail needs: the number, and optionally the firm's name and the portal's address. */
export interface ApplicationMailData {
  applicationNo: string
  companyName?: string | null
  portalUrl?: string | null
}

export interface FeeDueMailData extends ApplicationMailData {
  feeSlipNo: string
  /** NT$ */
  amount: number
  dueDate: DateInput
}

export interface PaidMailData extends ApplicationMailData {
  paidAt?: DateInput | null
}

export interface CompletedMailData extends ApplicationMailData {
  service?: ApplicationService | null
  certificateName?: string | null
}

export interface CancelledMailData extends ApplicationMailData {
  feeSlipNo?: string | null
  dueDate?: DateInput | null
}

export interface RejectedMailData extends ApplicationMailData {
  reason: string
}

const serviceNames: Record<ApplicationService, string> = { new: '新申請', modify: '修改', renew: '展期', revoke: '註銷', suspend: '暫禁', unsuspend: '解禁' }

const subjectOf = (prefix: string, d: ApplicationMailData) => `${prefix}${oneLine(d.applicationNo)}`

export function feeDueMail(d: FeeDueMailData): RenderedMail {
  const no = oneLine(d.applicationNo)
  return {
    subject: subjectOf(applicationSubjects.feeDue, d),
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司申請之通關專屬憑證（申請序號：${no}）業經審核受理，並已開立規費繳款單，請於繳費期限前完成繳納：`,
        '',
        field('繳款單號碼', d.feeSlipNo),
        field('應繳金額', `新臺幣 ${formatAmount(d.amount)} 元`),
        field('繳費期限', `民國 ${rocDate(d.dueDate)}`),
        '',
        `完成繳費後，本中心將另以電子郵件通知；屆時${portalLine(d.portalUrl, '至「通關專屬憑證申請」產製金鑰並下載憑證。')}`,
        '※逾期未繳納者，繳款單即作廢，本申請將自動取消。',
      ],
      english: [
        `Your application ${no} for a customs-dedicated certificate has been accepted.`,
        `Please pay NT$${formatAmount(d.amount)} (fee slip ${oneLine(d.feeSlipNo)}) by ${gregorianDate(d.dueDate)}; unpaid applications are cancelled after that date.`,
      ],
    }),
  }
}

export function paidMail(d: PaidMailData): RenderedMail {
  const no = oneLine(d.applicationNo)
  return {
    subject: subjectOf(applicationSubjects.paid, d),
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司通關專屬憑證申請（申請序號：${no}）之規費${d.paidAt ? `已於民國 ${rocDate(d.paidAt)} ` : '已'}繳納完成。`,
        '',
        portalLine(d.portalUrl, '至「通關專屬憑證申請」查詢狀態為「20 完成繳費，待業者金鑰產製」之申請，點選「產製」產製金鑰及憑證。'),
        '※金鑰產製與憑證下載須於同一台電腦一次完成，否則私鑰將無法取回，須重新申請。',
      ],
      english: [
        `The fee for application ${no} has been received.`,
        'Please sign in to the Single Window with your business certificate to generate the key and download the certificate, on the same computer in one session.',
      ],
    }),
  }
}

const carriedOut = new Set<ApplicationService>(['modify', 'revoke', 'suspend', 'unsuspend'])

export function completedMail(d: CompletedMailData): RenderedMail {
  const no = oneLine(d.applicationNo)
  const service = d.service ? serviceNames[d.service] : null
  const download = !d.service || !carriedOut.has(d.service)
  return {
    subject: subjectOf(applicationSubjects.completed, d),
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司通關專屬憑證${service ? `「${service}」` : ''}申請（申請序號：${no}）已辦理完成。`,
        field('憑證名稱', d.certificateName),
        '',
        download
          ? portalLine(d.portalUrl, '下載憑證檔（.cer），並至「通關憑證註冊」完成註冊後，即可使用於通關訊息簽章。')
          : '本案已依申請內容辦理完成，如需查詢憑證狀態，請登入關港貿單一窗口。',
      ],
      english: [
        download
          ? `Application ${no} is complete: the certificate can be downloaded from the Single Window; register the .cer file before you sign messages with it.`
          : `Application ${no} has been carried out.`,
      ],
    }),
  }
}

export function cancelledMail(d: CancelledMailData): RenderedMail {
  const no = oneLine(d.applicationNo)
  return {
    subject: subjectOf(applicationSubjects.cancelled, d),
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司通關專屬憑證申請（申請序號：${no}）因逾繳費期限未繳納規費，依規定取消申請。`,
        field('繳款單號碼', d.feeSlipNo ? `${oneLine(d.feeSlipNo)}（已作廢，請勿再行繳納）` : null),
        field('繳費期限', d.dueDate ? `民國 ${rocDate(d.dueDate)}` : null),
        '',
        '如仍需使用通關專屬憑證，請重新提出申請。',
      ],
      english: [`Application ${no} has been cancelled because the fee was not paid in time. The fee slip is void; please apply again if you still need the certificate.`],
    }),
  }
}

export function rejectedMail(d: RejectedMailData): RenderedMail {
  const no = oneLine(d.applicationNo)
  return {
    subject: subjectOf(applicationSubjects.rejected, d),
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司通關專屬憑證申請（申請序號：${no}）經審核未予受理，予以退件。`,
        field('退件原因', d.reason || '（未註明）'),
        '',
        '請依上述原因修正資料後重新提出申請；如有疑問，請洽受理之關別。',
      ],
      english: [`Application ${no} has been rejected. Please correct the data as stated above and apply again.`],
    }),
  }
}
