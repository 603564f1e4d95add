/** Shows a failed request clearly: what happened in the reader's language, the server's detail, and the reference to quote. */
import { useTranslation } from 'react-i18next'
import { ProblemError } from '../api/api-client.ts'

export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation()
  const problem = error instanceof ProblemError ? error : new ProblemError({ status: 0, code: 'unexpected-response', title: String(error), detail: '' })
  const message = t(`errors.${problem.code}`, { defaultValue: problem.title })
  return (
    <div className="problem" role="alert">
      <p className="problem-message">{message}</p>
      {problem.detail && problem.detail !== message && <p className="problem-detail" dir="auto">{problem.detail}</p>}
      {problem.issues.length > 0 && (
        <ul className="problem-issues" dir="auto">
          {problem.issues.map((issue) => <li key={issue.path}><code>{issue.path}</code>: {issue.message}</li>)}
        </ul>
      )}
      {problem.requestId && <p className="problem-reference">{t('errors.requestId', { id: problem.requestId })}</p>}
      {onRetry && <button type="button" onClick={onRetry}>{t('app.retry')}</button>}
    </div>
  )
}
