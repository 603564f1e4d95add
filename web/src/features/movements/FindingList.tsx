/**
 * Deconfliction findings as a list: what the movement comes near (named when the counterpart is
 * in the reader's picture), whether it crosses it or passes within the room's buffer, the closest
 * distance and the time the two overlap. The same findings are drawn on the map (movement-map.ts).
 */
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import type { Area, Movement } from '../../api/server-types.ts'
import { useFormat, type Formatter } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom } from '../../live/use-live-picture.ts'
import { localName } from '../../ui/organizations.ts'
import { findingColours } from './movement-map.ts'
import { OrganizationName } from './movement-parts.tsx'
import type { FindingView } from './movements-endpoints.ts'

export function distanceText(metres: number, format: Formatter, t: TFunction): string {
  return metres < 1000
    ? t('movementsScreen.finding.metres', { value: format.number(Math.round(metres)) })
    : t('movementsScreen.finding.kilometres', { value: format.number(metres / 1000, { maximumFractionDigits: 1 }) })
}

export function FindingList({ findings, roomTimeZone }: { findings: readonly FindingView[]; roomTimeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const { picture } = useLiveRoom()
  const nameOf = (finding: FindingView): string | null => {
    const { type, id } = finding.counterpart
    if (type === 'area') {
      const area = picture.objects<Area>('areas').get(id)
      return area ? localName(area.names, language) : null
    }
    if (type === 'movement') return picture.objects<Movement>('movements').get(id)?.purpose ?? null
    const operation = picture.objects<{ names?: { en: string; ar?: string; ckb?: string }; name?: string }>('operations').get(id)
    return operation ? (operation.names ? localName(operation.names, language) : operation.name ?? null) : null
  }
  return (
    <ul className="finding-list">
      {findings.map((finding) => {
        const name = nameOf(finding)
        return (
          <li key={`${finding.counterpart.type}:${finding.counterpart.id}`} className="finding" data-counterpart-type={finding.counterpart.type} data-counterpart-organization={finding.counterpart.organizationId}>
            <span className="swatch swatch-line" style={{ background: finding.crosses ? findingColours.crosses : findingColours.near }} aria-hidden="true" />
            <span className="finding-body">
              <span className="finding-title">
                {t(`movementsScreen.finding.${finding.counterpart.type}`)} · <OrganizationName id={finding.counterpart.organizationId} />
              </span>
              {name && <span className="finding-name" dir="auto">{name}</span>}
              <span className="finding-how">
                {finding.crosses ? t('movementsScreen.finding.crosses') : t('movementsScreen.finding.near', { distance: distanceText(finding.distanceMeters, format, t) })}
              </span>
              <span className="finding-when muted">
                {t('movementsScreen.finding.during', { from: format.dateTime(finding.overlapFrom, roomTimeZone), to: format.dateTime(finding.overlapTo, roomTimeZone) })}
              </span>
            </span>
          </li>
        )
      })}
    </ul>
  )
}
