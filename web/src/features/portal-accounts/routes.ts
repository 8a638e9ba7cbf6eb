import type { RouteRecordRaw } from 'vue-router'

/** Children of /portal: account registration with a card (seed 001's five steps). */
export const portalAccountsRoutes: RouteRecordRaw[] = []
