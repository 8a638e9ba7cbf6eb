import type { RouteRecordRaw } from 'vue-router'
import { LOGIN_PATH } from '@web/app/guard'

export const loginRoute: RouteRecordRaw = {
  path: LOGIN_PATH,
  name: 'login',
  component: () => import('./AuthLoginPage.vue'),
  meta: { guestOnly: true, title: 'auth.loginTitle' },
}

/** Children of /console. */
export const authConsoleRoutes: RouteRecordRaw[] = [
  { path: 'password', name: 'password', component: () => import('./AuthPasswordPage.vue'), meta: { title: 'nav.password' } },
]
