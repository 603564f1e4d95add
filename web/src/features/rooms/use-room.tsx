/** A room's record for the screens of one room (the room itself, its statements): loading, failure, retry. */
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemError } from '../../api/api-client.ts'
import { endpoints } from '../../api/endpoints.ts'
import type { Room } from '../../api/server-types.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'

export interface LoadedRoom {
  /** null until loaded. */
  room: Room | null
  /** The failure of the last attempt, or null. */
  error: unknown
  retry(): void
}

/** Loads the room's record; `started` is one already being fetched (room-opening.ts), used for the first attempt. */
export function useRoom(roomId: string, started: Promise<Room> | null = null): LoadedRoom {
  const [room, setRoom] = useState<Room | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    setError(null)
    const request = attempt === 0 && started ? started : endpoints.room(roomId, { signal: controller.signal })
    request.then((loaded) => {
      if (!controller.signal.aborted) setRoom(loaded)
    }, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure)
    })
    return () => controller.abort()
  }, [roomId, attempt, started])
  const retry = useCallback(() => setAttempt((count) => count + 1), [])
  return { room, error, retry }
}

/** Why the room could not be shown: not found (or not released to the reader), or the problem with a retry. */
export function RoomProblem({ error, onRetry }: { error: unknown; onRetry(): void }) {
  const { t } = useTranslation()
  return error instanceof ProblemError && error.status === 404 ? <p role="alert">{t('room.notFound')}</p> : <ProblemAlert error={error} onRetry={onRetry} />
}
