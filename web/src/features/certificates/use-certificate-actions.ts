import type { Certificate } from '@core/contracts/certificates'
import { useMutation, useQueryClient } from '@tanstack/vue-query'
import { useI18n } from 'vue-i18n'
import { isApiError } from '@web/app/api'
import { notifyError, notifySuccess } from '@web/app/notify'
import { certificateKeys, runCertificateAction, type CertificateAction } from './queries'

/**
 * Revoke, hold and release. Each answers with the certificate as it now is (the CRL already re-signed); when the
 * state had moved on (409) the server's message is shown and the page reloads what is true now.
 */
export function useCertificateActions(serial: () => string) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const reload = () => queryClient.invalidateQueries({ queryKey: certificateKeys.all })
  const mutation = useMutation({
    mutationFn: (action: CertificateAction): Promise<Certificate> => runCertificateAction(serial(), action),
    onSuccess: async (certificate, action) => {
      queryClient.setQueryData(certificateKeys.detail(serial()), certificate)
      notifySuccess(t(`certificates.actions.${action.kind}Done`))
      await reload()
    },
    onError: async (error) => {
      notifyError(error)
      if (isApiError(error, 'CONFLICT') || isApiError(error, 'NOT_FOUND')) await reload()
    },
  })

  async function run(action: CertificateAction): Promise<boolean> {
    try {
      await mutation.mutateAsync(action)
      return true
    } catch {
      return false
    }
  }
  return { run, pending: mutation.isPending }
}
