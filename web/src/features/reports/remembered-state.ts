/**
 * State that outlives its component for the life of the page: the room's side panel shows only
 * the active tab, so a half-filled report form would be lost on a glance at another tab. Kept in
 * memory only (never in storage: a report may be sensitive), and forgotten once used.
 */
import { useCallback, useState } from 'react'

const memory = new Map<string, unknown>()

/** Like useState, but the value is remembered under `key` when the component unmounts. */
export function useRemembered<T>(key: string, initial: T | (() => T)): [T, (next: T | ((previous: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => (memory.has(key) ? (memory.get(key) as T) : initial instanceof Function ? initial() : initial))
  const set = useCallback((next: T | ((previous: T) => T)) => {
    setValue((previous) => {
      const resolved = next instanceof Function ? next(previous) : next
      memory.set(key, resolved)
      return resolved
    })
  }, [key])
  return [value, set]
}

/** Forgets every value whose key starts with the prefix (a form sent or cancelled). */
export function forgetRemembered(prefix: string): void {
  for (const key of [...memory.keys()]) if (key.startsWith(prefix)) memory.delete(key)
}
