import type { RouteRecordRaw } from 'vue-router'

/** Children of /portal: signing-certificate registration (通關憑證註冊) and the query table (通關憑證查詢). */
export const registrationsRoutes: RouteRecordRaw[] = []
