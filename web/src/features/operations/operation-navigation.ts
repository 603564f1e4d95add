/**
 * Which view of the operations tab is shown (the list, a board, the form), kept for the browser
 * tab's session per room; and opening one operation's board from elsewhere on the page (its shapes'
 * popup on the map): the tab is shown, and the board opened whether the tab was mounted or not.
 */
import { showRoomPanel } from '../room/panel-requests.ts'

export type OperationsView = { kind: 'list' } | { kind: 'board'; operationId: string } | { kind: 'new' }

const viewKey = (roomId: string) => `tansiq.operations-view.${roomId}`
const openEvent = 'tansiq:open-operation'

export function savedOperationsView(roomId: string): OperationsView {
  try {
    const saved = JSON.parse(sessionStorage.getItem(viewKey(roomId)) ?? 'null') as OperationsView | null
    if (saved?.kind === 'board' && typeof saved.operationId === 'string') return saved
  } catch {
    // a damaged value: the list
  }
  return { kind: 'list' }
}

export function saveOperationsView(roomId: string, view: OperationsView): void {
  sessionStorage.setItem(viewKey(roomId), JSON.stringify(view))
}

/** Shows the operations tab with this operation's board. */
export function openOperationBoard(roomId: string, operationId: string): void {
  saveOperationsView(roomId, { kind: 'board', operationId })
  window.dispatchEvent(new CustomEvent(openEvent, { detail: { roomId, operationId } }))
  showRoomPanel('operations')
}

/** Calls `onOpen` when a board of this room is asked for while the tab is shown; returns what stops listening. */
export function listenForOpenRequests(roomId: string, onOpen: (operationId: string) => void): () => void {
  const listener = (event: Event) => {
    const detail = (event as CustomEvent<{ roomId: string; operationId: string }>).detail
    if (detail.roomId === roomId) onOpen(detail.operationId)
  }
  window.addEventListener(openEvent, listener)
  return () => window.removeEventListener(openEvent, listener)
}
