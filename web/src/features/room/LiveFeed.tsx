/** What changes in the room, newest first: one line per change (position reports are counted, not listed). */
import { useTranslation } from 'react-i18next'
import { useReferenceData } from '../../app/reference-data.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { organizationColour, organizationName } from '../../ui/organizations.ts'
import type { Layer } from '../../api/server-types.ts'
import type { OperationFeature } from '../operations/operations-endpoints.ts'
import { objectLabel, objectOrganization, type LabelContext } from './object-labels.ts'

/** The name of each live layer in the feed: a layer added to the server's list without one is a type error. */
const layerKeys: Record<Layer, string> = {
  units: 'layers.units', positions: 'layers.units', areas: 'layers.areas', coverage: 'layers.coverage', movements: 'layers.movements', reports: 'layers.reports',
  'coordination-lines': 'layers.coordination-lines', places: 'layers.places', operations: 'layers.operations', 'operation-log': 'feed.operationLog',
  'operation-results': 'feed.operationResults', rooms: 'rooms.title',
}

export function LiveFeed({ roomTimeZone }: { roomTimeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const { picture } = useLiveRoom()
  const { organizations } = useReferenceData()
  usePictureVersion()
  const entries = picture.feed()
  const positions = picture.positionReportsLastMinute()
  // An operation's log and results name it by the names its areas and axes carry.
  const operationNames = new Map<string, OperationFeature['operation']['names']>()
  for (const feature of picture.objects<OperationFeature>('operations').values()) operationNames.set(feature.operationId, feature.operation.names)
  const labels: LabelContext = { language, t, number: (value) => format.number(value), operationNames: (id) => operationNames.get(id) }
  return (
    <section className="feed" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('feed.title')}</h2>
      <p className="feed-positions">{t('feed.positions', { count: format.number(positions) })}</p>
      {entries.length === 0 && <p className="muted">{t('feed.empty')}</p>}
      <ol className="feed-list">
        {entries.slice(0, 100).map((entry) => {
          const organizationId = objectOrganization(entry.object)
          return (
            <li key={entry.key} className={`feed-entry feed-${entry.change}`} data-layer={entry.layer} data-object-id={entry.id}>
              <time dateTime={new Date(entry.receivedAt).toISOString()} title={format.dateTime(entry.receivedAt, roomTimeZone)}>{format.time(entry.receivedAt)}</time>
              <span className="feed-kind">{t(layerKeys[entry.layer] ?? entry.layer)} · {t(`feed.${entry.change}`)}</span>
              <span className="feed-label" dir="auto">{objectLabel(entry.layer, entry.object, labels)}</span>
              {organizationId && (
                <span className="feed-organization">
                  <span className="swatch" style={{ background: organizationColour(organizationId) }} aria-hidden="true" />
                  {organizationName(organizations.get(organizationId), language, organizationId)}
                </span>
              )}
            </li>
          )
        })}
      </ol>
    </section>
  )
}
