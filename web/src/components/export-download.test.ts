import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from '@web/app/api'
import { downloadExport, fileNameFrom, formatBytes } from './export-download'

afterEach(() => vi.unstubAllGlobals())

function respond(chunks: string[], init: ResponseInit) {
  const encoder = new TextEncoder()
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk))
      controller.close()
    },
  })
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(body, init))
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const base = { path: '/api/applications/export', format: 'csv' as const, language: 'en' as const, signal: new AbortController().signal }

describe('downloading an export', () => {
  it('asks for the list\'s filters with the options, reports the bytes as they come, and names the file as the server does', async () => {
    const fetch = respond(['\uFEFFa,b\r\n', '1,2\r\n'], { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="applications-20261120.csv"' } })
    const progress: number[] = []
    const { blob, fileName } = await downloadExport({ ...base, filters: { status: '00', q: '', sort: 'submittedAt' }, rocDates: true, onProgress: (n) => progress.push(n) })
    expect(fetch.mock.calls[0]![0]).toBe('/api/applications/export?status=00&sort=submittedAt&format=csv&rocDates=true')
    expect(fetch.mock.calls[0]![1]).toMatchObject({ headers: { 'Accept-Language': 'en' }, credentials: 'same-origin' })
    expect(progress).toEqual([8, 13])
    expect(fileName).toBe('applications-20261120.csv')
    expect(new Uint8Array(await blob.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
  })

  it('turns a refusal into the API error the server sent', async () => {
    respond([JSON.stringify({ error: { code: 'VALIDATION_FAILED', message: 'Some fields are invalid', fieldErrors: { columns: 'No such column: x' } } })], { status: 400, headers: { 'content-type': 'application/json' } })
    const failure = downloadExport({ ...base, filters: {}, rocDates: false, onProgress: () => {} })
    await expect(failure).rejects.toBeInstanceOf(ApiError)
    await expect(failure).rejects.toMatchObject({ status: 400, fieldErrors: { columns: 'No such column: x' } })
  })
})

describe('file names and sizes', () => {
  it('takes the server\'s file name, never a path, else the fallback', () => {
    expect(fileNameFrom('attachment; filename="audit-20261120.xlsx"', 'x.xlsx')).toBe('audit-20261120.xlsx')
    expect(fileNameFrom("attachment; filename*=UTF-8''%E7%94%B3%E8%AB%8B.csv", 'x.csv')).toBe('申請.csv')
    expect(fileNameFrom('attachment; filename="../etc/passwd"', 'x.csv')).toBe('x.csv')
    expect(fileNameFrom(null, 'x.csv')).toBe('x.csv')
  })

  it('shows the bytes received in B, KB and MB', () => {
    expect(formatBytes(512, 'en')).toBe('512 B')
    expect(formatBytes(1536, 'en')).toBe('1.5 KB')
    expect(formatBytes(5 * 1024 * 1024, 'zh-TW')).toBe('5.0 MB')
  })
})
