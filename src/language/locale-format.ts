// Numbers, dates and times written the way each of Tansiq's three languages writes them: Arabic
// and Sorani with Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩), English with ASCII digits; dates in a given
// time zone (a room's, Asia/Baghdad by default). Intl in Node 20 (ICU 7x) gives 'ar-IQ' and
// 'ckb-IQ' the "arab" numbering system and Iraqi month names (حزيران، حوزەیران); its Sorani date
// pattern mixes a Latin comma into the text, so whole dates are assembled here from Intl's parts.

/** The languages documents are written in. */
export type DocumentLocale = 'ar' | 'ckb' | 'en'

/** The documents' languages, in the order they are offered. */
export const documentLocales: readonly DocumentLocale[] = ['ar', 'ckb', 'en']

/** The room's time zone unless told otherwise. */
export const defaultTimeZone = 'Asia/Baghdad'

const intlTags: Readonly<Record<DocumentLocale, string>> = { ar: 'ar-IQ', ckb: 'ckb-IQ', en: 'en-GB' }

/** The BCP 47 tag Intl formats with ('ar-IQ', 'ckb-IQ', 'en-GB'). */
export function intlLocaleOf(locale: DocumentLocale): string {
  return intlTags[locale]
}

/** Writing direction of a language. */
export function directionOf(locale: DocumentLocale): 'rtl' | 'ltr' {
  return locale === 'en' ? 'ltr' : 'rtl'
}

const arabicIndicZero = 0x0660

/** Writes the ASCII digits of a text in the locale's digits (Arabic-Indic for Arabic and Sorani). */
export function localiseDigits(text: string, locale: DocumentLocale): string {
  if (locale === 'en') return text
  return text.replace(/[0-9]/g, (digit) => String.fromCharCode(arabicIndicZero + digit.charCodeAt(0) - 48))
}

const numberFormats = new Map<string, Intl.NumberFormat>()

/** A number in the locale's digits and separators (١٬٢٣٤ in Arabic and Sorani, 1,234 in English). */
export function formatNumber(value: number, locale: DocumentLocale, options: Intl.NumberFormatOptions = {}): string {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(intlLocaleOf(locale), { numberingSystem: locale === 'en' ? 'latn' : 'arab', ...options })
    numberFormats.set(key, format)
  }
  return format.format(value)
}

/** The calendar fields of an instant in a time zone, with names in the locale. */
interface DateParts {
  weekday: string
  day: string
  month: string
  year: string
  hour: string
  minute: string
}

const partFormats = new Map<string, Intl.DateTimeFormat>()

function partsOf(instant: string | Date, locale: DocumentLocale, timeZone: string): DateParts {
  const key = `${locale}|${timeZone}`
  let format = partFormats.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocaleOf(locale), {
      timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
      numberingSystem: locale === 'en' ? 'latn' : 'arab',
    })
    partFormats.set(key, format)
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {}
  for (const part of format.formatToParts(new Date(instant))) parts[part.type] = part.value
  return {
    weekday: parts.weekday ?? '', day: parts.day ?? '', month: parts.month ?? '', year: parts.year ?? '',
    hour: localiseDigits(parts.hour ?? '', locale), minute: localiseDigits(parts.minute ?? '', locale),
  }
}

/** A date without weekday: "6 حزيران 2021" as ٦ حزيران ٢٠٢١ / ٦ی حوزەیرانی ٢٠٢١ / 6 June 2021. */
export function formatDate(instant: string | Date, locale: DocumentLocale, timeZone: string = defaultTimeZone): string {
  const parts = partsOf(instant, locale, timeZone)
  // Sorani joins day, month and year with the ezafe: ٦ی حوزەیرانی ٢٠٢١.
  if (locale === 'ckb') return `${parts.day}ی ${parts.month}ی ${parts.year}`
  return `${parts.day} ${parts.month} ${parts.year}`
}

/** A date with its weekday: الأحد ٦ حزيران ٢٠٢١ / یەکشەممە ٦ی حوزەیرانی ٢٠٢١ / Sunday 6 June 2021. */
export function formatLongDate(instant: string | Date, locale: DocumentLocale, timeZone: string = defaultTimeZone): string {
  const parts = partsOf(instant, locale, timeZone)
  return `${parts.weekday} ${formatDate(instant, locale, timeZone)}`
}

/** A 24-hour time: ٠٥:٣٠ or 05:30. */
export function formatTime(instant: string | Date, locale: DocumentLocale, timeZone: string = defaultTimeZone): string {
  const parts = partsOf(instant, locale, timeZone)
  return `${parts.hour}:${parts.minute}`
}

/** Date and 24-hour time: ٦ حزيران ٢٠٢١، ٠٥:٣٠ / ٦ی حوزەیرانی ٢٠٢١، ٠٥:٣٠ / 6 June 2021, 05:30. */
export function formatDateTime(instant: string | Date, locale: DocumentLocale, timeZone: string = defaultTimeZone): string {
  const separator = locale === 'en' ? ', ' : '، '
  return `${formatDate(instant, locale, timeZone)}${separator}${formatTime(instant, locale, timeZone)}`
}

/** The day (YYYY-MM-DD) of an instant in a time zone, to tell whether two instants fall on the same day. */
export function calendarDay(instant: string | Date, timeZone: string = defaultTimeZone): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(instant))
}

/** An offset from H-hour in minutes as "H−2:00", "H", "H+1:30" (the letter stays Latin, like the military usage). */
export function formatHourOffset(minutes: number, locale: DocumentLocale): string {
  if (minutes === 0) return 'H'
  const sign = minutes < 0 ? '−' : '+'
  const absolute = Math.abs(minutes)
  const text = `${Math.floor(absolute / 60)}:${String(absolute % 60).padStart(2, '0')}`
  // The Latin H keeps its place on the left in right-to-left text when wrapped in an isolate by the caller.
  return `H${sign}${localiseDigits(text, locale)}`
}
