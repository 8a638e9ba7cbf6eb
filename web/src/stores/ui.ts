import type { Language, LocalizedText } from '@core/i18n'
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { i18n, loadLanguage, storeLanguage, storedLanguage } from '@web/app/i18n'

/** UI state only: the language, which also drives vue-i18n, <html lang> and Accept-Language. */
export const useUiStore = defineStore('ui', () => {
  const language = ref<Language>(storedLanguage())

  function apply(next: Language) {
    i18n.global.locale.value = next
    document.documentElement.lang = next
  }

  /** Switches once the language's messages are there, so that no screen shows half of each. */
  async function setLanguage(next: Language) {
    await loadLanguage(next)
    language.value = next
    storeLanguage(next)
    apply(next)
  }

  /** Picks the current language's text of a bilingual constant (office, role and status names). */
  function text(value: LocalizedText): string {
    return value[language.value]
  }

  // main.ts loads the stored language's messages before the app mounts
  apply(language.value)
  return { language, setLanguage, text }
})
