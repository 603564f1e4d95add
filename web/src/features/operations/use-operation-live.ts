/**
 * The board follows the room's live picture: its own data is read from the API, and read again (or
 * taken from the live message) when the live connection says something of it changed. Changes are
 * seen through the picture's feed, which keeps each change with its object (or the object before
 * a removal), so a cancelled operation's removed features still name their operation.
 */
import { useEffect, useRef } from 'react'
import type { Layer } from '../../api/server-types.ts'
import type { FeedEntry } from '../../live/live-picture.ts'
import { useLiveRoom } from '../../live/use-live-picture.ts'

/**
 * Calls `onChange` with the matching feed entries each time live changes arrive (at most once per
 * frame), and with none after a fresh snapshot of one of `layers` (which replaces objects without
 * feed entries: a reconnection after a long break).
 */
export function useLiveChanges(layers: readonly Layer[], match: (entry: FeedEntry) => boolean, onChange: (entries: FeedEntry[]) => void): void {
  const { picture } = useLiveRoom()
  const matchRef = useRef(match)
  const changeRef = useRef(onChange)
  useEffect(() => {
    matchRef.current = match
    changeRef.current = onChange
  })
  const layersKey = layers.join(',')
  useEffect(() => {
    const watched = new Set(layersKey.split(','))
    let lastKey = picture.feed()[0]?.key ?? 0
    return picture.subscribe((changed) => {
      if (![...changed].some((layer) => watched.has(layer))) return
      const entries = picture.feed()
      const fresh: FeedEntry[] = []
      for (const entry of entries) {
        if (entry.key <= lastKey) break
        fresh.push(entry)
      }
      lastKey = entries[0]?.key ?? lastKey
      const matching = fresh.filter((entry) => watched.has(entry.layer) && matchRef.current(entry))
      if (matching.length > 0) changeRef.current(matching.reverse())
      else if (fresh.length === 0) changeRef.current([]) // a snapshot: the board reads again
    })
  }, [picture, layersKey])
}

/** The operation a live object of the operations layers belongs to. */
export function operationIdOf(entry: FeedEntry): string | null {
  const object = entry.object as { operationId?: unknown } | null
  if (entry.layer === 'operation-results') return entry.id
  return typeof object?.operationId === 'string' ? object.operationId : null
}
