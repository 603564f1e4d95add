/** The live link's state, always visible: connected, reconnecting (with when), offline; with the last update's time. */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../i18n/format.ts'
import type { ConnectionState } from '../live/live-connection.ts'

export function ConnectionStatus({ state, lastMessageAt, onReconnect }: { state: ConnectionState; lastMessageAt: number; onReconnect(): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  const seconds = 'retryAt' in state && state.retryAt ? Math.max(0, Math.ceil((state.retryAt - now) / 1000)) : 0
  let text: string
  switch (state.status) {
    case 'connecting': text = t('connection.connecting'); break
    case 'syncing': text = t('connection.syncing'); break
    case 'connected': text = t('connection.connected'); break
    case 'reconnecting': text = seconds > 0 ? t('connection.reconnectingIn', { seconds: format.number(seconds) }) : t('connection.reconnecting', { attempt: format.number(state.attempt) }); break
    case 'offline': text = t('connection.offline'); break
    case 'session-ended': text = t('connection.sessionEnded'); break
  }
  const tone = state.status === 'connected' ? 'good' : state.status === 'offline' || state.status === 'session-ended' ? 'bad' : 'waiting'
  return (
    <div className={`connection connection-${tone}`} data-connection={state.status}>
      <span role="status" aria-live="polite">
        <span className="connection-dot" aria-hidden="true" />
        {text}
      </span>
      {lastMessageAt > 0 && state.status !== 'connected' && (
        <span className="connection-last">{t('connection.lastUpdate', { time: format.relative(lastMessageAt, now) })}</span>
      )}
      {(state.status === 'reconnecting' || state.status === 'offline') && (
        <button type="button" className="link-button" onClick={onReconnect}>{t('connection.reconnectNow')}</button>
      )}
    </div>
  )
}
