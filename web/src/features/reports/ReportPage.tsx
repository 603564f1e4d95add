/** One report as a page of its own (/rooms/:room/reports/:id): what an accepted statement links to, and a link one can pass on. */
import './reports.css'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemError } from '../../api/api-client.ts'
import { useReferenceData } from '../../app/reference-data.tsx'
import { navigate, pathOf } from '../../app/routes.ts'
import { AppHeader } from '../../ui/AppHeader.tsx'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useLoaded } from '../../ui/use-loaded.ts'
import { ReportDetail } from './ReportDetail.tsx'
import { reportsEndpoints } from './reports-endpoints.ts'

export function ReportPage({ roomId, reportId }: { roomId: string; reportId: string }) {
  const { t } = useTranslation()
  const { config } = useReferenceData()
  const { value: report, error, reload } = useLoaded((signal) => reportsEndpoints.report(reportId, { signal }), [reportId])

  useEffect(() => {
    document.title = report ? `${report.title} — ${t('app.name')}` : t('app.name')
  }, [report, t])

  const roomPath = pathOf({ name: 'room', roomId })
  return (
    <div className="page report-page reports-scope">
      <AppHeader>
        <a className="back-link" href={roomPath} onClick={(event) => { event.preventDefault(); navigate({ name: 'room', roomId }) }} title={t('reportsScreen.openRoom')}>
          <span aria-hidden="true">{document.documentElement.dir === 'rtl' ? '→' : '←'}</span>
          <span className="visually-hidden">{t('reportsScreen.openRoom')}</span>
        </a>
        <span className="room-title">{t('reportsScreen.tab')}</span>
      </AppHeader>
      <main id="main" className="report-page-main">
        {error instanceof ProblemError && error.status === 404 && <p role="alert">{t('reportsScreen.detail.notFound')}</p>}
        {error !== null && !(error instanceof ProblemError && error.status === 404) && <ProblemAlert error={error} onRetry={reload} />}
        {!report && error === null && <p aria-busy="true">{t('app.loading')}</p>}
        {report && <ReportDetail report={report} roomTimeZone={config.roomTimeZone} headingLevel={1} />}
        <p><a href={roomPath} onClick={(event) => { event.preventDefault(); navigate({ name: 'room', roomId }) }}>{t('reportsScreen.openRoom')}</a></p>
      </main>
    </div>
  )
}
