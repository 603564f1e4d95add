/**
 * What a click on an operation's shape shows on the map: the operation, its status, what the shape
 * is and who is responsible for it (or the log entry at that place), and a button that opens the
 * operation's board in the side panel. MapView renders it in the map's popup (picture-layers.ts).
 */
import { useTranslation } from 'react-i18next'
import { useReferenceData } from '../../app/reference-data.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom } from '../../live/use-live-picture.ts'
import { localName } from '../../ui/organizations.ts'
import { openOperationBoard } from './operation-navigation.ts'
import type { LogEntry, OperationFeature } from './operations-endpoints.ts'
import { OrganizationTag, StatusBadge, useOrganizationName } from './operations-ui.tsx'

/** The longest stretch of a log entry's text the popup shows. */
const excerptLength = 280

export function OperationMapPopup({ properties }: { properties: Readonly<Record<string, unknown>> }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const { config } = useReferenceData()
  const organizationName = useOrganizationName()
  const { picture } = useLiveRoom()
  const id = String(properties.id)
  const features = [...picture.objects<OperationFeature>('operations').values()]

  if (properties.kind === 'operation-log') {
    const entry = picture.objects<LogEntry>('operation-log').get(id)
    if (!entry) return null
    const operation = features.find((feature) => feature.operationId === entry.operationId)?.operation
    const text = entry.text.length > excerptLength ? `${entry.text.slice(0, excerptLength)}…` : entry.text
    return (
      <div className="map-popup" data-popup="operation-log">
        <p className="map-popup-kicker">{t('operationsScreen.mapPopup.logEntry', { organization: organizationName(entry.organizationId) })}</p>
        {operation && <h3 className="map-popup-title" dir="auto">{localName(operation.names, language)}</h3>}
        <p className="map-popup-line"><time dateTime={entry.at}>{format.dateTime(entry.at, config.roomTimeZone)}</time> <span className="muted">({t('operationsScreen.roomTime', { zone: format.zoneName(config.roomTimeZone, new Date(entry.at)) })})</span></p>
        <p className="map-popup-text" dir="auto">{text}</p>
        <button type="button" onClick={() => openOperationBoard(entry.roomId, entry.operationId)}>{t('operationsScreen.mapPopup.openBoard')}</button>
      </div>
    )
  }

  const feature = features.find((candidate) => candidate.id === id)
  if (!feature) return null
  const { operation } = feature
  return (
    <div className="map-popup" data-popup="operation">
      <p className="map-popup-kicker">{t('operationsScreen.mapPopup.kind')}</p>
      <h3 className="map-popup-title" dir="auto">{localName(operation.names, language)}</h3>
      <p className="map-popup-line"><StatusBadge status={operation.status} /></p>
      <p className="map-popup-line">{t(feature.kind === 'axis' ? 'operationsScreen.mapPopup.axis' : 'operationsScreen.mapPopup.objective')}: <bdi>{feature.name}</bdi></p>
      <p className="map-popup-line">{t('operationsScreen.mapPopup.responsible')}: <OrganizationTag organizationId={feature.organizationId} /></p>
      <p className="map-popup-line">{t('operationsScreen.hHour')}: <time dateTime={operation.hHour}>{format.dateTime(operation.hHour, config.roomTimeZone)}</time></p>
      <button type="button" onClick={() => openOperationBoard(operation.roomId, feature.operationId)}>{t('operationsScreen.mapPopup.openBoard')}</button>
    </div>
  )
}
