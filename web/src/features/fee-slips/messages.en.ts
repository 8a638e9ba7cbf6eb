import type zhTW from './messages.zh-TW'
import type { Shape } from '@web/app/i18n/shape'

export default {
  title: 'Fee slip',
  downloadPdf: 'Download PDF',
  print: 'Print',
  printLink: 'Print the fee slip',
  backToApplication: 'Back to the application',
  cutHere: 'Cut along the dashed line',
  status: { paid: 'This slip has been paid', void: 'This slip is void and can no longer be paid', unpaid: 'Awaiting payment' },
} satisfies Shape<typeof zhTW>
