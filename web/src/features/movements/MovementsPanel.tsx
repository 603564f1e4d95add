/**
 * The room's movements tab: the inbox of movements that concern the user's organization, one
 * movement's detail, and the form to notify one. Which of the three is shown is kept per room
 * while the page lives, so switching to another tab and back returns to it.
 */
import { useCallback, useState } from 'react'
import type { Room } from '../../api/server-types.ts'
import { MovementDetailView } from './MovementDetailView.tsx'
import { MovementForm } from './MovementForm.tsx'
import { MovementInbox } from './MovementInbox.tsx'
import { viewChange } from './movement-parts.tsx'
import './movements.css'

export type MovementsView = { name: 'inbox' } | { name: 'detail'; id: string } | { name: 'new' }

const savedViews = new Map<string, MovementsView>()

export function MovementsPanel({ room, roomTimeZone }: { room: Room; roomTimeZone: string }) {
  const [view, setViewState] = useState<MovementsView>(() => savedViews.get(room.id) ?? { name: 'inbox' })
  const show = useCallback((next: MovementsView) => {
    viewChange.pending = true
    savedViews.set(room.id, next)
    setViewState(next)
  }, [room.id])
  return (
    <div className="movements-panel">
      {view.name === 'inbox' && <MovementInbox roomId={room.id} roomTimeZone={roomTimeZone} show={show} />}
      {view.name === 'detail' && <MovementDetailView key={view.id} id={view.id} roomTimeZone={roomTimeZone} show={show} />}
      {view.name === 'new' && <MovementForm room={room} roomTimeZone={roomTimeZone} show={show} />}
    </div>
  )
}
