/**
 * One draft under review: the statement with what the reader found marked in it, beside the
 * fields to check and correct; then accept (a report of the room is created, and linked) or
 * reject with a reason. The highlights follow the analyst's corrections as they are made.
 */
import { useCallback, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemError } from '../../api/api-client.ts'
import type { Report, Room } from '../../api/server-types.ts'
import { navigate, pathOf } from '../../app/routes.ts'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { ActorsField, EventDateField, OperationNameField, PlacesField, ResultsField, placeLabel } from './DraftFields.tsx'
import { changedFields, correctionsOf, duplicateResults, editOf, highlightsOfEdit, type DraftEdit, type Evidence } from './draft-edit.ts'
import { HighlightedText, HighlightLegend } from './HighlightedText.tsx'
import { AcceptForm, RejectForm } from './ReviewDecision.tsx'
import { statementsEndpoints, type AcceptDraftInput, type DraftDetail } from './statements-endpoints.ts'
import { useDateText } from './statement-format.ts'

export function DraftReview({ draftId, room, onChanged }: { draftId: string; room: Room; onChanged(): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const dateText = useDateText()
  const [detail, setDetail] = useState<DraftDetail | null>(null)
  const [edit, setEdit] = useState<DraftEdit | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  const [pointed, setPointed] = useState<Evidence>([])
  const [saving, setSaving] = useState(false)
  const [saveError, setSaveError] = useState<unknown>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const [report, setReport] = useState<Report | null>(null)

  const adopt = useCallback((next: DraftDetail) => {
    setDetail(next)
    setEdit(editOf(next.corrected ?? next.draft))
  }, [])

  useEffect(() => {
    const controller = new AbortController()
    setLoadError(null)
    statementsEndpoints.draft(draftId, { signal: controller.signal }).then(adopt, (failure: unknown) => {
      if (!controller.signal.aborted) setLoadError(failure)
    })
    return () => controller.abort()
  }, [draftId, attempt, adopt])

  const current = detail ? detail.corrected ?? detail.draft : null
  const highlights = useMemo(() => (edit ? highlightsOfEdit(edit, {
    date: (date) => dateText(date),
    place: (place) => placeLabel(place, language),
    actor: (actor) => t(`statementsScreen.actors.${actor.id}`),
    result: (result) => `${result.count === null ? t('statementsScreen.results.unknown') : format.number(result.count)} × ${t(`statementsScreen.items.${result.item}`)} — ${t(`statementsScreen.actions.${result.action}`)}`,
  }) : []), [edit, dateText, language, t, format])

  if (loadError !== null) {
    return loadError instanceof ProblemError && loadError.status === 404
      ? <p role="alert">{t('errors.not-found')}</p>
      : <ProblemAlert error={loadError} onRetry={() => setAttempt((count) => count + 1)} />
  }
  if (!detail || !edit || !current) return <p aria-busy="true">{t('app.loading')}</p>

  const pending = detail.status === 'pending'
  const corrections = correctionsOf(current, edit)
  const changed = changedFields(current, edit)
  const hasDuplicates = duplicateResults(edit.results).size > 0
  const fieldProps = { edit, onChange: (next: DraftEdit) => { setEdit(next); setNotice(null) }, text: detail.text, disabled: !pending, changed, onPoint: setPointed }

  /** Saves the corrections when there are any; returns the draft as stored. */
  async function save(): Promise<DraftDetail> {
    if (!detail || !edit || !current) throw new Error('no draft')
    const pendingCorrections = correctionsOf(current, edit)
    if (!pendingCorrections) return detail
    const next = await statementsEndpoints.correct(detail.id, { corrections: pendingCorrections, version: detail.version })
    adopt(next)
    onChanged()
    return next
  }

  async function saveNow() {
    setSaving(true)
    setSaveError(null)
    try {
      await save()
      setNotice(t('statementsScreen.save.saved'))
    } catch (failure) {
      setSaveError(failure)
    } finally {
      setSaving(false)
    }
  }

  async function accept(reportFields: AcceptDraftInput['report']) {
    const saved = await save()
    const result = await statementsEndpoints.accept(saved.id, { report: reportFields, version: saved.version })
    adopt(result.draft)
    setReport(result.report)
    onChanged()
  }

  async function reject(reason: string) {
    if (!detail) return
    adopt(await statementsEndpoints.reject(detail.id, { reason, version: detail.version }))
    onChanged()
  }

  const reportId = detail.reportId ?? report?.id ?? null
  const reportPath = reportId ? pathOf({ name: 'report', roomId: room.id, reportId }) : null
  return (
    <article className="draft-review" data-draft-id={detail.id} data-status={detail.status} aria-labelledby="draft-review-title">
      <header className="draft-meta">
        <h2 id="draft-review-title">{t('statementsScreen.review.title')}</h2>
        <span className={`status-badge status-${detail.status}`}>{t(`statementsScreen.list.status.${detail.status}`)}</span>
        <dl>
          <dt>{t('statementsScreen.review.language')}</dt><dd>{t(`statementsScreen.languages.${current.language}`)}</dd>
          <dt>{t('statementsScreen.review.published')}</dt><dd>{dateText(detail.published)}</dd>
          <dt>{t('statementsScreen.review.author')}</dt><dd>{detail.author.username}</dd>
          {detail.fileName && <><dt>{t('statementsScreen.review.source')}</dt><dd dir="auto">{detail.fileName}</dd></>}
        </dl>
        <span className="muted">{t('statementsScreen.review.confidence', { value: format.number(current.confidence, { style: 'percent' }) })}</span>
      </header>
      {current.warnings.length > 0 && (
        <div className="notice reader-warnings">
          <strong>{t('statementsScreen.review.warnings')}</strong>
          <ul>{current.warnings.map((warning) => <li key={warning} dir="auto">{warning}</li>)}</ul>
        </div>
      )}

      {detail.status === 'accepted' && (
        <div className="notice decision-done" role="status" data-testid="draft-accepted">
          <p>{report ? t('statementsScreen.accept.done') : t('statementsScreen.accept.acceptedBy', { name: detail.reviewedBy?.username ?? '', time: detail.reviewedAt ? format.dateTime(detail.reviewedAt) : '' })}</p>
          {reportPath && reportId && (
            <p><a href={reportPath} data-testid="accepted-report-link" onClick={(event) => { event.preventDefault(); navigate({ name: 'report', roomId: room.id, reportId }) }}>
              {t('statementsScreen.accept.open')}{report ? `: ${report.title}` : ''}
            </a></p>
          )}
        </div>
      )}
      {detail.status === 'rejected' && (
        <div className="notice decision-done" role="status">
          <p>{t('statementsScreen.reject.rejectedBy', { name: detail.reviewedBy?.username ?? '', time: detail.reviewedAt ? format.dateTime(detail.reviewedAt) : '' })}</p>
          <p dir="auto">{detail.rejectionReason}</p>
        </div>
      )}

      <div className="review-columns">
        <section className="statement-column" aria-labelledby="statement-text-title">
          <h3 id="statement-text-title">{t('statementsScreen.review.text')}</h3>
          <HighlightLegend />
          <HighlightedText text={detail.text} language={current.language} highlights={highlights} pointed={pointed} />
        </section>
        <section className="fields-column" aria-labelledby="draft-fields-title">
          <h3 id="draft-fields-title">{t('statementsScreen.review.fieldsTitle')}</h3>
          {!pending && <p className="muted">{t('statementsScreen.review.readOnly')}</p>}
          <EventDateField {...fieldProps} />
          <PlacesField {...fieldProps} />
          <ActorsField {...fieldProps} />
          <ResultsField {...fieldProps} />
          <OperationNameField {...fieldProps} />
          {pending && (corrections || notice || saveError !== null) && (
            <div className="save-bar" aria-live="polite">
              {corrections && <p>{t('statementsScreen.save.unsaved')}</p>}
              {notice && <p role="status">{notice}</p>}
              {saveError !== null && <ProblemAlert error={saveError} />}
              <div className="button-row">
                <button type="button" onClick={() => void saveNow()} disabled={!corrections || saving || hasDuplicates}>{saving ? t('statementsScreen.save.saving') : t('statementsScreen.save.submit')}</button>
                {corrections && <button type="button" onClick={() => setEdit(editOf(current))}>{t('statementsScreen.save.undo')}</button>}
              </div>
            </div>
          )}
          {pending && <AcceptForm room={room} text={detail.text} hasDate={edit.eventDate !== null} blocked={hasDuplicates} unsaved={corrections !== null} onAccept={accept} />}
          {pending && <RejectForm onReject={reject} />}
        </section>
      </div>
    </article>
  )
}
