/**
 * The room's reports tab: the recent reports of the room (from the live picture, so a new one
 * appears as it is created, here and on the map), a report's detail, and the report form.
 */
import './reports.css'
import { useDeferredValue, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Report, Room } from '../../api/server-types.ts'
import { navigate, pathOf } from '../../app/routes.ts'
import { useUser } from '../../app/session.tsx'
import { useReferenceData } from '../../app/reference-data.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { organizationName } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useRoomMap } from '../map/map-interaction.ts'
import { reportTypeColours } from '../map/picture-layers.ts'
import { ReportDetail } from './ReportDetail.tsx'
import { ReportForm, type AttachmentFailure } from './ReportForm.tsx'
import { useRemembered } from './remembered-state.ts'
import { reportEditorRoles } from '../../../../src/platform/auth/roles.ts'

const shownAtMost = 100

type View = { kind: 'list' } | { kind: 'new' } | { kind: 'detail'; id: string; created?: Report; failures?: AttachmentFailure[] }

export function ReportsPanel({ room, roomTimeZone }: { room: Room; roomTimeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const map = useRoomMap()
  const { organizations } = useReferenceData()
  const { picture } = useLiveRoom()
  usePictureVersion()
  const [view, setView] = useRemembered<View>(`reports-panel:${room.id}:view`, { kind: 'list' })
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query.trim().toLowerCase())
  const live = picture.objects<Report>('reports')

  if (view.kind === 'new') {
    return (
      <section className="reports-panel reports-scope">
        <button type="button" className="link-button back-button" onClick={() => setView({ kind: 'list' })}>{t('reportsScreen.back')}</button>
        <ReportForm room={room} roomTimeZone={roomTimeZone} onCancel={() => setView({ kind: 'list' })}
          onCreated={(report, failures) => setView({ kind: 'detail', id: report.id, created: report, failures })} />
      </section>
    )
  }

  if (view.kind === 'detail') {
    const report = live.get(view.id) ?? view.created
    const location = report?.location?.type === 'Point' ? report.location.coordinates : null
    return (
      <section className="reports-panel reports-scope">
        <button type="button" className="link-button back-button" onClick={() => setView({ kind: 'list' })}>{t('reportsScreen.back')}</button>
        {view.created && <p className="notice" role="status">{t('reportsScreen.justCreated', { title: view.created.title })}</p>}
        {view.failures?.map((failure) => (
          <div key={failure.fileName}>
            <p className="field-error">{t('reportsScreen.form.uploadFailed', { name: failure.fileName })}</p>
            <ProblemAlert error={failure.error} />
          </div>
        ))}
        {report
          ? <ReportDetail report={report} roomTimeZone={roomTimeZone}
              onShowOnMap={map && location ? () => map.flyTo({ center: [location[0], location[1]], zoom: Math.max(map.getZoom(), 11) }) : undefined} />
          : <p className="muted">{t('reportsScreen.detail.notFound')}</p>}
        {report && (
          <p><a href={pathOf({ name: 'report', roomId: room.id, reportId: report.id })} onClick={(event) => { event.preventDefault(); navigate({ name: 'report', roomId: room.id, reportId: report.id }) }}>{t('reportsScreen.openPage')}</a></p>
        )}
      </section>
    )
  }

  const reports = [...live.values()]
    .filter((report) => deferredQuery === '' || report.title.toLowerCase().includes(deferredQuery) || report.body.toLowerCase().includes(deferredQuery))
    .sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))
  return (
    <section className="reports-panel reports-scope" aria-labelledby="reports-title">
      <div className="panel-heading">
        <h2 id="reports-title">{t('reportsScreen.title')}</h2>
        {reportEditorRoles.includes(user.role) && <button type="button" className="primary" onClick={() => setView({ kind: 'new' })}>{t('reportsScreen.newReport')}</button>}
      </div>
      <label htmlFor="report-filter" className="visually-hidden">{t('reportsScreen.filter')}</label>
      <input id="report-filter" type="search" dir="auto" placeholder={t('reportsScreen.filter')} value={query} onChange={(event) => setQuery(event.target.value)} />
      <p className="muted list-count">{t('reportsScreen.count', { count: format.number(live.size) })}</p>
      {live.size === 0 && <p className="muted">{t('reportsScreen.none')}</p>}
      {live.size > 0 && reports.length === 0 && <p className="muted">{t('reportsScreen.noMatch')}</p>}
      <ul className="report-list">
        {reports.slice(0, shownAtMost).map((report) => (
          <li key={report.id}>
            <button type="button" className="report-item" data-report-id={report.id} onClick={() => setView({ kind: 'detail', id: report.id })}>
              <span className="swatch swatch-dot" style={{ background: reportTypeColours[report.type] }} aria-hidden="true" />
              <span className="report-item-title" dir="auto">{report.title}</span>
              <span className="report-item-meta">
                {t(`reportType.${report.type}`)} · <span dir="ltr">{report.admiraltyCode}</span> · <time dateTime={report.occurredAt} title={format.dateTime(report.occurredAt, roomTimeZone)}>{format.relative(report.occurredAt)}</time> · {organizationName(organizations.get(report.organizationId), language, report.organizationId)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
