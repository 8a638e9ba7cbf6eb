import type { RouteRoles } from './guard'
import type { MessageKey } from './message-key'
import type { PortalAccessMeta } from './portal-guard'

declare module 'vue-router' {
  interface RouteMeta {
    /** who may open it (inherited by child routes); absent means public */
    roles?: RouteRoles
    /** the sign-in page: signed-in users are sent on */
    guestOnly?: boolean
    /** a portal page for signed-in portal accounts ('signed-in') or companies only ('company'); absent means public */
    portal?: PortalAccessMeta
    /** page title and breadcrumb text */
    title?: MessageKey
  }
}

export {}
