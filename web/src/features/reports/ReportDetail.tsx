/** One report in full: its grading explained, when in the user's and the room's time, where, who sent it, to whom it is released, its text and its attachments. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Place, Report } from '../../api/server-types.ts'
import { useReferenceData } from '../../app/reference-data.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { localName, organizationColour, organizationName } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { reportTypeColours } from '../map/picture-layers.ts'
import { reportsEndpoints, type Attachment } from './reports-endpoints.ts'
import { useSizeText } from './report-format.ts'

/** A point's coordinates as text; other shapes by their kind. */
function pointOf(report: Report): { lat: number; lon: number } | null {
  return report.location?.type === 'Point' ? { lon: report.location.coordinates[0], lat: report.location.coordinates[1] } : null
}

export function ReportDetail({ report, roomTimeZone, onShowOnMap, headingLevel = 2 }: {
  report: Report
  roomTimeZone: string
  onShowOnMap?: (() => void) | undefined
  headingLevel?: 1 | 2
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const sizeText = useSizeText()
  const { organizations } = useReferenceData()
  const [place, setPlace] = useState<Place | null>(null)
  const [attachments, setAttachments] = useState<Attachment[] | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    if (!report.placeId) return setPlace(null)
    const controller = new AbortController()
    reportsEndpoints.place(report.placeId, { signal: controller.signal }).then(setPlace, () => setPlace(null))
    return () => controller.abort()
  }, [report.placeId])

  useEffect(() => {
    if (report.attachmentCount === 0) return setAttachments([])
    const controller = new AbortController()
    reportsEndpoints.attachments(report.id, { signal: controller.signal }).then(setAttachments, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure)
    })
    return () => controller.abort()
  }, [report.id, report.attachmentCount])

  const point = pointOf(report)
  const Heading = headingLevel === 1 ? 'h1' : 'h2'
  const releasedTo = report.release.releasedTo?.map((id) => organizationName(organizations.get(id), language, id))
  return (
    <article className="report-detail" data-report-id={report.id}>
      <div className="report-detail-head">
        <span className="report-type-badge" style={{ borderColor: reportTypeColours[report.type] }}>
          <span className="swatch swatch-dot" style={{ background: reportTypeColours[report.type] }} aria-hidden="true" />{t(`reportType.${report.type}`)}
        </span>
        <span className="admiralty-code" title={`${t(`reportsScreen.reliability.${report.sourceReliability}`)}; ${t(`reportsScreen.credibility.${report.informationCredibility}`)}`}>{report.admiraltyCode}</span>
      </div>
      <Heading className="report-title" lang={report.language} dir="auto">{report.title}</Heading>
      <dl className="report-facts">
        <dt>{t('reportsScreen.detail.occurred')}</dt>
        <dd>
          <time dateTime={report.occurredAt}>{format.dateTime(report.occurredAt)}</time> <span className="muted">({t('reportsScreen.detail.yourTime')})</span>
          <br />{format.dateTime(report.occurredAt, roomTimeZone)} <span className="muted">({t('reportsScreen.detail.roomTime')})</span>
          <br /><span className="muted">{format.relative(report.occurredAt)}</span>
        </dd>
        <dt>{t('reportsScreen.detail.grading')}</dt>
        <dd>{t(`reportsScreen.reliability.${report.sourceReliability}`)}<br />{t(`reportsScreen.credibility.${report.informationCredibility}`)}</dd>
        <dt>{t('reportsScreen.detail.originator')}</dt>
        <dd><span className="swatch" style={{ background: organizationColour(report.organizationId) }} aria-hidden="true" />{organizationName(organizations.get(report.organizationId), language, report.organizationId)}</dd>
        {(place || point) && (
          <>
            <dt>{t('reportsScreen.detail.place')}</dt>
            <dd>
              {place && <span dir="auto" data-testid="report-place">{localName(place.names, language)}<span className="muted"> · {t(`reportsScreen.placeKind.${place.kind}`)}</span><br /></span>}
              {point && <span dir="ltr" className="coordinates">{format.number(point.lat, { maximumFractionDigits: 4 })}, {format.number(point.lon, { maximumFractionDigits: 4 })}</span>}
              {onShowOnMap && <><br /><button type="button" className="link-button" onClick={onShowOnMap}>{t('reportsScreen.showOnMap')}</button></>}
            </dd>
          </>
        )}
        <dt>{t('reportsScreen.detail.release')}</dt>
        <dd>
          {t(`reportsScreen.release.${report.release.scope}`)}
          {releasedTo && releasedTo.length > 0 && <><br /><span className="muted">{t('reportsScreen.release.releasedTo', { list: releasedTo.join(language === 'en' ? ', ' : '، ') })}</span></>}
        </dd>
      </dl>
      <h3>{t('reportsScreen.detail.text')}</h3>
      <p className="report-body" lang={report.language} dir="auto">{report.body}</p>
      <h3>{t('reportsScreen.detail.attachments')}</h3>
      <div>
        {error !== null && <ProblemAlert error={error} />}
        {attachments?.length === 0 && <p className="muted">{t('reportsScreen.detail.noAttachments')}</p>}
        {attachments && attachments.length > 0 && (
          <ul className="attachment-list">
            {attachments.map((attachment) => (
              <li key={attachment.id}>
                <a href={reportsEndpoints.attachmentUrl(report.id, attachment.id)} download={attachment.fileName} aria-label={t('reportsScreen.detail.download', { name: attachment.fileName })}>
                  <span dir="auto">{attachment.fileName}</span>
                </a> <span className="muted">({sizeText(attachment.sizeBytes)})</span>
              </li>
            ))}
          </ul>
        )}
        <p className="muted report-updated">{t('reportsScreen.detail.updated', { time: format.dateTime(report.updatedAt) })}</p>
      </div>
    </article>
  )
}
