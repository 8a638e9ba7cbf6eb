import type { Language } from '@core/i18n'
import { buildUrl, toApiError, type RequestOptions } from '@web/app/api'

export type ExportFormat = 'csv' | 'xlsx'

export interface ExportRequest {
  /** the list's export endpoint, e.g. /api/applications/export */
  path: string
  /** the list's current filters, exactly as the list sends them (paging aside) */
  filters: RequestOptions['query']
  format: ExportFormat
  rocDates: boolean
  language: Language
  signal: AbortSignal
  /** bytes received so far, after each chunk */
  onProgress: (bytes: number) => void
}

/** The name the server gives the file (`attachment; filename="…"`), or a fallback. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  const match = /filename\*=UTF-8''([^;]+)|filename="([^"]+)"/i.exec(disposition ?? '')
  const name = match?.[1] ? decodeURIComponent(match[1]) : match?.[2]
  return name && !/[\\/]/.test(name) ? name : fallback
}

/** `1536` → `1.5 KB`: the progress shown while a large export comes in. */
export function formatBytes(bytes: number, language: Language): string {
  const units = ['B', 'KB', 'MB', 'GB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const digits = unit === 0 ? 0 : 1
  return `${new Intl.NumberFormat(language, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(value)} ${units[unit]}`
}

/**
 * Downloads an export, reading the body chunk by chunk so the page can show how much has come in; aborting
 * the signal cancels the body, which ends the server's work. A refusal (400, 403) becomes an ApiError.
 */
export async function downloadExport(req: ExportRequest): Promise<{ blob: Blob; fileName: string }> {
  const url = buildUrl(req.path, { ...req.filters, format: req.format, rocDates: req.rocDates ? 'true' : undefined })
  const response = await fetch(url, { headers: { 'Accept-Language': req.language }, credentials: 'same-origin', signal: req.signal })
  if (!response.ok || !response.body) throw await toApiError(response, req.language)
  const reader = response.body.getReader()
  const chunks: Uint8Array<ArrayBuffer>[] = []
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    chunks.push(value)
    received += value.length
    req.onProgress(received)
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream'
  const fallback = `${req.path.split('/').filter(Boolean).slice(1, -1).join('-')}.${req.format}`
  return { blob: new Blob(chunks, { type }), fileName: fileNameFrom(response.headers.get('content-disposition'), fallback) }
}

/** Hands a downloaded file to the browser as a download, through a short-lived object URL. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // revoked later, not at once: the browser may still be reading it when click() returns
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
