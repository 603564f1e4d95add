/**
 * The after-action report (web page or PDF) and the joint statement, each in Arabic, Sorani and
 * English. The report downloads straight from the server; the statement is shown here to read,
 * copy or download as text — or, until every participant agreed the figures, the server's reason.
 */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { languages, type Language } from '../../i18n/i18n.ts'
import { useFormat } from '../../i18n/format.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { operationsApi, type JointStatement, type Operation, type OperationResults } from './operations-endpoints.ts'

export function DocumentsSection({ operation, results }: { operation: Operation; results: OperationResults | null }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [statementLanguage, setStatementLanguage] = useState<Language | null>(null)
  const [statement, setStatement] = useState<JointStatement | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [copied, setCopied] = useState(false)
  const [downloadUrl, setDownloadUrl] = useState<string | null>(null)
  const agreedRound = results?.agreed?.round ?? null

  useEffect(() => {
    if (!statementLanguage) return
    const controller = new AbortController()
    setStatement(null)
    setError(null)
    setCopied(false)
    operationsApi.statement(operation.id, statementLanguage, { signal: controller.signal }).then(setStatement, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure)
    })
    return () => controller.abort()
    // Read again when other figures are agreed.
  }, [operation.id, statementLanguage, agreedRound])

  useEffect(() => {
    if (!statement) return
    const url = URL.createObjectURL(new Blob([`${statement.title}\n\n${statement.text}\n`], { type: 'text/plain;charset=utf-8' }))
    setDownloadUrl(url)
    return () => URL.revokeObjectURL(url)
  }, [statement])

  const languageName = (language: Language) => t(`language.${language}`)
  return (
    <div className="operation-documents">
      <h3>{t('operationsScreen.documents.report')}</h3>
      <ul className="document-links">
        {languages.map((language) => (
          <li key={language}>
            <span lang={language}>{languageName(language)}</span>:{' '}
            <a href={operationsApi.reportUrl(operation.id, 'html', language)} target="_blank" rel="noopener" data-report={`html-${language}`}>{t('operationsScreen.documents.html')}</a>
            {' · '}
            <a href={operationsApi.reportUrl(operation.id, 'pdf', language)} download data-report={`pdf-${language}`}>{t('operationsScreen.documents.pdf')}</a>
          </li>
        ))}
      </ul>

      <h3>{t('operationsScreen.documents.statement')}</h3>
      <p className="muted">{t('operationsScreen.documents.statementIntro')}</p>
      <div className="button-row" role="group" aria-label={t('operationsScreen.documents.statement')}>
        {languages.map((language) => (
          <button key={language} type="button" aria-pressed={statementLanguage === language} data-statement={language} onClick={() => setStatementLanguage(language)}>
            {t('operationsScreen.documents.show', { language: languageName(language) })}
          </button>
        ))}
      </div>
      {error !== null && <ProblemAlert error={error} />}
      {statement && (
        <article className="statement" lang={statement.lang} dir={statement.direction} data-testid="joint-statement">
          <h4>{statement.title}</h4>
          {statement.text.split(/\n{2,}/).map((paragraph, index) => <p key={index}>{paragraph}</p>)}
          <p className="muted" dir={document.documentElement.dir}>{t('operationsScreen.documents.agreedRound', { round: format.number(statement.agreedRound) })}</p>
          <div className="button-row" dir={document.documentElement.dir}>
            <button type="button" onClick={() => void navigator.clipboard?.writeText(`${statement.title}\n\n${statement.text}`).then(() => setCopied(true))}>{t('operationsScreen.documents.copy')}</button>
            {downloadUrl && <a href={downloadUrl} download={`joint-statement-${statement.lang}.txt`}>{t('operationsScreen.documents.download')}</a>}
            {copied && <span role="status">{t('operationsScreen.documents.copied')}</span>}
          </div>
        </article>
      )}
    </div>
  )
}
