import type { Shape } from '@web/app/i18n/shape'
import type zhTW from './messages.zh-TW'

export default {
  title: 'registrations',
} satisfies Shape<typeof zhTW>
