/**
 * What a screen shows from one request to the server, with its failure and a way to ask again: the
 * one "load, show the problem, retry" of the panels (operations, log, movement detail, drafts,
 * reports, rooms).
 */
import { useCallback, useEffect, useState } from 'react'

export interface Loaded<T> {
  /** The last value received, or null before the first. */
  value: T | null
  /** Why the latest request failed, or null. */
  error: unknown
  /** Asks again (the retry button, a live change): the problem shown goes until the answer comes. */
  reload(): void
  /** Changes the value shown without asking the server (an entry the user has just added). */
  update(change: (current: T | null) => T | null): void
}

/**
 * Calls `load` when the component mounts, again whenever one of `dependencies` changes, and on
 * `reload()`. The last value stays shown while a new one loads, so a live reload over a bad link
 * does not blank the screen; a request no longer wanted (unmounted, or overtaken by the next) is
 * aborted and its answer ignored.
 */
export function useLoaded<T>(load: (signal: AbortSignal) => Promise<T>, dependencies: readonly unknown[]): Loaded<T> {
  const [value, setValue] = useState<T | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    const controller = new AbortController()
    load(controller.signal).then((loaded) => {
      if (controller.signal.aborted) return
      setValue(loaded)
      setError(null)
    }, (failure: unknown) => {
      if (!controller.signal.aborted) setError(failure)
    })
    return () => controller.abort()
    // `load` is the caller's closure over what `dependencies` lists: those, not its identity, say when to ask again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...dependencies, attempt])
  const reload = useCallback(() => {
    setError(null)
    setAttempt((count) => count + 1)
  }, [])
  return { value, error, reload, update: setValue }
}
