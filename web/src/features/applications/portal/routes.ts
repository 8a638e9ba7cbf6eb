import type { RouteRecordRaw } from 'vue-router'

/** Children of /portal: a company's online DC02 applications, fee slips, and key generation at status 20. */
export const applicationsPortalRoutes: RouteRecordRaw[] = []
