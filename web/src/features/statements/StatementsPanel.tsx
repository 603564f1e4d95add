/** The room's statements tab: the drafts awaiting review, and the way to the review screen to read a new statement. */
import '../reports/reports.css'
import './statements.css'
import { useTranslation } from 'react-i18next'
import { navigate, pathOf } from '../../app/routes.ts'
import { useUser } from '../../app/session.tsx'
import { ingestReaderRoles } from '../../../../src/platform/auth/roles.ts'
import { DraftList } from './DraftList.tsx'

export function StatementsPanel({ roomId }: { roomId: string }) {
  const { t } = useTranslation()
  const user = useUser()
  const screen = { name: 'statements' as const, roomId }
  return (
    <section className="statements-panel reports-scope" aria-labelledby="statements-panel-title">
      <div className="panel-heading">
        <h2 id="statements-panel-title">{t('statementsScreen.awaiting')}</h2>
        <a className="button-link primary" href={pathOf(screen)} onClick={(event) => { event.preventDefault(); navigate(screen) }}>
          {ingestReaderRoles.includes(user.role) ? t('statementsScreen.readNew') : t('statementsScreen.openScreen')}
        </a>
      </div>
      <DraftList roomId={roomId} chooseStatus={false} emptyText={t('statementsScreen.noneAwaiting')} />
    </section>
  )
}
