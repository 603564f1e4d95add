/**
 * The fields of a draft the analyst checks and corrects: the event's date, the places (each with
 * the other gazetteer places of the same name, and whether the event happened there), the forces
 * and groups, the results with their counts, and the operation's name. Pointing at a field (mouse
 * or keyboard focus) marks its words in the text.
 */
import { useEffect, useId, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { localName } from '../../ui/organizations.ts'
import { ACTOR_IDS, ALLOWED_ACTIONS, RESULT_ITEMS, type DraftPlace, type ResultAction, type ResultItem } from '../../../../src/ingest/core/incident-draft-schema.ts'
import { PlaceSearch, placeWhere } from '../reports/PlaceSearch.tsx'
import { reportsEndpoints, type PlaceSearchHit } from '../reports/reports-endpoints.ts'
import { draftPlaceOf, duplicateResults, newResultKey, type DraftEdit, type EditPlace, type EditResult, type Evidence } from './draft-edit.ts'

export interface FieldProps {
  edit: DraftEdit
  onChange(edit: DraftEdit): void
  /** The statement, to quote what each field stands on. */
  text: string
  disabled: boolean
  /** Fields changed and not saved yet. */
  changed: ReadonlySet<string>
  onPoint(spans: Evidence): void
}

/** The words of the text a field stands on, quoted. */
function quoted(text: string, evidence: Evidence): string {
  return evidence.map(([start, end]) => text.slice(start, end)).filter((part) => part.trim() !== '').join(' … ')
}

/** Marks its field's words in the text while pointed at (hover or keyboard focus inside). */
function Pointable({ evidence, onPoint, className, children, testId }: { evidence: Evidence; onPoint(spans: Evidence): void; className?: string; children: ReactNode; testId?: string }) {
  return (
    <div className={className} data-testid={testId} onMouseEnter={() => onPoint(evidence)} onMouseLeave={() => onPoint([])} onFocus={() => onPoint(evidence)} onBlur={() => onPoint([])}>
      {children}
    </div>
  )
}

function FieldHeading({ field, changed, children }: { field: string; changed: ReadonlySet<string>; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <h3 className="field-heading">
      {children}
      {changed.has(field) && <span className="changed-badge">{t('statementsScreen.review.correctedMark')}</span>}
    </h3>
  )
}

export function EventDateField({ edit, onChange, text, disabled, changed, onPoint }: FieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const words = quoted(text, edit.eventDateEvidence)
  return (
    <Pointable evidence={edit.eventDateEvidence} onPoint={onPoint} className="draft-field" testId="field-eventDate">
      <FieldHeading field="eventDate" changed={changed}><label htmlFor={`${id}-date`}>{t('statementsScreen.fields.eventDate')}</label></FieldHeading>
      <div className="field-row">
        <input id={`${id}-date`} type="date" value={edit.eventDate ?? ''} disabled={disabled} onChange={(event) => onChange({ ...edit, eventDate: event.target.value === '' ? null : event.target.value })} />
        {edit.eventDate && !disabled && <button type="button" onClick={() => onChange({ ...edit, eventDate: null })}>{t('statementsScreen.date.clear')}</button>}
      </div>
      {words && <p className="quoted" dir="auto">«{words}»</p>}
      {!edit.eventDate && <p className="field-hint">{t('statementsScreen.date.none')}</p>}
    </Pointable>
  )
}

export function OperationNameField({ edit, onChange, text, disabled, changed, onPoint }: FieldProps) {
  const { t } = useTranslation()
  const id = useId()
  const words = quoted(text, edit.operationNameEvidence)
  return (
    <Pointable evidence={edit.operationNameEvidence} onPoint={onPoint} className="draft-field" testId="field-operationName">
      <FieldHeading field="operationName" changed={changed}><label htmlFor={`${id}-name`}>{t('statementsScreen.fields.operationName')}</label></FieldHeading>
      <input id={`${id}-name`} dir="auto" maxLength={200} value={edit.operationName} disabled={disabled} onChange={(event) => onChange({ ...edit, operationName: event.target.value })} />
      {words && words !== edit.operationName.trim() && <p className="quoted" dir="auto">«{words}»</p>}
    </Pointable>
  )
}

function PlaceRow({ entry, text, disabled, onChange, onRemove, onPoint }: {
  entry: EditPlace
  text: string
  disabled: boolean
  onChange(entry: EditPlace): void
  onRemove(): void
  onPoint(spans: Evidence): void
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const id = useId()
  const { place } = entry
  const words = quoted(text, place.evidence)
  const [candidates, setCandidates] = useState<PlaceSearchHit[] | null>(null)
  const [open, setOpen] = useState(false)
  const query = (place.evidence[0] ? text.slice(place.evidence[0][0], place.evidence[0][1]) : place.nameAr ?? place.name).trim()

  // Other places of the gazetteer with this name: the reader may have taken the wrong one.
  useEffect(() => {
    if (query.length < 2) return setCandidates([])
    const controller = new AbortController()
    reportsEndpoints.searchPlaces(query, { signal: controller.signal, near: { lat: place.lat, lon: place.lon }, limit: 8 })
      .then((found) => setCandidates(found.filter((hit) => hit.id !== place.placeId)), () => {
        if (!controller.signal.aborted) setCandidates([])
      })
    return () => controller.abort()
  }, [query, place.placeId, place.lat, place.lon])

  const name = localName({ en: place.name, ar: place.nameAr, ckb: place.nameCkb }, language)
  return (
    <Pointable evidence={place.evidence} onPoint={onPoint} className={`place-row${entry.isEvent ? ' place-row-event' : ''}`} testId={`place-${place.placeId}`}>
      <div className="place-row-head">
        <span className="place-name" id={`${id}-name`} dir="auto">{name}</span>
        <span className="place-where">{placeWhere(place, t(`reportsScreen.placeKind.${place.kind}`))}</span>
        {entry.added && <span className="muted">{t('statementsScreen.places.addedByYou')}</span>}
      </div>
      {words && <p className="quoted" dir="auto">«{words}»</p>}
      <div className="place-row-controls">
        <label className="choice">
          <input type="checkbox" checked={entry.isEvent} disabled={disabled} aria-describedby={`${id}-name`} onChange={(event) => onChange({ ...entry, isEvent: event.target.checked })} />
          {t('statementsScreen.places.isEvent')}
        </label>
        {!disabled && <button type="button" className="link-button" onClick={onRemove}>{t('statementsScreen.places.remove', { name })}</button>}
      </div>
      {candidates && candidates.length > 0 && !disabled && (
        <div className="candidates">
          <button type="button" className="link-button" aria-expanded={open} aria-controls={`${id}-candidates`} onClick={() => setOpen(!open)}>
            {t('statementsScreen.places.candidates', { text: query, count: format.number(candidates.length) })}
          </button>
          {open && (
            <ul id={`${id}-candidates`} className="candidate-list">
              {candidates.map((hit) => (
                <li key={hit.id} data-place-id={hit.id}>
                  <span dir="auto">{localName(hit.names, language)}</span>
                  <span className="place-where">{placeWhere(hit, t(`reportsScreen.placeKind.${hit.kind}`))}</span>
                  <button type="button" onClick={() => { onChange({ ...entry, place: draftPlaceOf(hit, place.evidence) }); setOpen(false) }}>{t('statementsScreen.places.use')}</button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {candidates && candidates.length === 0 && !disabled && place.evidence.length > 0 && <p className="field-hint">{t('statementsScreen.places.noCandidates')}</p>}
    </Pointable>
  )
}

export function PlacesField({ edit, onChange, text, disabled, changed, onPoint }: FieldProps) {
  const { t } = useTranslation()
  const setPlaces = (places: EditPlace[]) => onChange({ ...edit, places })
  const near = edit.places[0] ? { lat: edit.places[0].place.lat, lon: edit.places[0].place.lon } : undefined
  const add = (hit: PlaceSearchHit) => {
    if (edit.places.some((entry) => entry.place.placeId === hit.id)) return
    setPlaces([...edit.places, { place: draftPlaceOf(hit, []), isEvent: true, added: true }])
  }
  return (
    <div className="draft-field" data-testid="field-places">
      <FieldHeading field="places" changed={changed}>{t('statementsScreen.fields.places')}</FieldHeading>
      {edit.places.length === 0 && <p className="muted">{t('statementsScreen.places.none')}</p>}
      {edit.places.map((entry, index) => (
        <PlaceRow key={`${entry.place.placeId}-${index}`} entry={entry} text={text} disabled={disabled} onPoint={onPoint}
          onChange={(next) => setPlaces(edit.places.map((other, otherIndex) => (otherIndex === index ? next : other)))}
          onRemove={() => setPlaces(edit.places.filter((_, otherIndex) => otherIndex !== index))} />
      ))}
      {!disabled && <PlaceSearch label={t('statementsScreen.places.add')} onSelect={add} near={near} />}
    </div>
  )
}

export function ActorsField({ edit, onChange, text, disabled, changed, onPoint }: FieldProps) {
  const { t } = useTranslation()
  const present = new Map(edit.actors.map((actor) => [actor.id, actor]))
  const toggle = (id: (typeof ACTOR_IDS)[number], on: boolean) => onChange({
    ...edit,
    actors: on ? [...edit.actors, { id, evidence: [] }] : edit.actors.filter((actor) => actor.id !== id),
  })
  return (
    <fieldset className="draft-field actors-field" data-testid="field-actors" disabled={disabled}>
      <legend><FieldHeading field="actors" changed={changed}>{t('statementsScreen.fields.actors')}</FieldHeading></legend>
      <ul className="actor-list">
        {ACTOR_IDS.map((id) => {
          const actor = present.get(id)
          const words = actor ? quoted(text, actor.evidence) : ''
          return (
            <li key={id}>
              <Pointable evidence={actor?.evidence ?? []} onPoint={onPoint}>
                <label className="choice" data-actor={id}>
                  <input type="checkbox" checked={!!actor} onChange={(event) => toggle(id, event.target.checked)} />
                  {t(`statementsScreen.actors.${id}`)}
                  {words && <span className="quoted-inline" dir="auto">«{words}»</span>}
                </label>
              </Pointable>
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
}

export function ResultsField({ edit, onChange, text, disabled, changed, onPoint }: FieldProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const id = useId()
  const duplicates = duplicateResults(edit.results)
  const setResult = (key: number, change: Partial<EditResult>) => onChange({
    ...edit,
    results: edit.results.map((result) => {
      if (result.key !== key) return result
      const next = { ...result, ...change }
      // An item allows some actions only: a changed item takes its first allowed one if needed.
      if (!ALLOWED_ACTIONS[next.item].includes(next.action)) next.action = ALLOWED_ACTIONS[next.item][0]!
      return next
    }),
  })
  const add = () => onChange({ ...edit, results: [...edit.results, { key: newResultKey(), item: 'militant', action: 'killed', count: null, evidence: [] }] })
  return (
    <div className="draft-field" data-testid="field-results">
      <FieldHeading field="results" changed={changed}>{t('statementsScreen.fields.results')}</FieldHeading>
      {edit.results.length === 0 && <p className="muted">{t('statementsScreen.results.none')}</p>}
      <p id={`${id}-count-hint`} className="field-hint">{t('statementsScreen.results.countHint')}</p>
      <ol className="draft-results">
        {edit.results.map((result, index) => {
          const row = `${id}-${result.key}`
          const words = quoted(text, result.evidence)
          return (
            <li key={result.key} className={duplicates.has(result.key) ? 'draft-result draft-result-duplicate' : 'draft-result'} data-result={`${result.item}:${result.action}`}>
              <Pointable evidence={result.evidence} onPoint={onPoint}>
                <div className="draft-result-controls">
                  <label htmlFor={`${row}-count`} className="visually-hidden">{t('statementsScreen.results.count')} ({format.number(index + 1)})</label>
                  <input id={`${row}-count`} className="draft-result-count" type="number" min={0} max={1_000_000} step={1} inputMode="numeric" disabled={disabled} aria-describedby={`${id}-count-hint`}
                    placeholder={t('statementsScreen.results.unknown')} value={result.count ?? ''}
                    onChange={(event) => setResult(result.key, { count: event.target.value === '' ? null : Math.max(0, Math.trunc(Number(event.target.value))) })} />
                  <label htmlFor={`${row}-item`} className="visually-hidden">{t('statementsScreen.results.item')} ({format.number(index + 1)})</label>
                  <select id={`${row}-item`} value={result.item} disabled={disabled} onChange={(event) => setResult(result.key, { item: event.target.value as ResultItem })}>
                    {RESULT_ITEMS.map((item) => <option key={item} value={item}>{t(`statementsScreen.items.${item}`)}</option>)}
                  </select>
                  <label htmlFor={`${row}-action`} className="visually-hidden">{t('statementsScreen.results.action')} ({format.number(index + 1)})</label>
                  <select id={`${row}-action`} value={result.action} disabled={disabled} onChange={(event) => setResult(result.key, { action: event.target.value as ResultAction })}>
                    {ALLOWED_ACTIONS[result.item].map((action) => <option key={action} value={action}>{t(`statementsScreen.actions.${action}`)}</option>)}
                  </select>
                  {!disabled && <button type="button" className="link-button" onClick={() => onChange({ ...edit, results: edit.results.filter((other) => other.key !== result.key) })}>{t('statementsScreen.results.remove')}</button>}
                </div>
                {words && <p className="quoted" dir="auto">«{words}»</p>}
              </Pointable>
            </li>
          )
        })}
      </ol>
      {duplicates.size > 0 && <p className="field-error" role="alert">{t('statementsScreen.results.duplicate')}</p>}
      {!disabled && <button type="button" onClick={add}>{t('statementsScreen.results.add')}</button>}
    </div>
  )
}

/** A place's name in the reader's language, for labels. */
export function placeLabel(place: DraftPlace, language: Language): string {
  return localName({ en: place.name, ar: place.nameAr, ckb: place.nameCkb }, language)
}
