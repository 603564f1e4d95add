/**
 * Numbers, times and dates in the reader's language: its digits (Arabic-Indic for Arabic and
 * Sorani), the Gregorian calendar, 24-hour times; in the user's own time zone or the room's.
 * Pass numbers through `number()` before putting them into a translated text.
 */
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { intlLocaleOf, type Language } from './i18n.ts'

export interface Formatter {
  language: Language
  number(value: number, options?: Intl.NumberFormatOptions): string
  /** 14:05 in the given zone (the user's when left out). */
  time(value: string | number | Date, timeZone?: string): string
  /** 2025-06-13 14:05 in the given zone, in the language's digits and order. */
  dateTime(value: string | number | Date, timeZone?: string): string
  /** "3 min ago", "in 2 h". */
  relative(value: string | number | Date, now?: number): string
  /** A short name of a zone at an instant, e.g. GMT+3. */
  zoneName(timeZone: string | undefined, at?: Date): string
}

const cache = new Map<string, Intl.DateTimeFormat>()
function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = cache.get(key)
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, options)))
  return format
}

const arabicIndicDigits = '٠١٢٣٤٥٦٧٨٩'
const toArabicIndic = (text: string) => text.replace(/[0-9]/g, (digit) => arabicIndicDigits[Number(digit)]!)

/** Sorani relative times, for browsers whose Intl has no Sorani data. */
const soraniUnits = { second: 'چرکە', minute: 'خولەک', hour: 'کاتژمێر', day: 'ڕۆژ' } as const
function soraniRelative(amount: number, unit: keyof typeof soraniUnits): string {
  if (amount === 0) return 'ئێستا'
  const magnitude = toArabicIndic(String(Math.abs(amount)))
  return amount < 0 ? `${magnitude} ${soraniUnits[unit]} لەمەوبەر` : `دوای ${magnitude} ${soraniUnits[unit]}`
}

export function createFormatter(language: Language): Formatter {
  // Browsers' Intl often lacks Sorani: then Sorani is written with British English's numeric
  // formats (24-hour times, day/month/year) in Arabic-Indic digits, and its own relative times.
  const soraniFallback = language === 'ckb' && Intl.NumberFormat.supportedLocalesOf(['ckb']).length === 0
  const locale = soraniFallback ? 'en-GB-u-ca-gregory' : intlLocaleOf(language)
  const digits = soraniFallback ? toArabicIndic : (text: string) => text
  const numbers = new Intl.NumberFormat(locale)
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' })
  const relativeIn = (amount: number, unit: keyof typeof soraniUnits) => (soraniFallback ? soraniRelative(amount, unit) : relative.format(amount, unit))
  const toDate = (value: string | number | Date) => (value instanceof Date ? value : new Date(value))
  return {
    language,
    number: (value, options) => digits(options ? new Intl.NumberFormat(locale, options).format(value) : numbers.format(value)),
    time: (value, timeZone) => digits(dateFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(toDate(value))),
    dateTime: (value, timeZone) => digits(dateFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(toDate(value))),
    relative: (value, now = Date.now()) => {
      const seconds = Math.round((toDate(value).getTime() - now) / 1000)
      const magnitude = Math.abs(seconds)
      if (magnitude < 60) return relativeIn(seconds, 'second')
      if (magnitude < 3600) return relativeIn(Math.round(seconds / 60), 'minute')
      if (magnitude < 86_400) return relativeIn(Math.round(seconds / 3600), 'hour')
      return relativeIn(Math.round(seconds / 86_400), 'day')
    },
    zoneName: (timeZone, at = new Date()) => digits(dateFormat(locale, { timeZoneName: 'shortOffset', timeZone }).formatToParts(at).find((part) => part.type === 'timeZoneName')?.value ?? ''),
  }
}

/** The formatter of the current language; changes when the language does. */
export function useFormat(): Formatter {
  const { i18n } = useTranslation()
  return useMemo(() => createFormatter(i18n.language as Language), [i18n.language])
}
