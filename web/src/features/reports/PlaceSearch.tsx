/**
 * Finds a place of the gazetteer by name in any script or spelling (Arabic, Sorani, Latin): a
 * combobox (WAI-ARIA pattern) asking GET /api/places as the user types; arrow keys choose, Enter
 * takes, Escape closes. Each answer shows the name in the reader's language, its other names, its
 * kind and where it lies, so two villages of one name can be told apart.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ProblemError } from '../../api/api-client.ts'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { localName } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { placeSearchLimits } from '../../../../src/places/places-schemas.ts'
import { reportsEndpoints, type PlaceSearchHit } from './reports-endpoints.ts'

const waitMs = 180

/** A place's other names than the one shown, distinct. */
export function otherNames(place: Pick<PlaceSearchHit, 'names'>, shown: string): string[] {
  return [...new Set([place.names.ar, place.names.ckb, place.names.en].filter((name): name is string => !!name && name !== shown))]
}

/** "village · Tuz Khurmatu, Salahuddin" (the gazetteer names districts and governorates in English). */
export function placeWhere(place: Pick<PlaceSearchHit, 'kind' | 'district' | 'governorate'>, kindName: string): string {
  return [kindName, [place.district, place.governorate].filter((part, index, all) => part && all.indexOf(part) === index).join(', ')].filter(Boolean).join(' · ')
}

export function PlaceSearch({ label, onSelect, near, initialQuery = '', autoFocus = false }: {
  label: string
  onSelect(place: PlaceSearchHit): void
  near?: { lat: number; lon: number } | undefined
  initialQuery?: string
  autoFocus?: boolean
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const id = useId()
  const [query, setQuery] = useState(initialQuery)
  const [hits, setHits] = useState<PlaceSearchHit[]>([])
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const [searching, setSearching] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const listRef = useRef<HTMLUListElement>(null)
  const nearKey = near ? `${near.lat.toFixed(3)},${near.lon.toFixed(3)}` : ''

  useEffect(() => {
    const text = query.trim()
    if (text.length < 2) {
      setHits([])
      setSearching(false)
      return
    }
    const controller = new AbortController()
    setSearching(true)
    const timer = setTimeout(() => {
      const [lat, lon] = nearKey ? nearKey.split(',').map(Number) : []
      reportsEndpoints.searchPlaces(text.slice(0, placeSearchLimits.queryCharacters), { signal: controller.signal, ...(nearKey ? { near: { lat: lat!, lon: lon! } } : {}) }).then((found) => {
        setHits(found)
        setActive(found.length > 0 ? 0 : -1)
        setError(null)
        setSearching(false)
      }, (failure: unknown) => {
        if (controller.signal.aborted) return
        setHits([])
        setSearching(false)
        // A half-typed query the server finds invalid is not worth an alarm.
        setError(failure instanceof ProblemError && failure.code === 'validation-failed' ? null : failure)
      })
    }, waitMs)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [query, nearKey])

  useEffect(() => {
    listRef.current?.querySelector(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' })
  }, [active])

  function take(place: PlaceSearchHit) {
    onSelect(place)
    setOpen(false)
    setQuery('')
    setHits([])
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown') {
      event.preventDefault()
      setOpen(true)
      setActive((index) => Math.min(hits.length - 1, index + 1))
    } else if (event.key === 'ArrowUp') {
      event.preventDefault()
      setActive((index) => Math.max(0, index - 1))
    } else if (event.key === 'Enter') {
      if (open && hits[active]) {
        event.preventDefault()
        take(hits[active]!)
      }
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault()
        event.stopPropagation()
        setOpen(false)
      }
    }
  }

  const expanded = open && query.trim().length >= 2
  const status = searching ? t('reportsScreen.placeSearch.searching') : hits.length === 0 ? t('reportsScreen.placeSearch.none') : t('reportsScreen.placeSearch.results', { count: format.number(hits.length) })
  return (
    <div className="place-search">
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        dir="auto"
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${id}-list`}
        aria-describedby={`${id}-hint`}
        aria-activedescendant={expanded && hits[active] ? `${id}-option-${active}` : undefined}
        value={query}
        maxLength={placeSearchLimits.queryCharacters}
        onChange={(event) => {
          setQuery(event.target.value)
          setOpen(true)
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      <p id={`${id}-hint`} className="field-hint">{t('reportsScreen.placeSearch.hint')}</p>
      <p className="visually-hidden" role="status" aria-live="polite">{query.trim().length >= 2 ? status : ''}</p>
      {expanded && (
        <ul id={`${id}-list`} ref={listRef} role="listbox" aria-label={label} className="place-options">
          {searching && hits.length === 0 && <li className="place-option-note">{t('reportsScreen.placeSearch.searching')}</li>}
          {!searching && hits.length === 0 && <li className="place-option-note">{t('reportsScreen.placeSearch.none')}</li>}
          {hits.map((place, index) => {
            const name = localName(place.names, language)
            return (
              <li
                key={place.id}
                id={`${id}-option-${index}`}
                data-index={index}
                data-place-id={place.id}
                role="option"
                aria-selected={index === active}
                className="place-option"
                // Keep the focus in the input: the choice is made on mouse down, before the blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault()
                  take(place)
                }}
                onMouseEnter={() => setActive(index)}
              >
                <span className="place-option-name" dir="auto">{name}</span>
                <span className="place-option-other" dir="auto">{otherNames(place, name).join(' · ')}</span>
                <span className="place-option-where">{placeWhere(place, t(`reportsScreen.placeKind.${place.kind}`))}</span>
              </li>
            )
          })}
        </ul>
      )}
      {error !== null && <ProblemAlert error={error} />}
    </div>
  )
}
