import { languages, type Language } from '@core/i18n'
import { createI18n } from 'vue-i18n'
import zhTW from './zh-TW'

export type Messages = typeof zhTW

declare module 'vue-i18n' {
  // typed keys for t(): a misspelt key fails vue-tsc
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  export interface DefineLocaleMessage extends Messages {}
}

const STORAGE_KEY = 'certdesk.lang'

export function storedLanguage(): Language {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY)
    return (languages as readonly string[]).includes(value ?? '') ? (value as Language) : 'zh-TW'
  } catch {
    return 'zh-TW'
  }
}

export function storeLanguage(language: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, language)
  } catch {
    // private mode or storage disabled: the choice lasts for this page only
  }
}

/**
 * Only zh-TW, the default and the fallback, is in the first download; English comes as its own chunk the first
 * time someone picks it (or at start when they picked it before), which keeps the initial JavaScript small.
 */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-TW',
  fallbackLocale: 'zh-TW',
  messages: { 'zh-TW': zhTW } as Record<Language, Messages>,
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})

const loaded = new Set<Language>(['zh-TW'])

/** Makes a language's messages available, loading them once. */
export async function loadLanguage(language: Language): Promise<void> {
  if (loaded.has(language)) return
  const messages = (await import('./en')).default
  i18n.global.setLocaleMessage(language, messages as Messages)
  loaded.add(language)
}
