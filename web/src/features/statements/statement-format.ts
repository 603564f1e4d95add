/** Formatting of the statement screens: calendar dates (YYYY-MM-DD) in the reader's language and digits. */
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { intlLocaleOf, type Language } from '../../i18n/i18n.ts'

const arabicIndicDigits = '٠١٢٣٤٥٦٧٨٩'

/** "2025-03-10" → "10 March 2025" / "١٠ آذار ٢٠٢٥"; Sorani, which browsers' Intl often lacks, as ١٠/٠٣/٢٠٢٥. */
export function dateTextOf(date: string, language: Language): string {
  const day = new Date(`${date}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(day.getTime())) return date
  if (language === 'ckb' && Intl.DateTimeFormat.supportedLocalesOf(['ckb']).length === 0) {
    const [year, month, dayOfMonth] = date.split('-')
    return `${dayOfMonth}/${month}/${year}`.replace(/[0-9]/g, (digit) => arabicIndicDigits[Number(digit)]!)
  }
  return new Intl.DateTimeFormat(intlLocaleOf(language), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(day)
}

/** dateTextOf in the current language. */
export function useDateText(): (date: string) => string {
  const { i18n } = useTranslation()
  const language = i18n.language as Language
  return useCallback((date: string) => dateTextOf(date, language), [language])
}
