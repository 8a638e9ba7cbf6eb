import type { IssuedCertificateResponse } from '@core/contracts/applications'
import { buildCsr, buildPfx, generateSigningKeyPair, isPkiError, type Card } from '@core/pki'
import { computed, onBeforeUnmount, onMounted, ref, shallowRef } from 'vue'
import { onBeforeRouteLeave } from 'vue-router'
import { isApiError } from '@web/app/api'
import { useUiStore } from '@web/stores/ui'
import { certificateFileNames, certificateName, fromBase64, signedCertificateRequest } from './key-generation'
import { requestCertificate } from './queries'

export type KeyGenerationPhase = 'ready' | 'generating' | 'requesting' | 'issued'

/**
 * 產製憑證 in the browser (DOMAIN.md §5): the key pair is made here and never leaves the page, the company
 * card signs the request, the certificate comes back, and the .pfx is written from the key in memory.
 * Until the .pfx has been downloaded the key exists nowhere else, so leaving the page is guarded both ways:
 * the browser's own prompt (closing, reloading) and a confirmation before an in-app navigation.
 */
export function useKeyGeneration(opts: { applicationId: () => number; applicationNo: () => string; confirmLeave: () => Promise<boolean> }) {
  const ui = useUiStore()
  const phase = ref<KeyGenerationPhase>('ready')
  const error = ref<string | null>(null)
  const keyPair = shallowRef<CryptoKeyPair | null>(null)
  const issued = shallowRef<IssuedCertificateResponse | null>(null)
  const pfxDownloaded = ref(false)
  const holdsUnsavedKey = computed(() => keyPair.value !== null && !pfxDownloaded.value)
  const urls: string[] = []

  async function generate(card: Card): Promise<void> {
    error.value = null
    phase.value = 'generating'
    try {
      // extractable: the .pfx must hold the private key; nothing else ever exports it
      const pair = await generateSigningKeyPair({ extractable: true })
      const csrDer = await buildCsr({ keyPair: pair })
      phase.value = 'requesting'
      const body = await signedCertificateRequest(card, opts.applicationNo(), csrDer, new Date().toISOString())
      const response = await requestCertificate(opts.applicationId(), body)
      keyPair.value = pair
      issued.value = response
      phase.value = 'issued'
    } catch (cause) {
      phase.value = 'ready'
      error.value = isApiError(cause) ? cause.message : isPkiError(cause) ? cause.text[ui.language] : String(cause)
    }
  }

  function objectUrl(bytes: Uint8Array, type: string): string {
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }))
    urls.push(url)
    return url
  }

  const names = computed(() => certificateFileNames(issued.value?.fileName ?? ''))
  const cerUrl = computed(() => (issued.value ? objectUrl(fromBase64(issued.value.certificate), 'application/pkix-cert') : null))

  /** Writes the .pfx (key and certificate) under the password; the caller has checked the password rule. */
  async function pfxUrl(password: string): Promise<string> {
    if (!keyPair.value || !issued.value) throw new Error('no key to back up')
    const pfx = await buildPfx({ password, privateKey: keyPair.value.privateKey, certificate: fromBase64(issued.value.certificate), friendlyName: certificateName(issued.value.subject) })
    return objectUrl(pfx, 'application/x-pkcs12')
  }

  function markPfxDownloaded() {
    pfxDownloaded.value = true
  }

  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!holdsUnsavedKey.value) return
    event.preventDefault()
    event.returnValue = '' // older Chromium asks only when returnValue is set
  }
  onMounted(() => window.addEventListener('beforeunload', onBeforeUnload))
  onBeforeUnmount(() => {
    window.removeEventListener('beforeunload', onBeforeUnload)
    urls.forEach((url) => URL.revokeObjectURL(url))
  })
  onBeforeRouteLeave(() => (holdsUnsavedKey.value ? opts.confirmLeave() : true))

  return { phase, error, issued, names, cerUrl, pfxDownloaded, holdsUnsavedKey, generate, pfxUrl, markPfxDownloaded }
}
