/**
 * The room's operations tab: the list of the room's joint operations with their status, one
 * operation's board, or the form of a new one. Which is shown is kept for the browser tab's
 * session, so leaving the tab for the map's layers and coming back returns to the same board.
 */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Room } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useLoaded } from '../../ui/use-loaded.ts'
import { localName } from '../../ui/organizations.ts'
import { listenForOpenRequests, saveOperationsView, savedOperationsView, type OperationsView } from './operation-navigation.ts'
import { mayPlan } from './operation-permissions.ts'
import { OperationBoard } from './OperationBoard.tsx'
import { OperationForm } from './OperationForm.tsx'
import { operationsApi } from './operations-endpoints.ts'
import { OrganizationTag, StatusBadge } from './operations-ui.tsx'
import { useLiveChanges } from './use-operation-live.ts'
import './operations.css'

export function OperationsPanel({ room, roomTimeZone }: { room: Room; roomTimeZone: string }) {
  const [view, setViewState] = useState<OperationsView>(() => savedOperationsView(room.id))
  const setView = useCallback((next: OperationsView) => {
    setViewState(next)
    saveOperationsView(room.id, next)
  }, [room.id])
  const toList = useCallback(() => setView({ kind: 'list' }), [setView])
  // A board asked for from the map: shown, unless a new operation's form is open (its work is kept).
  const drafting = view.kind === 'new'
  useEffect(() => listenForOpenRequests(room.id, (operationId) => {
    if (!drafting) setViewState({ kind: 'board', operationId })
  }), [room.id, drafting])

  // The tab's root: operations.css scopes its rules under it.
  return (
    <div className="operations-scope">
      {view.kind === 'board' && <OperationBoard key={view.operationId} operationId={view.operationId} roomTimeZone={roomTimeZone} onBack={toList} />}
      {view.kind === 'new' && <OperationForm room={room} roomTimeZone={roomTimeZone} onCancel={toList} onCreated={(operationId) => setView({ kind: 'board', operationId })} />}
      {view.kind === 'list' && <OperationList roomId={room.id} roomTimeZone={roomTimeZone} onOpen={(operationId) => setView({ kind: 'board', operationId })} onNew={() => setView({ kind: 'new' })} />}
    </div>
  )
}

function OperationList({ roomId, roomTimeZone, onOpen, onNew }: { roomId: string; roomTimeZone: string; onOpen(id: string): void; onNew(): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const { value: operations, error, reload } = useLoaded((signal) => operationsApi.list(roomId, { signal }), [roomId])

  // A status changes, an operation appears or is cancelled: read the list again.
  useLiveChanges(['operations'], () => true, reload)

  return (
    <section className="operations-panel" aria-labelledby="operations-title">
      <div className="operations-heading">
        <h2 id="operations-title">{t('operationsScreen.title')}</h2>
        {mayPlan(user) && <button type="button" onClick={onNew}>{t('operationsScreen.newOperation')}</button>}
      </div>
      {error !== null && <ProblemAlert error={error} onRetry={reload} />}
      {operations === null && error === null && <p className="muted" aria-busy="true">{t('operationsScreen.loadingList')}</p>}
      {operations?.length === 0 && <p className="muted">{t('operationsScreen.none')}</p>}
      <ul className="operation-list">
        {operations?.map((operation) => {
          const name = localName(operation.names, language)
          return (
            <li key={operation.id} data-operation-id={operation.id}>
              <button type="button" className="operation-card" onClick={() => onOpen(operation.id)} aria-label={t('operationsScreen.open', { name })}>
                <span className="operation-card-name" dir="auto">{name}</span>
                <StatusBadge status={operation.status} />
                <span className="operation-card-meta">
                  {t('operationsScreen.hHour')}: <time dateTime={operation.hHour}>{format.dateTime(operation.hHour, roomTimeZone)}</time>
                </span>
                <span className="operation-card-meta"><OrganizationTag organizationId={operation.organizationId} /></span>
              </button>
            </li>
          )
        })}
      </ul>
    </section>
  )
}
