/** The analyst's decision on a pending draft: accept it as a report of the room (type, title, grading, release), or reject it with a reason. */
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Report, Room } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { AdmiraltyFields, type Grading } from '../reports/AdmiraltyFields.tsx'
import { mayWidenRelease, ReleaseChooser, type Release } from '../reports/ReleaseChooser.tsx'
import type { AcceptDraftInput } from './statements-endpoints.ts'

const reportTypes: ReadonlyArray<Report['type']> = ['incident', 'sigact', 'intelligence']

/** The statement's first line (often its headline), as a report title. */
export function titleFromText(text: string): string {
  const line = text.split(/\r?\n/).map((part) => part.trim()).find((part) => part !== '') ?? ''
  return line.length > 300 ? `${line.slice(0, 299)}…` : line
}

export function AcceptForm({ room, text, hasDate, blocked, unsaved, onAccept }: {
  room: Room
  text: string
  hasDate: boolean
  /** The fields have a mistake to mend first (shown beside them). */
  blocked: boolean
  unsaved: boolean
  onAccept(report: AcceptDraftInput['report']): Promise<void>
}) {
  const { t } = useTranslation()
  const user = useUser()
  const id = useId()
  const [type, setType] = useState<Report['type']>('incident')
  const [title, setTitle] = useState(() => titleFromText(text))
  const [grading, setGrading] = useState<Grading>({ reliability: '', credibility: 0 })
  const [release, setRelease] = useState<Release>({ scope: 'originator' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [missing, setMissing] = useState<string | null>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const absent = [
      title.trim() === '' && t('statementsScreen.accept.reportTitle'),
      grading.reliability === '' && t('reportsScreen.form.reliability'),
      grading.credibility === 0 && t('reportsScreen.form.credibility'),
    ].filter((name): name is string => typeof name === 'string')
    if (absent.length > 0) return setMissing(t('reportsScreen.form.required', { fields: absent.join(' · ') }))
    setMissing(null)
    setError(null)
    setBusy(true)
    try {
      await onAccept({
        type, title: title.trim(), roomId: room.id, release,
        sourceReliability: grading.reliability as Exclude<Grading['reliability'], ''>, informationCredibility: grading.credibility,
      })
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="decision-form accept-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('statementsScreen.accept.title')}</h3>
      <p className="field-hint">{t('statementsScreen.accept.room')}</p>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('statementsScreen.accept.type')}</label>
          <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value as Report['type'])}>
            {reportTypes.map((value) => <option key={value} value={value}>{t(`reportType.${value}`)}</option>)}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-report-title`}>{t('statementsScreen.accept.reportTitle')}</label>
        <input id={`${id}-report-title`} dir="auto" maxLength={300} value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <AdmiraltyFields value={grading} onChange={setGrading} />
      <ReleaseChooser value={release} onChange={setRelease} roomId={room.id} organizationIds={room.memberOrganizationIds} ownOrganizationId={user.organizationId} canWiden={mayWidenRelease(user.role)} />
      {!hasDate && <p className="field-error" role="alert">{t('statementsScreen.accept.needsDate')}</p>}
      {unsaved && hasDate && <p className="field-hint">{t('statementsScreen.accept.savesFirst')}</p>}
      {missing && <p className="field-error" role="alert">{missing}</p>}
      {error !== null && <ProblemAlert error={error} />}
      <button type="submit" className="primary" disabled={busy || !hasDate || blocked}>{busy ? t('statementsScreen.accept.submitting') : t('statementsScreen.accept.submit')}</button>
    </form>
  )
}

export function RejectForm({ onReject }: { onReject(reason: string): Promise<void> }) {
  const { t } = useTranslation()
  const id = useId()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (reason.trim() === '') return
    setError(null)
    setBusy(true)
    try {
      await onReject(reason.trim())
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="decision-form reject-form" onSubmit={(event) => void submit(event)} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{t('statementsScreen.reject.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-reason`}>{t('statementsScreen.reject.reason')}</label>
        <textarea id={`${id}-reason`} dir="auto" rows={2} maxLength={2000} required value={reason} onChange={(event) => setReason(event.target.value)} />
      </div>
      {error !== null && <ProblemAlert error={error} />}
      <button type="submit" disabled={busy || reason.trim() === ''}>{busy ? t('statementsScreen.reject.submitting') : t('statementsScreen.reject.submit')}</button>
    </form>
  )
}
