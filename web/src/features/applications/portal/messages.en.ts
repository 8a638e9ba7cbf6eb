import type { Shape } from '@web/app/i18n/shape'
import type zhTW from './messages.zh-TW'

export default {
  title: 'portalApplications',
} satisfies Shape<typeof zhTW>
