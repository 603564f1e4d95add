/**
 * The analyst's screen (/rooms/:room/statements[/:draft]): the drafts of their organization on
 * one side; on the other, a statement to paste and read, or the review of one draft. A page of its
 * own rather than a tab of the room, because the statement and its fields need the width.
 */
import '../reports/reports.css'
import './statements.css'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useReferenceData } from '../../app/reference-data.tsx'
import { navigate, pathOf } from '../../app/routes.ts'
import { useUser } from '../../app/session.tsx'
import type { Language } from '../../i18n/i18n.ts'
import { AppHeader } from '../../ui/AppHeader.tsx'
import { RoomProblem, useRoom } from '../rooms/use-room.tsx'
import { localName } from '../../ui/organizations.ts'
import { ingestReaderRoles } from '../../../../src/platform/auth/roles.ts'
import { DraftList } from './DraftList.tsx'
import { DraftReview } from './DraftReview.tsx'
import { StatementInput } from './StatementInput.tsx'

export function StatementsScreen({ roomId, draftId }: { roomId: string; draftId: string | null }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const { config } = useReferenceData()
  const user = useUser()
  const { room, error, retry } = useRoom(roomId)
  const [refreshKey, setRefreshKey] = useState(0)

  const roomName = room ? localName(room.names, language) : ''
  useEffect(() => {
    document.title = `${t('statementsScreen.screenTitle')} — ${roomName || t('app.name')}`
  }, [roomName, t])

  const roomPath = pathOf({ name: 'room', roomId })
  const newPath = pathOf({ name: 'statements', roomId })
  const mayRead = ingestReaderRoles.includes(user.role)
  return (
    <div className="page statements-screen reports-scope">
      <AppHeader>
        <a className="back-link" href={roomPath} onClick={(event) => { event.preventDefault(); navigate({ name: 'room', roomId }) }} title={t('statementsScreen.backToRoom')}>
          <span aria-hidden="true">{document.documentElement.dir === 'rtl' ? '→' : '←'}</span>
          <span className="visually-hidden">{t('statementsScreen.backToRoom')}</span>
        </a>
        <h1 className="room-title" dir="auto">{t('statementsScreen.screenTitle')}{roomName ? ` — ${roomName}` : ''}</h1>
      </AppHeader>
      {error !== null ? (
        <main id="main" className="screen-centre">
          <RoomProblem error={error} onRetry={retry} />
        </main>
      ) : (
        <div className="statements-body">
          <nav className="drafts-sidebar" aria-labelledby="drafts-title">
            <h2 id="drafts-title">{t('statementsScreen.list.title')}</h2>
            {mayRead && (
              <a className="button-link primary" href={newPath} aria-current={draftId === null ? 'page' : undefined} onClick={(event) => { event.preventDefault(); navigate({ name: 'statements', roomId }) }}>
                {t('statementsScreen.readNew')}
              </a>
            )}
            <DraftList roomId={roomId} selectedId={draftId} refreshKey={refreshKey} />
          </nav>
          <main id="main" className="statements-main" tabIndex={-1}>
            {!room && <p aria-busy="true">{t('app.loading')}</p>}
            {room && draftId && <DraftReview key={draftId} draftId={draftId} room={room} onChanged={() => setRefreshKey((count) => count + 1)} />}
            {room && !draftId && mayRead && (
              <StatementInput roomTimeZone={config.roomTimeZone} onRead={(draft) => {
                setRefreshKey((count) => count + 1)
                navigate({ name: 'statements', roomId, draftId: draft.id })
              }} />
            )}
            {room && !draftId && !mayRead && <p className="muted">{t('errors.forbidden')}</p>}
          </main>
        </div>
      )}
    </div>
  )
}
