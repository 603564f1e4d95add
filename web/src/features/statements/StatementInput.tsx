/** Pasting a statement (or loading a text file) to be read: the reader's draft is kept for review by the analyst's organization. */
import { useId, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { maxStatementBytes } from '../../../../src/ingest/core/draft-review.ts'
import { useSizeText } from '../reports/report-format.ts'
import { todayIn } from '../reports/zoned-time.ts'
import { statementsEndpoints, type DraftDetail } from './statements-endpoints.ts'


export function StatementInput({ roomTimeZone, onRead }: { roomTimeZone: string; onRead(draft: DraftDetail): void }) {
  const { t } = useTranslation()
  const sizeText = useSizeText()
  const id = useId()
  const [text, setText] = useState('')
  const [published, setPublished] = useState(() => todayIn(roomTimeZone))
  const [source, setSource] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [problem, setProblem] = useState<string | null>(null)

  async function load(file: File | undefined) {
    if (!file) return
    if (file.size > maxStatementBytes) return setProblem(t('reportsScreen.form.tooLarge', { name: file.name, size: sizeText(maxStatementBytes) }))
    setProblem(null)
    setText(await file.text())
    if (source.trim() === '') setSource(file.name)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (text.trim() === '') return setProblem(t('statementsScreen.input.empty'))
    setProblem(null)
    setError(null)
    setBusy(true)
    try {
      onRead(await statementsEndpoints.createDraft({ text, published, ...(source.trim() ? { fileName: source.trim() } : {}) }))
    } catch (failure) {
      setError(failure)
      setBusy(false)
    }
  }

  return (
    <form className="statement-input" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('statementsScreen.input.title')}</h2>
      <p className="muted">{t('statementsScreen.input.intro')}</p>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('statementsScreen.input.text')}</label>
        <textarea id={`${id}-text`} className="statement-textarea" dir="auto" rows={12} value={text} onChange={(event) => setText(event.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-published`}>{t('statementsScreen.input.published')}</label>
          <input id={`${id}-published`} type="date" required value={published} onChange={(event) => setPublished(event.target.value)} aria-describedby={`${id}-published-hint`} />
          <p id={`${id}-published-hint`} className="field-hint">{t('statementsScreen.input.publishedHint')}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-source`}>{t('statementsScreen.input.source')}</label>
          <input id={`${id}-source`} dir="auto" maxLength={255} value={source} onChange={(event) => setSource(event.target.value)} aria-describedby={`${id}-source-hint`} />
          <p id={`${id}-source-hint`} className="field-hint">{t('statementsScreen.input.sourceHint')}</p>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('statementsScreen.input.file')}</label>
        <input id={`${id}-file`} type="file" accept=".txt,text/plain" onChange={(event) => { void load(event.target.files?.[0]); event.target.value = '' }} />
      </div>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      {error !== null && <ProblemAlert error={error} />}
      <button type="submit" className="primary" disabled={busy}>{busy ? t('statementsScreen.input.submitting') : t('statementsScreen.input.submit')}</button>
    </form>
  )
}
