/** Small pieces shared by the movement screens: badges, durations, the two clocks of a time, names of organizations. */
import { useEffect, useRef } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Movement } from '../../api/server-types.ts'
import { useReferenceData } from '../../app/reference-data.tsx'
import type { Formatter } from '../../i18n/format.ts'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { organizationColour, organizationName } from '../../ui/organizations.ts'
import { movementStatusColours } from '../map/picture-layers.ts'

export function StatusBadge({ status }: { status: Movement['status'] }) {
  const { t } = useTranslation()
  return (
    <span className="movement-status" data-status={status} style={{ borderColor: movementStatusColours[status], color: movementStatusColours[status] }}>
      <span className="swatch swatch-dot" style={{ background: movementStatusColours[status] }} aria-hidden="true" />
      {t(`movementStatus.${status}`)}
    </span>
  )
}

export function PrecedenceBadge({ precedence }: { precedence: Movement['precedence'] }) {
  const { t } = useTranslation()
  return <span className={`movement-precedence precedence-${precedence}`} data-precedence={precedence}>{t(`movementsScreen.precedence.${precedence}`)}</span>
}

/** An organization with its colour, in the reader's language. */
export function OrganizationName({ id }: { id: string }) {
  const { i18n } = useTranslation()
  const { organizations } = useReferenceData()
  return (
    <span className="organization-chip">
      <span className="swatch" style={{ background: organizationColour(id) }} aria-hidden="true" />
      {organizationName(organizations.get(id), i18n.language as Language, id)}
    </span>
  )
}

export function useOrganizationName(): (id: string) => string {
  const { i18n } = useTranslation()
  const { organizations } = useReferenceData()
  return (id) => organizationName(organizations.get(id), i18n.language as Language, id)
}

/** "24 h", "90 min", "2 d" in the reader's digits. */
export function durationText(minutes: number, format: Formatter, t: TFunction): string {
  const magnitude = Math.abs(minutes)
  const sign = minutes < 0 ? '−' : ''
  if (magnitude >= 2 * 1440 && magnitude % 1440 === 0) return sign + t('movementsScreen.duration.days', { count: format.number(magnitude / 1440) })
  if (magnitude >= 60) return sign + t('movementsScreen.duration.hours', { count: format.number(Math.round((magnitude / 60) * 10) / 10) })
  return sign + t('movementsScreen.duration.minutes', { count: format.number(magnitude) })
}

/** A time in the room's zone, with the user's own when it differs. */
export function TwoClocks({ value, roomTimeZone }: { value: string | number | Date; roomTimeZone: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const date = value instanceof Date ? value : new Date(value)
  const userZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return (
    <span className="two-clocks">
      <time dateTime={date.toISOString()}>{format.dateTime(date, roomTimeZone)}</time>{' '}
      <small className="muted">{t('movementsScreen.detail.roomTime')} {format.zoneName(roomTimeZone, date)}</small>
      {userZone !== roomTimeZone && (
        <small className="muted"> · {t('movementsScreen.detail.yourTime')} {format.dateTime(date)} {format.zoneName(userZone, date)}</small>
      )}
    </span>
  )
}

/** Set when the user moves between the tab's views (not when the tab itself is chosen, which keeps the focus on the tab). */
export const viewChange = { pending: false }

/** Moves the focus to a view's heading when the user opened the view, so keyboard and screen-reader users land there. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    if (!viewChange.pending) return
    viewChange.pending = false
    ref.current?.focus()
  }, [])
  return ref
}
