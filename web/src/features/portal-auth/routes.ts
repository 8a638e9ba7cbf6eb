import type { RouteLocationNormalized, RouteRecordRaw } from 'vue-router'
import { usePortalSessionStore } from '@web/stores/portal-session'
import { afterSignIn } from './sign-in'

/** The sign-in page is for guests: a signed-in account goes on to where it was heading. */
async function guestOnly(to: RouteLocationNormalized) {
  const session = usePortalSessionStore()
  try {
    await session.ensureLoaded()
  } catch {
    // the server cannot say who is signed in: show the sign-in page, which reports its own errors
    return true
  }
  return session.user ? afterSignIn(session.user, to.query.redirect) : true
}

/** Children of /portal: sign-in by card or password, and the password change. */
export const portalAuthRoutes: RouteRecordRaw[] = [
  { path: 'login', name: 'portal-login', component: () => import('./PortalAuthLoginPage.vue'), beforeEnter: guestOnly, meta: { title: 'portalAuth.loginTitle' } },
  { path: 'password', name: 'portal-password', component: () => import('./PortalAuthPasswordPage.vue'), meta: { portal: 'signed-in', title: 'portalAuth.change.title' } },
]
