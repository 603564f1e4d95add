/**
 * Asking the room screen to show one tab of its side panel from elsewhere on the page (e.g. a
 * popup on the map opening an operation's board). The room screen listens while it is shown.
 */
const eventName = 'tansiq:show-room-panel'

export function showRoomPanel(panelId: string): void {
  window.dispatchEvent(new CustomEvent<string>(eventName, { detail: panelId }))
}

/** Calls `onShow` with the tab asked for; returns what stops listening. */
export function listenForPanelRequests(onShow: (panelId: string) => void): () => void {
  const listener = (event: Event) => onShow((event as CustomEvent<string>).detail)
  window.addEventListener(eventName, listener)
  return () => window.removeEventListener(eventName, listener)
}
