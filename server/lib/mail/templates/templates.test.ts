import { describe, expect, it } from 'vitest'
import { mailTemplateNames } from '../../../../core/contracts/mail'
import { mailTemplates, redactSecrets, renderMail } from '.'

const no = 'AA1150000123'

describe('application mails (DOMAIN.md §6)', () => {
  // the subjects are written out here by hand, from the seed, not taken from the constants under test
  it.each([
    ['application-fee-due', { applicationNo: no, feeSlipNo: 'AAF71150000151', amount: 2000, dueDate: '2026-12-06' }, `[關港貿單一窗口]通關專屬憑證申請繳費通知，申請序號:${no}`],
    ['application-paid', { applicationNo: no }, `[關港貿單一窗口]通關專屬憑證完成繳費，請產製金鑰，申請序號:${no}`],
    ['application-completed', { applicationNo: no }, `[關港貿單一窗口]通關專屬憑證申請完成,可至平台下載憑證，申請序號:${no}`],
    ['application-cancelled', { applicationNo: no }, `[關港貿單一窗口]通關專屬憑證申請逾期未繳費取消申請通知，申請序號:${no}`],
    ['application-rejected', { applicationNo: no, reason: '統一編號與報關業資料不符' }, `[關港貿單一窗口]通關專屬憑證申請退件通知，申請序號:${no}`],
  ] as const)('%s has the portal subject', (template, data, subject) => {
    const mail = renderMail(template, data as never)
    expect(mail.subject).toBe(subject)
    expect(mail.text).toContain(`申請序號：${no}`)
  })

  it('keeps the ASCII comma of the A0 subject and full-width ones elsewhere', () => {
    expect(renderMail('application-completed', { applicationNo: no }).subject).toContain('申請完成,可至平台')
    expect(renderMail('application-paid', { applicationNo: no }).subject).toContain('完成繳費，請產製金鑰')
  })

  it('puts the slip number, the amount in NT$ and the ROC due date in the fee notice', () => {
    const { text } = renderMail('application-fee-due', { applicationNo: no, companyName: '大同報關股份有限公司', feeSlipNo: 'AAF71150000151', amount: 2000, dueDate: '2026-12-06' })
    expect(text).toMatch(/^大同報關股份有限公司 您好：/)
    expect(text).toContain('繳款單號碼：AAF71150000151')
    expect(text).toContain('新臺幣 2,000 元')
    expect(text).toContain('民國 115/12/06')
    expect(text).toContain('NT$2,000')
    expect(text).toContain('2026-12-06')
    expect(text).not.toMatch(/undefined|null|NaN/)
  })

  it('reads a due date given as an instant in Taipei time', () => {
    // 2026-12-05T16:30Z is already 12/06 00:30 in Taipei
    expect(renderMail('application-fee-due', { applicationNo: no, feeSlipNo: 'S', amount: 2000, dueDate: new Date('2026-12-05T16:30:00Z') }).text).toContain('民國 115/12/06')
  })

  it('gives the rejection reason, and downloads only for services that issue a certificate', () => {
    expect(renderMail('application-rejected', { applicationNo: no, reason: '統一編號與報關業資料不符' }).text).toContain('退件原因：統一編號與報關業資料不符')
    expect(renderMail('application-completed', { applicationNo: no, service: 'new' }).text).toContain('下載憑證檔')
    expect(renderMail('application-completed', { applicationNo: no, service: 'revoke' }).text).not.toContain('下載')
  })

  it('drops the lines of missing optional fields instead of printing them', () => {
    for (const template of ['application-paid', 'application-completed', 'application-cancelled'] as const) {
      const { text } = renderMail(template, { applicationNo: no })
      expect(text).not.toMatch(/undefined|null|NaN|^\u3000[^：]+：\s*$/m)
      expect(text).toMatch(/^您好：/)
    }
  })

  it('never lets a value start a new header or line', () => {
    const mail = renderMail('application-paid', { applicationNo: 'X1\r\nBcc: victim@example.com', companyName: 'A\nB' })
    expect(mail.subject).not.toMatch(/[\r\n]/)
    expect(mail.subject.endsWith('X1 Bcc: victim@example.com')).toBe(true)
    expect(mail.text.split('\n')[0]).toBe('A B 您好：')
  })
})

describe('our other notices', () => {
  it('lists expiring certificates, soonest first, with ROC dates', () => {
    const mail = renderMail('certificate-expiry', {
      ubn: '12345675',
      companyName: '大同報關股份有限公司',
      certificates: [
        { name: 'SingleWindow-01-B00052', notAfter: '2026-12-20' },
        { name: 'SingleWindow-01-B00051', serialNumber: '0A1B', notAfter: new Date('2026-12-15T15:59:59Z') },
      ],
    })
    expect(mail.subject).toBe('[關港貿單一窗口]通關專屬憑證即將到期，請辦理展期通知，統一編號:12345675')
    expect(mail.text).toContain('1. SingleWindow-01-B00051（序號 0A1B），有效期限至民國 115/12/15')
    expect(mail.text).toContain('2. SingleWindow-01-B00052，有效期限至民國 115/12/20')
  })

  it('sends the reset link and the binding code, which admin views mask', () => {
    const reset = renderMail('password-reset', { account: 'chen@example.com', resetUrl: 'https://sw.example/reset?token=s3cr3t', expiresAt: new Date('2026-11-20T02:30:00Z') })
    expect(reset.subject).toBe('[關港貿單一窗口]帳號密碼重設通知，帳號:chen@example.com')
    expect(reset.text).toContain('https://sw.example/reset?token=s3cr3t')
    expect(reset.text).toContain('民國 115/11/20 10:30')
    expect(redactSecrets('password-reset', reset.text)).not.toContain('s3cr3t')

    const binding = renderMail('binding-code', { ubn: '12345675', code: 'K7Q2-9XZ1' })
    expect(binding.subject).toBe('[關港貿單一窗口]憑證綁定驗證碼通知，統一編號:12345675')
    expect(binding.text).toContain('驗證碼：K7Q2-9XZ1')
    const masked = redactSecrets('binding-code', binding.text)
    expect(masked).not.toContain('K7Q2-9XZ1')
    expect(masked).toContain('驗證碼：＊＊＊')
    // a sent mail keeps the masked body, which the admin view masks again: that must change nothing
    expect(redactSecrets('binding-code', masked)).toBe(masked)
    expect(redactSecrets('password-reset', redactSecrets('password-reset', reset.text))).toBe(redactSecrets('password-reset', reset.text))
    expect(redactSecrets('application-paid', reset.text)).toBe(reset.text)
  })

  it('has a template for every name of the contract', () => {
    expect(Object.keys(mailTemplates).sort()).toEqual([...mailTemplateNames].sort())
  })
})
