/** The two languages every message exists in. zh-TW is the default everywhere. */
export const languages = ['zh-TW', 'en'] as const
export type Language = (typeof languages)[number]
export type LocalizedText = Record<Language, string>

/** Picks the language from an Accept-Language value; anything but a first preference for English is zh-TW. */
export function pickLanguage(acceptLanguage: string | null | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? ''
  return first.startsWith('en') ? 'en' : 'zh-TW'
}

/** Replaces {name} placeholders; unknown placeholders stay visible rather than vanish. */
export function interpolate(text: string, params?: Record<string, string | number>): string {
  if (!params) return text
  return text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole))
}
