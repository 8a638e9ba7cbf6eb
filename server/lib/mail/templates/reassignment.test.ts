import { describe, expect, it } from 'vitest'
import { renderMail } from '.'

describe('the resignation notice to the firm', () => {
  const data = { ubn: '52111891', companyName: '基隆港通報關股份有限公司', brokerCode: 'A00001', brokerName: '王建民', endDate: '2026-11-19', deletedSerials: ['0a1b2c'] }

  it('has a subject in the portal style naming the broker, and the ROC end date', () => {
    const mail = renderMail('broker-resignation', data)
    expect(mail.subject).toBe('[關港貿單一窗口]專責報關人員離職異動通知，專責報關人員代碼:A00001')
    expect(mail.text).toMatch(/^基隆港通報關股份有限公司 您好：/)
    expect(mail.text).toContain('專責報關人員：王建民（A00001）')
    expect(mail.text).toContain('委任終止日期：民國 115/11/19')
    expect(mail.text).toContain('憑證序號 0A1B2C')
    expect(mail.text).toContain('2026-11-19')
  })

  it('says so when the broker had no registration for the firm', () => {
    const { text } = renderMail('broker-resignation', { ...data, deletedSerials: [], companyName: null })
    expect(text).toContain('未為貴公司註冊通關憑證')
    expect(text).not.toMatch(/undefined|null|憑證序號/)
  })
})
