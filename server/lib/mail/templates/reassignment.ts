import { field, gregorianDate, INDENT, letter, oneLine, rocDate, SUBJECT_TAG, type DateInput, type RenderedMail } from './letter'

/** Ours, in the style of the portal's subjects: the tag, what happened, and the broker it concerns. */
export const reassignmentSubjects = {
  resignation: `${SUBJECT_TAG}專責報關人員離職異動通知，專責報關人員代碼:`,
} as const

/** The notice to the firm after the office recorded its broker's resignation (seed 003 §參.二). */
export interface ResignationMailData {
  ubn: string
  companyName?: string | null
  brokerCode: string
  brokerName: string
  endDate: DateInput
  /** serials of the firm's signing registrations of the broker's certificate that were deleted */
  deletedSerials: string[]
}

export function resignationMail(d: ResignationMailData): RenderedMail {
  const code = oneLine(d.brokerCode)
  const serials = d.deletedSerials.map((s, i) => `${INDENT}${i + 1}. 憑證序號 ${oneLine(s).toUpperCase()}`)
  return {
    subject: `${reassignmentSubjects.resignation}${code}`,
    text: letter({
      to: d.companyName,
      paragraphs: [
        `貴公司（統一編號：${oneLine(d.ubn)}）申請之專責報關人員離職註銷登記，業經海關審核完成，委任關係已終止：`,
        '',
        field('專責報關人員', `${oneLine(d.brokerName)}（${code}）`),
        field('委任終止日期', `民國 ${rocDate(d.endDate)}`),
        '',
        serials.length ? '該人員為貴公司註冊之下列通關憑證已一併刪除，其後以該憑證簽章之訊息將不再受理：' : '該人員未為貴公司註冊通關憑證。',
        ...serials,
        '',
        '※如需由其他專責報關人員簽章，請以其本人之通關專屬憑證辦理「通關憑證註冊」。',
      ],
      english: [
        `The appointment of broker ${code} to UBN ${oneLine(d.ubn)} ended on ${gregorianDate(d.endDate)}.`,
        serials.length ? `${serials.length} signing registration(s) of the broker's certificate for your firm were deleted; messages signed with it are no longer accepted.` : null,
      ],
    }),
  }
}
