/** Drafts of the analyst's organization, newest first: by default those awaiting review; each opens its review. */
import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { navigate, pathOf } from '../../app/routes.ts'
import { useFormat } from '../../i18n/format.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useLoaded } from '../../ui/use-loaded.ts'
import { statementsEndpoints, type DraftStatus } from './statements-endpoints.ts'
import { useDateText } from './statement-format.ts'

const statuses: readonly DraftStatus[] = ['pending', 'accepted', 'rejected']

export function DraftList({ roomId, selectedId, refreshKey, chooseStatus = true, emptyText }: {
  roomId: string
  selectedId?: string | null
  /** Changing it loads the list again (after a draft was read, corrected, accepted or rejected). */
  refreshKey?: number
  chooseStatus?: boolean
  emptyText?: string
}) {
  const { t } = useTranslation()
  const format = useFormat()
  const dateText = useDateText()
  const id = useId()
  const [status, setStatus] = useState<DraftStatus | 'all'>('pending')
  const { value: drafts, error, reload } = useLoaded((signal) => statementsEndpoints.drafts(status === 'all' ? undefined : status, { signal }), [status, refreshKey])

  return (
    <div className="draft-list">
      <div className="draft-list-controls">
        {chooseStatus && (
          <>
            <label htmlFor={`${id}-status`}>{t('statementsScreen.list.show')}</label>
            <select id={`${id}-status`} value={status} onChange={(event) => setStatus(event.target.value as DraftStatus | 'all')}>
              {statuses.map((value) => <option key={value} value={value}>{t(`statementsScreen.list.status.${value}`)}</option>)}
              <option value="all">{t('statementsScreen.list.all')}</option>
            </select>
          </>
        )}
        <button type="button" className="link-button" onClick={reload}>{t('statementsScreen.list.refresh')}</button>
      </div>
      {error !== null && <ProblemAlert error={error} onRetry={reload} />}
      {drafts === null && error === null && <p className="muted" aria-busy="true">{t('app.loading')}</p>}
      {drafts?.length === 0 && <p className="muted">{emptyText ?? t('statementsScreen.list.none')}</p>}
      <ul>
        {drafts?.map((draft) => {
          const route = { name: 'statements' as const, roomId, draftId: draft.id }
          return (
            <li key={draft.id}>
              <a className="draft-item" href={pathOf(route)} aria-current={draft.id === selectedId ? 'page' : undefined} data-draft-id={draft.id}
                onClick={(event) => { event.preventDefault(); navigate(route) }}>
                <span className="draft-excerpt" dir="auto" lang={draft.language}>{draft.excerpt}</span>
                <span className="draft-item-meta">
                  <span className={`status-badge status-${draft.status}`}>{t(`statementsScreen.list.status.${draft.status}`)}</span>
                  {' '}{t('statementsScreen.list.published', { date: dateText(draft.published) })} · {t('statementsScreen.list.by', { name: draft.author.username })}
                  {draft.correctedFields.length > 0 && <> · {t('statementsScreen.list.corrected', { count: format.number(draft.correctedFields.length) })}</>}
                </span>
              </a>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
