/**
 * The analyst's working copy of a draft: the fields they may correct, in a shape easy to edit
 * (one list of places, each marked when the event happened there), the corrections it amounts to
 * (only the fields that differ from the stored draft, as the API takes them), and the highlights
 * it shows in the text. Pure: no React, no requests.
 */
import type { DraftActor, DraftPlace, DraftResult, IncidentDraft, ResultAction, ResultItem } from '../../../../src/ingest/core/incident-draft-schema.ts'
import type { PlaceSearchHit } from '../reports/reports-endpoints.ts'
import type { Highlight } from './highlight-segments.ts'
import type { DraftCorrections } from './statements-endpoints.ts'

export type Evidence = Array<[number, number]>

export interface EditPlace {
  place: DraftPlace
  isEvent: boolean
  /** Added by the analyst rather than read (no evidence in the text). */
  added: boolean
}

export interface EditResult {
  /** Stable key of the row while it is edited. */
  key: number
  item: ResultItem
  action: ResultAction
  count: number | null
  evidence: Evidence
}

export interface DraftEdit {
  eventDate: string | null
  eventDateEvidence: Evidence
  operationName: string
  operationNameEvidence: Evidence
  places: EditPlace[]
  actors: DraftActor[]
  results: EditResult[]
}

let nextKey = 1
export const newResultKey = () => nextKey++

/** The working copy of a draft as stored (its corrected version when there is one). */
export function editOf(draft: IncidentDraft): DraftEdit {
  const eventIds = new Set(draft.eventPlaces.map((place) => place.placeId))
  const places: EditPlace[] = draft.places.map((place) => ({ place, isEvent: eventIds.has(place.placeId), added: false }))
  // The contract keeps event places among the places; a draft that did not is mended here.
  for (const place of draft.eventPlaces) if (!places.some((other) => other.place.placeId === place.placeId)) places.push({ place, isEvent: true, added: false })
  return {
    eventDate: draft.eventDate,
    eventDateEvidence: draft.eventDateEvidence,
    operationName: draft.operationName ?? '',
    operationNameEvidence: draft.operationNameEvidence,
    places,
    actors: draft.actors,
    results: draft.results.map((result) => ({ ...result, key: newResultKey() })),
  }
}

/** A gazetteer search hit as a draft place, with the evidence it stands for. */
export function draftPlaceOf(hit: PlaceSearchHit, evidence: Evidence): DraftPlace {
  return {
    name: hit.names.en, nameAr: hit.names.ar, nameCkb: hit.names.ckb, kind: hit.kind, lat: hit.lat, lon: hit.lon,
    precision: hit.precision, governorate: hit.governorate, district: hit.district, placeId: hit.id, evidence,
  }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)
const resultOf = ({ item, action, count, evidence }: EditResult | DraftResult) => ({ item, action, count, evidence })
const placeReference = (place: DraftPlace) => ({ placeId: place.placeId, evidence: place.evidence })

/** The corrections the working copy amounts to against the stored draft; null when nothing changed. */
export function correctionsOf(current: IncidentDraft, edit: DraftEdit): DraftCorrections | null {
  const corrections: NonNullable<DraftCorrections> = {}
  if (edit.eventDate !== current.eventDate) corrections.eventDate = edit.eventDate
  const operationName = edit.operationName.trim() === '' ? null : edit.operationName.trim()
  if (operationName !== current.operationName) corrections.operationName = operationName
  const places = edit.places.map((entry) => entry.place)
  const eventPlaces = edit.places.filter((entry) => entry.isEvent).map((entry) => entry.place)
  if (!same(places.map(placeReference), current.places.map(placeReference)) || !same(eventPlaces.map(placeReference), current.eventPlaces.map(placeReference))) {
    corrections.places = places.map(placeReference)
    corrections.eventPlaces = eventPlaces.map(placeReference)
  }
  if (!same(edit.actors.map(({ id, evidence }) => ({ id, evidence })), current.actors.map(({ id, evidence }) => ({ id, evidence })))) corrections.actors = edit.actors
  if (!same(edit.results.map(resultOf), current.results.map(resultOf))) corrections.results = edit.results.map(resultOf)
  return Object.keys(corrections).length > 0 ? corrections : null
}

/** The fields the working copy changes. */
export function changedFields(current: IncidentDraft, edit: DraftEdit): Set<string> {
  return new Set(Object.keys(correctionsOf(current, edit) ?? {}))
}

/** Results naming one (item, action) twice: the API refuses them (one fact is one result). */
export function duplicateResults(results: readonly EditResult[]): Set<number> {
  const seen = new Map<string, number>()
  const duplicates = new Set<number>()
  for (const result of results) {
    const key = `${result.item} ${result.action}`
    const first = seen.get(key)
    if (first !== undefined) {
      duplicates.add(first)
      duplicates.add(result.key)
    } else seen.set(key, result.key)
  }
  return duplicates
}

/** The spans to highlight for the working copy, labelled by the caller (in the reader's language). */
export function highlightsOfEdit(edit: DraftEdit, label: {
  date(date: string): string
  place(place: DraftPlace): string
  actor(actor: DraftActor): string
  result(result: EditResult): string
}): Highlight[] {
  const spans: Highlight[] = []
  const add = (field: Highlight['field'], text: string, evidence: ReadonlyArray<readonly [number, number]>) => {
    for (const [start, end] of evidence) spans.push({ field, label: text, start, end })
  }
  if (edit.eventDate) add('eventDate', label.date(edit.eventDate), edit.eventDateEvidence)
  for (const entry of edit.places) add(entry.isEvent ? 'eventPlaces' : 'places', label.place(entry.place), entry.place.evidence)
  for (const actor of edit.actors) add('actors', label.actor(actor), actor.evidence)
  for (const result of edit.results) add('results', label.result(result), result.evidence)
  if (edit.operationName.trim() !== '') add('operationName', edit.operationName.trim(), edit.operationNameEvidence)
  return spans.sort((a, b) => a.start - b.start || a.end - b.end)
}
