import { languages, type Language } from '@core/i18n'
import { createI18n } from 'vue-i18n'
import en from './en'
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

export const i18n = createI18n({
  legacy: false,
  locale: storedLanguage(),
  fallbackLocale: 'zh-TW',
  messages: { 'zh-TW': zhTW, en },
  missingWarn: import.meta.env.DEV,
  fallbackWarn: import.meta.env.DEV,
})
