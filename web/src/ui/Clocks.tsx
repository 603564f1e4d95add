/** The time in the user's zone and in the room's, side by side (a watch log is kept in the room's time). */
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../i18n/format.ts'

export function Clocks({ roomTimeZone }: { roomTimeZone: string }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [now, setNow] = useState(() => new Date())
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 15_000)
    return () => clearInterval(timer)
  }, [])
  const userZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  return (
    <div className="clocks">
      <span title={userZone}>{t('clock.yours')} <time dateTime={now.toISOString()}>{format.time(now)}</time></span>
      {userZone !== roomTimeZone && (
        <span title={roomTimeZone}>{t('clock.room')} <time dateTime={now.toISOString()}>{format.time(now, roomTimeZone)}</time> <small>{format.zoneName(roomTimeZone, now)}</small></span>
      )}
    </div>
  )
}
