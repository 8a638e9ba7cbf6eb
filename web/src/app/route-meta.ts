import type { RouteRoles } from './guard'
import type { MessageKey } from './message-key'

declare module 'vue-router' {
  interface RouteMeta {
    /** who may open it (inherited by child routes); absent means public */
    roles?: RouteRoles
    /** the sign-in page: signed-in users are sent on */
    guestOnly?: boolean
    /** page title and breadcrumb text */
    title?: MessageKey
  }
}

export {}
