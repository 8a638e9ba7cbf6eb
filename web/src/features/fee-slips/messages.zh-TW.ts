/** The feeSlips screens' texts in Traditional Chinese; messages.en.ts must have the same shape. */
export default {
  title: '規費繳款單',
  downloadPdf: '下載 PDF',
  print: '列印',
  printLink: '列印繳款單',
  backToApplication: '返回案件',
  cutHere: '請沿虛線剪開',
  status: { paid: '此繳款單已繳費', void: '此繳款單已作廢，不能再繳費', unpaid: '待繳費' },
}
