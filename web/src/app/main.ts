import { VueQueryPlugin } from '@tanstack/vue-query'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import { usePortalSessionStore } from '@web/stores/portal-session'
import { useSessionStore } from '@web/stores/session'
import { useUiStore } from '@web/stores/ui'
import { configureApi, type ApiError } from './api'
import App from './App.vue'
import { LOGIN_PATH, PASSWORD_PATH, PORTAL_LOGIN_PATH, PORTAL_PASSWORD_PATH } from './guard'
import { i18n, loadLanguage, storedLanguage } from './i18n'
import { notifyWarning } from './notify'
import { queryClient } from './query'
import { router } from './router'
import './styles.css'

const app = createApp(App)
const pinia = createPinia()
app.use(pinia)
app.use(i18n)

const ui = useUiStore()
const session = useSessionStore()
const portalSession = usePortalSessionStore()
const isPortalPath = (path: string) => path.startsWith('/api/portal/')

/** A portal call whose session ended or whose password must change first: back to the portal's own screens. */
function onPortalApiError(error: ApiError) {
  const current = router.currentRoute.value
  if (error.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
    portalSession.clear()
    queryClient.clear()
    if (error.code === 'SESSION_EXPIRED') notifyWarning(error.message)
    if (current.path !== PORTAL_LOGIN_PATH) void router.push({ path: PORTAL_LOGIN_PATH, query: { redirect: current.fullPath } })
  } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED' && current.path !== PORTAL_PASSWORD_PATH) {
    void router.push(PORTAL_PASSWORD_PATH)
  }
}

/** The session ended or the password must change first: every request reaches the same screens. */
function onApiError(error: ApiError, path: string) {
  if (isPortalPath(path)) return onPortalApiError(error)
  const current = router.currentRoute.value
  if (error.status === 401 && (error.code === 'UNAUTHENTICATED' || error.code === 'SESSION_EXPIRED')) {
    session.clear()
    queryClient.clear()
    if (error.code === 'SESSION_EXPIRED') notifyWarning(error.message)
    if (current.path !== LOGIN_PATH) void router.push({ path: LOGIN_PATH, query: { redirect: current.fullPath } })
  } else if (error.status === 403 && error.code === 'PASSWORD_CHANGE_REQUIRED') {
    session.requirePasswordChange()
    if (current.path !== PASSWORD_PATH) void router.push(PASSWORD_PATH)
  }
}

// After a deploy, an open tab may ask for chunks that no longer exist: reload once to get the new build.
window.addEventListener('vite:preloadError', (event) => {
  const key = 'certdesk.reloadedFor'
  if (sessionStorage.getItem(key) === location.pathname) return
  sessionStorage.setItem(key, location.pathname)
  event.preventDefault()
  location.reload()
})
router.afterEach(() => sessionStorage.removeItem('certdesk.reloadedFor'))

configureApi({ language: () => ui.language, csrfToken: (path) => (isPortalPath(path) ? portalSession.csrfToken : session.csrfToken), onError: onApiError })

app.use(router)
app.use(VueQueryPlugin, { queryClient })
// English is a chunk of its own: fetched before the first screen for someone who chose it
void loadLanguage(storedLanguage()).then(() => app.mount('#app'))
