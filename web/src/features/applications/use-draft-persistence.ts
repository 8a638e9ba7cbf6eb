import type { Application } from '@core/contracts/applications'
import { useQueryClient } from '@tanstack/vue-query'
import { computed, ref, shallowRef } from 'vue'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@web/app/api'
import { notifyError, notifyWarning } from '@web/app/notify'
import { draftBody, type Dc02Form } from './dc02-form'
import { applicationDetailQuery, applicationKeys, createDraft, submitApplication, updateDraft, uploadAttachment } from './queries'

interface FormState {
  form: Dc02Form
  load: (app: Application | null) => void
  markSaved: (snapshot?: string) => void
  showServerErrors: (error: unknown) => boolean
}

/**
 * Saving a paper draft: POST the first time, PATCH with the version after; files picked before the
 * first save wait and go up right after it. Submitting saves first, then asks the server to receive it.
 */
export function useDraftPersistence(state: FormState, onFieldErrors: () => void) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const app = shallowRef<Application | null>(null)
  const pending = ref<File[]>([])
  const busy = ref<'save' | 'submit' | 'upload' | null>(null)

  function adopt(next: Application) {
    app.value = next
    queryClient.setQueryData(applicationKeys.detail(next.id), next)
  }

  async function refresh(id: number): Promise<Application> {
    const fresh = await queryClient.fetchQuery({ ...applicationDetailQuery(id), staleTime: 0 })
    adopt(fresh)
    return fresh
  }

  async function handleError(error: unknown) {
    if (isApiError(error, 'VERSION_CONFLICT') && app.value) {
      // someone else saved this draft: show theirs, so the clerk re-keys knowingly
      notifyWarning(t('applications.conflictReloaded'))
      state.load(await refresh(app.value.id))
      return
    }
    notifyError(error)
    if (state.showServerErrors(error)) onFieldErrors()
  }

  /** Uploads the waiting files one by one; a refused one stays listed with the server's reason shown. */
  async function uploadPending(id: number): Promise<void> {
    if (!pending.value.length) return
    const previous = busy.value
    busy.value = 'upload'
    let uploaded = 0
    for (const file of [...pending.value]) {
      try {
        await uploadAttachment(id, file)
        pending.value = pending.value.filter((f) => f !== file)
        uploaded++
      } catch (error) {
        notifyError(error)
      }
    }
    busy.value = previous
    if (uploaded) await refresh(id)
  }

  async function persist(): Promise<Application | null> {
    const body = draftBody(state.form)
    const snapshot = JSON.stringify(state.form)
    try {
      const current = app.value
      const saved = current ? await updateDraft(current.id, { ...body, version: current.version }) : await createDraft(body)
      adopt(saved)
      state.markSaved(snapshot)
      await uploadPending(saved.id)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.lists })
      return app.value
    } catch (error) {
      await handleError(error)
      return null
    }
  }

  async function save(): Promise<Application | null> {
    busy.value = 'save'
    try {
      return await persist()
    } finally {
      busy.value = null
    }
  }

  /** Saves, then submits; returns the received application, or null (the draft may still have been saved). */
  async function submit(): Promise<Application | null> {
    busy.value = 'submit'
    try {
      const saved = await persist()
      if (!saved) return null
      try {
        const received = await submitApplication(saved.id, saved.version)
        adopt(received)
        void queryClient.invalidateQueries({ queryKey: applicationKeys.all })
        return received
      } catch (error) {
        await handleError(error)
        return null
      }
    } finally {
      busy.value = null
    }
  }

  async function addFile(file: File) {
    pending.value = [...pending.value, file]
    if (app.value) await uploadPending(app.value.id)
  }

  const removeFile = (file: File) => (pending.value = pending.value.filter((f) => f !== file))
  const duplicates = computed(() => app.value?.checks.find((c) => c.id === 'noOpenDuplicate' && c.result === 'fail') ?? null)

  return { app, adopt, pending, busy, save, submit, addFile, removeFile, duplicates }
}
