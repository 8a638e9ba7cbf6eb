import type { RouteRecordRaw } from 'vue-router'

/** Children of /portal: sign-in by card or password, and the password change. */
export const portalAuthRoutes: RouteRecordRaw[] = []
