/**
 * Languages of the web app: Arabic, Sorani Kurdish and English (i18next). Choosing one sets the
 * page's `lang` and `dir` (right-to-left for Arabic and Sorani), remembered in this browser.
 * Numbers and dates are formatted with Intl in the language's own digits (format.ts).
 */
import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { ar } from './locales/ar.ts'
import { ckb } from './locales/ckb.ts'
import { en } from './locales/en.ts'

export const languages = ['ar', 'ckb', 'en'] as const
export type Language = (typeof languages)[number]

const storageKey = 'tansiq.language'

export const isRightToLeft = (language: Language) => language !== 'en'

/** The Intl locale of a language: Iraqi conventions, Arabic-Indic digits for Arabic and Sorani, always the Gregorian calendar. */
export function intlLocaleOf(language: Language): string {
  switch (language) {
    case 'ar': return 'ar-IQ-u-nu-arab-ca-gregory'
    case 'ckb': return 'ckb-IQ-u-nu-arab-ca-gregory'
    case 'en': return 'en-GB-u-ca-gregory'
  }
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value)
}

/** The saved choice, else the browser's first language we have, else Arabic (the room's common language). */
function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey)
  if (isLanguage(saved)) return saved
  for (const preferred of navigator.languages ?? []) {
    const base = preferred.toLowerCase().split('-')[0]
    if (base === 'ku' || base === 'ckb') return 'ckb'
    if (isLanguage(base)) return base
  }
  return 'ar'
}

function applyToDocument(language: Language): void {
  document.documentElement.lang = language
  document.documentElement.dir = isRightToLeft(language) ? 'rtl' : 'ltr'
}

/** Switches the language of the whole app and remembers it. */
export async function setLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language)
  applyToDocument(language)
  await i18next.changeLanguage(language)
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en'
}

/** Initialises i18next once, before the first render. */
export async function initI18n(): Promise<void> {
  const language = initialLanguage()
  applyToDocument(language)
  await i18next.use(initReactI18next).init({
    resources: { ar: { translation: ar }, ckb: { translation: ckb }, en: { translation: en } },
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  })
}
