/** A small count beside a tab's name (e.g. movements awaiting an answer), with what it counts for screen readers. */
import { useFormat } from '../i18n/format.ts'

export function CountBadge({ count, description, tone }: { count: number; description: string; tone: 'attention' | 'info' }) {
  const format = useFormat()
  if (count <= 0) return null
  return (
    <span className={`count-badge count-badge-${tone}`} data-count={count}>
      <span aria-hidden="true">{format.number(count)}</span>
      <span className="visually-hidden">{` (${description})`}</span>
    </span>
  )
}
