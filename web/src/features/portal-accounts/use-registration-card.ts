import type { CardCheckResponse, PortalCategory } from '@core/contracts/portal'
import type { Card } from '@core/pki'
import { useMutation } from '@tanstack/vue-query'
import { onBeforeUnmount, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { isApiError } from '@web/app/api'
import { PORTAL_HOME_PATH } from '@web/app/guard'
import { answerChallenge } from '@web/features/portal/card-reader'
import { checkCard } from './queries'

/** How long the "already registered" message stays before the seed's "系統將為您導回首頁" happens. */
export const HOME_DELAY_MS = 5000

/**
 * Step 2's card: loaded in the browser, then checked by the server (chain, revocation, kind, not yet
 * registered). An already registered card is sent home, as seed 001 says, after time to read why.
 */
export function useRegistrationCard(category: () => PortalCategory) {
  const { t } = useI18n()
  const router = useRouter()
  const card = shallowRef<Card | null>(null)
  const checked = ref<CardCheckResponse | null>(null)
  const problem = ref<string | null>(null)
  const alreadyRegistered = ref(false)
  let homeTimer: ReturnType<typeof setTimeout> | undefined

  function goHomeSoon() {
    alreadyRegistered.value = true
    clearTimeout(homeTimer)
    homeTimer = setTimeout(() => void router.push(PORTAL_HOME_PATH), HOME_DELAY_MS)
  }
  onBeforeUnmount(() => clearTimeout(homeTimer))

  const check = useMutation({
    mutationFn: async (loaded: Card) => {
      const answer = await answerChallenge(loaded)
      return { loaded, result: await checkCard({ category: category(), ...answer }) }
    },
    onSuccess: ({ loaded, result }) => {
      card.value = loaded
      checked.value = result
    },
    onError: (error) => {
      if (isApiError(error, 'ALREADY_REGISTERED')) return goHomeSoon()
      problem.value = isApiError(error) ? error.message : t('common.loadFailed')
    },
  })

  function onLoaded(loaded: Card) {
    reset()
    card.value = loaded
    check.mutate(loaded)
  }

  /** Another card, or another category: what was checked no longer holds. */
  function reset() {
    card.value = null
    checked.value = null
    problem.value = null
  }

  /** Checks the loaded card again, e.g. after its challenge expired (CHALLENGE_USED). */
  function retry() {
    if (!card.value) return
    problem.value = null
    check.mutate(card.value)
  }

  return { card, checked, problem, alreadyRegistered, checking: check.isPending, onLoaded, reset, retry, goHomeSoon }
}
