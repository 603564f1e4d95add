/** React access to the live picture and its connection: one connection per room screen. */
import { createContext, useCallback, useContext, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { ProblemError } from '../api/api-client.ts'
import { endpoints } from '../api/endpoints.ts'
import type { Layer } from '../api/server-types.ts'
import { LiveConnection, type ConnectionState } from './live-connection.ts'
import { LivePicture } from './live-picture.ts'

export interface LiveRoom {
  picture: LivePicture
  connection: LiveConnection
  /** Tells the connection's state as it changes; returns the unsubscribe. */
  watchState(listener: (state: ConnectionState) => void): () => void
}

export const LiveRoomContext = createContext<LiveRoom | null>(null)

export function useLiveRoom(): LiveRoom {
  const live = useContext(LiveRoomContext)
  if (!live) throw new Error('useLiveRoom outside a room')
  return live
}

/** A live picture and its connection, not yet subscribed. */
export function createLiveRoom(): LiveRoom {
  const picture = new LivePicture()
  const stateListeners = new Set<(state: ConnectionState) => void>()
  const connection = new LiveConnection({
    sink: picture,
    onState: (state) => {
      for (const listener of stateListeners) listener(state)
    },
    sessionAlive: async () => {
      try {
        await endpoints.me({ timeoutMs: 10_000 })
        return true
      } catch (error) {
        return !(error instanceof ProblemError && error.status === 401)
      }
    },
  })
  return {
    picture, connection,
    watchState(listener) {
      stateListeners.add(listener)
      return () => stateListeners.delete(listener)
    },
  }
}

/**
 * The live connection of a room for these layers, closed when the room screen goes: the one
 * begun before the screen's code arrived (room-opening.ts) when there is one, else a new one.
 */
export function useLiveConnection(roomId: string, layers: readonly Layer[], onSessionEnded: () => void, started: LiveRoom | null = null): { live: LiveRoom; state: ConnectionState } {
  const [live] = useState<LiveRoom>(() => started ?? createLiveRoom())
  const [state, setState] = useState<ConnectionState>(() => live.connection.state)
  useEffect(() => {
    setState(live.connection.state)
    return live.watchState(setState)
  }, [live])
  const layersKey = [...layers].sort().join(',')
  useEffect(() => {
    const subscription = { roomId, layers: layersKey.split(',') as Layer[] }
    if (live.connection.isSubscribedTo(subscription)) return // begun early: its snapshot is kept
    live.picture.reset()
    live.connection.subscribe(subscription)
  }, [live, roomId, layersKey])
  useEffect(() => () => live.connection.close(), [live])
  useEffect(() => {
    if (state.status === 'session-ended') onSessionEnded()
  }, [state, onSessionEnded])
  return { live, state }
}

export interface PictureVersionOptions {
  /** Only changes of these layers count (all layers when left out). */
  layers?: readonly Layer[]
  /** At most one re-render per this many ms for changes of position reports alone (default 1000). */
  positionsEveryMs?: number
}

/** Layers whose changes come many times a second: panels are told of them at most every `positionsEveryMs`. */
const frequentLayers: ReadonlySet<Layer> = new Set(['positions'])

/**
 * Re-renders when the live picture changes; returns a number that changes with it. Changes are
 * batched per animation frame; position reports alone (hundreds a second in a busy room) re-render
 * at most once a second, so a panel costs nothing per message. The map does not use this: it takes
 * the changed objects from the picture directly (MapView).
 */
export function usePictureVersion(options: PictureVersionOptions = {}): number {
  const { picture } = useLiveRoom()
  const { layers, positionsEveryMs = 1000 } = options
  const layersKey = layers?.join(',') ?? ''
  const version = useRef(0)
  const subscribe = useCallback((onChange: () => void) => {
    const wanted = layersKey === '' ? null : new Set(layersKey.split(','))
    let timer: ReturnType<typeof setTimeout> | null = null
    let lastFrequent = 0
    const tell = () => {
      version.current++
      onChange()
    }
    const unsubscribe = picture.subscribe((changed) => {
      let other = false
      let frequent = false
      for (const layer of changed) {
        if (wanted && !wanted.has(layer)) continue
        if (frequentLayers.has(layer)) frequent = true
        else other = true
      }
      if (other) {
        if (timer) clearTimeout(timer)
        timer = null
        if (frequent) lastFrequent = performance.now()
        tell()
      } else if (frequent && !timer) {
        const wait = positionsEveryMs - (performance.now() - lastFrequent)
        if (wait <= 0) {
          lastFrequent = performance.now()
          tell()
        } else {
          timer = setTimeout(() => {
            timer = null
            lastFrequent = performance.now()
            tell()
          }, wait)
        }
      }
    })
    return () => {
      if (timer) clearTimeout(timer)
      unsubscribe()
    }
  }, [picture, layersKey, positionsEveryMs])
  return useSyncExternalStore(subscribe, () => version.current)
}
