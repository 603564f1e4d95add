/** The plan of an operation: objective, participants with their approval of the current revision, objective areas, axes, phases and the movements notified. */
import { useTranslation } from 'react-i18next'
import type { Unit } from '../../api/server-types.ts'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { localName, organizationColour } from '../../ui/organizations.ts'
import { boundsOf } from '../map/coordinate-bounds.ts'
import { fitMapTo } from './map-bridge.ts'
import type { Operation } from './operations-endpoints.ts'
import { OrganizationTag, formatOffset, listOf, useOrganizationName } from './operations-ui.tsx'

function fitTo(coordinates: unknown): void {
  const bounds = boundsOf(coordinates)
  if (bounds) fitMapTo(bounds)
}

export function PlanSection({ operation, roomTimeZone }: { operation: Operation; roomTimeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const organizationName = useOrganizationName()
  const { picture } = useLiveRoom()
  usePictureVersion()
  const units = picture.objects<Unit>('units')
  const unitName = (id: string) => {
    const unit = units.get(id)
    return unit ? localName(unit.names, language) : null
  }
  const axisName = (key: string) => operation.axes.find((axis) => axis.key === key)?.name ?? key
  const movementStatuses = [...new Set(operation.movements.map((movement) => movement.status))]

  return (
    <div className="operation-plan">
      {operation.objective && (
        <>
          <h3>{t('operationsScreen.objective')}</h3>
          <p dir="auto">{operation.objective}</p>
        </>
      )}

      <h3>{t('operationsScreen.participants')}</h3>
      <ul className="participant-list">
        {operation.participants.map((participant) => {
          const named = participant.unitIds.map(unitName).filter((name): name is string => name !== null)
          const state = participant.approval ? 'approved' : participant.approves ? (operation.status === 'draft' ? 'not-proposed' : 'waiting') : 'support'
          return (
            <li key={participant.organizationId} className={`participant participant-${state}`} data-organization={participant.organizationId} data-approval={state}>
              <div className="participant-head">
                <OrganizationTag organizationId={participant.organizationId} />
                <span className="muted"> · {t(`operationsScreen.role.${participant.role}`)}</span>
              </div>
              <div className="participant-approval">
                {state === 'approved' && participant.approval && (
                  <><span aria-hidden="true">✓ </span>{t('operationsScreen.approval.approved', { n: format.number(participant.approval.planRevision), by: participant.approval.approvedBy, time: format.dateTime(participant.approval.approvedAt, roomTimeZone) })}</>
                )}
                {state === 'waiting' && <><span aria-hidden="true">⏳ </span>{t('operationsScreen.approval.waiting')}</>}
                {state === 'not-proposed' && t('operationsScreen.approval.notProposed')}
                {state === 'support' && <><span aria-hidden="true">ⓘ </span>{t('operationsScreen.approval.support')}</>}
              </div>
              <div className="participant-meta muted" dir="auto">
                {t('operationsScreen.units')}: {named.length > 0 ? listOf(named, language) : participant.unitIds.length > 0 ? format.number(participant.unitIds.length) : t('operationsScreen.noUnits')}
                {participant.liaison && <> · {t('operationsScreen.liaison', { name: participant.liaison.name })}</>}
              </div>
            </li>
          )
        })}
      </ul>

      {operation.objectiveAreas.length > 0 && (
        <>
          <h3>{t('operationsScreen.objectiveAreas')}</h3>
          <ul className="feature-list">
            {operation.objectiveAreas.map((area) => (
              <li key={area.id}>
                <span className="swatch swatch-area" style={{ background: organizationColour(area.organizationId) }} aria-hidden="true" />
                <button type="button" className="link-button" onClick={() => fitTo(area.geometry.coordinates)} dir="auto">{area.name}</button>
                <span className="muted"> · {organizationName(area.organizationId)} · {t('operationsScreen.areaSize', { area: format.number(area.areaKm2, { maximumFractionDigits: 1 }) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {operation.axes.length > 0 && (
        <>
          <h3>{t('operationsScreen.axes')}</h3>
          <ul className="feature-list">
            {operation.axes.map((axis) => (
              <li key={axis.id}>
                <span className="swatch swatch-line" style={{ background: organizationColour(axis.organizationId) }} aria-hidden="true" />
                <button type="button" className="link-button" onClick={() => fitTo(axis.geometry.coordinates)} dir="auto">{axis.name}</button>
                <span className="muted"> · {organizationName(axis.organizationId)} · {t('operationsScreen.axisLength', { length: format.number(axis.lengthKm, { maximumFractionDigits: 1 }) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      {operation.phases.length > 0 && (
        <>
          <h3>{t('operationsScreen.phases')}</h3>
          <ol className="phase-list">
            {operation.phases.map((phase) => (
              <li key={phase.ordinal} data-phase={phase.ordinal}>
                <div className="phase-name" dir="auto">{format.number(phase.ordinal)}. {phase.name}</div>
                <div className="phase-offsets">{t('operationsScreen.phaseTimes', { start: formatOffset(phase.startOffsetMinutes, format), end: formatOffset(phase.endOffsetMinutes, format) })}</div>
                <div className="phase-times muted">
                  {t('operationsScreen.phaseTimes', { start: format.dateTime(phase.start, roomTimeZone), end: format.dateTime(phase.end, roomTimeZone) })}
                </div>
                <div className="muted" dir="auto">{phase.axisKeys.length > 0 ? t('operationsScreen.phaseAxes', { axes: listOf(phase.axisKeys.map(axisName), language) }) : t('operationsScreen.phaseNoAxes')}</div>
              </li>
            ))}
          </ol>
        </>
      )}

      <h3>{t('operationsScreen.movements')}</h3>
      <p className="muted">
        {operation.movements.length > 0
          ? t('operationsScreen.movementCount', { n: format.number(operation.movements.length), statuses: listOf(movementStatuses.map((status) => t(`movementStatus.${status}`)), language) })
          : t('operationsScreen.noMovements')}
      </p>
    </div>
  )
}
