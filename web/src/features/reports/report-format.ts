/** Small formatting helpers of the reports screens. */
import { useFormat } from '../../i18n/format.ts'

/** A file size in bytes, KiB or MiB, in the reader's digits. */
export function useSizeText(): (bytes: number) => string {
  const format = useFormat()
  return (bytes) => {
    if (bytes < 1024) return `${format.number(bytes)} B`
    if (bytes < 1024 * 1024) return `${format.number(bytes / 1024, { maximumFractionDigits: 1 })} KiB`
    return `${format.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MiB`
  }
}

/** A list joined with the language's comma. */
export function joinList(items: readonly string[], language: string): string {
  return items.join(language === 'en' ? ', ' : '، ')
}
