import type { Shape } from '@web/app/i18n/shape'
import type zhTW from './list-messages.zh-TW'

export default {
  total: '{count} in all',
  moreThan: 'More than {count}',
  partial: 'A text search looks at a stretch of newer entries per page; Next searches further back.',
} satisfies Shape<typeof zhTW>
