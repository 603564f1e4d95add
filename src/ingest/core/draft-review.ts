/**
 * Pure rules of the review step: checking a submitted statement, applying an analyst's
 * corrections to a draft, what changed, the evidence spans a screen highlights, and the report
 * an accepted draft becomes. No I/O: the service passes data in.
 */
import type { DraftPlace, IncidentDraft } from './incident-draft-schema.ts'
import { storableTextProblem } from '../../reports/core/report-text.ts'

/** The draft fields an analyst may correct. */
export const correctableFields = ['eventDate', 'eventPlaces', 'places', 'actors', 'results', 'operationName'] as const
export type CorrectableField = (typeof correctableFields)[number]

/** Corrections with every place already resolved to a full draft place. */
export type ResolvedCorrections = Partial<Pick<IncidentDraft, CorrectableField>>

/** Largest statement read, in UTF-8 bytes: the CLI's, the API's and the web client's limit. */
export const maxStatementBytes = 1024 * 1024

/** Why a statement cannot be read, as an error code and a message; null when it can. */
export function statementTextProblem(text: string, maxBytes: number): { code: 'validation-failed' | 'payload-too-large'; message: string } | null {
  // TextEncoder rather than Buffer: this module is shared with the web client, which has no Buffer.
  const bytes = new TextEncoder().encode(text).byteLength
  if (bytes > maxBytes) return { code: 'payload-too-large', message: `The text is ${bytes} bytes; statements over ${maxBytes} bytes (1 MB) are refused` }
  if (text.trim() === '') return { code: 'validation-failed', message: 'The text is empty' }
  return null
}

/** Why a text looks binary rather than a statement, or null (same thresholds as `tansiq ingest`). */
export function binaryTextProblem(text: string): string | null {
  const unstorable = storableTextProblem(text)
  if (unstorable) return `${unstorable}: it looks binary, not text`
  const sample = text.slice(0, 8192)
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f]/g)?.length ?? 0
  if (sample.length > 0 && controls / sample.length > 0.05) return 'is mostly control characters: it looks binary, not text'
  const replacements = text.match(/\uFFFD/g)?.length ?? 0
  if (replacements > text.length / 20) return 'is full of U+FFFD replacement characters: it was not valid UTF-8 before it was sent'
  return null
}

/** Whether a YYYY-MM-DD string names a real calendar day. */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text
}

const placeKey = (place: DraftPlace) => place.placeId || place.name.toLowerCase()

/**
 * Applies corrections to the current draft. An event place must also be a place of the text
 * (the contract's eventPlaces ⊆ places), so corrected event places missing from the places are added.
 */
export function applyCorrections(current: IncidentDraft, corrections: ResolvedCorrections): IncidentDraft {
  const next: IncidentDraft = { ...current, ...corrections }
  const known = new Set(next.places.map(placeKey))
  const missing = next.eventPlaces.filter((place) => !known.has(placeKey(place)))
  return missing.length > 0 ? { ...next, places: [...next.places, ...missing] } : next
}

/** The correctable fields where the corrected draft differs from the machine's. */
export function correctedFieldsOf(draft: IncidentDraft, corrected: IncidentDraft | null): CorrectableField[] {
  if (!corrected) return []
  return correctableFields.filter((field) => JSON.stringify(draft[field]) !== JSON.stringify(corrected[field]))
}

/** Offsets that do not fit the text, as messages (an empty list when every span fits). */
export function evidenceProblems(corrections: ResolvedCorrections, textLength: number): string[] {
  const problems: string[] = []
  const check = (field: string, index: number, evidence: ReadonlyArray<readonly [number, number]>) => {
    for (const [start, end] of evidence) {
      if (start > end || end > textLength) problems.push(`${field}[${index}]: evidence [${start}, ${end}) does not fit the text (length ${textLength})`)
    }
  }
  corrections.places?.forEach((place, index) => check('places', index, place.evidence))
  corrections.eventPlaces?.forEach((place, index) => check('eventPlaces', index, place.evidence))
  corrections.actors?.forEach((actor, index) => check('actors', index, actor.evidence))
  corrections.results?.forEach((result, index) => check('results', index, result.evidence))
  return problems
}

/** One span of the text a screen highlights, with the draft field it supports. */
export interface Highlight {
  field: 'eventDate' | 'places' | 'eventPlaces' | 'actors' | 'results' | 'operationName'
  label: string
  start: number
  end: number
}

/** Every evidence span of a draft, in text order. */
export function highlightsOf(draft: IncidentDraft): Highlight[] {
  const spans: Highlight[] = []
  const add = (field: Highlight['field'], label: string, evidence: ReadonlyArray<readonly [number, number]>) => {
    for (const [start, end] of evidence) spans.push({ field, label, start, end })
  }
  if (draft.eventDate) add('eventDate', draft.eventDate, draft.eventDateEvidence)
  for (const place of draft.places) add('places', place.name, place.evidence)
  for (const place of draft.eventPlaces) add('eventPlaces', place.name, place.evidence)
  for (const actor of draft.actors) add('actors', actor.id, actor.evidence)
  for (const result of draft.results) add('results', `${result.action} ${result.count ?? '?'} ${result.item}`, result.evidence)
  if (draft.operationName) add('operationName', draft.operationName, draft.operationNameEvidence)
  return spans.sort((a, b) => a.start - b.start || a.end - b.end)
}

/** The offset of a time zone at an instant, in minutes east of UTC (from the runtime's tz database). */
function zoneOffsetMinutes(timeZone: string, epochMs: number): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(new Date(epochMs))
    .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0
}

/** Midnight of a day in Baghdad as an ISO time with its offset (Iraq kept summer time until 2007). */
export function baghdadMidnight(date: string): string {
  const midnightUtc = Date.parse(`${date}T00:00:00Z`)
  let offset = zoneOffsetMinutes('Asia/Baghdad', midnightUtc - 180 * 60_000)
  offset = zoneOffsetMinutes('Asia/Baghdad', midnightUtc - offset * 60_000)
  const sign = offset < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')
  const minutes = String(Math.abs(offset) % 60).padStart(2, '0')
  return `${date}T00:00:00${sign}${hours}:${minutes}`
}

/** The place a report of the draft is located at: the first event place, else the first place named. */
export function reportPlaceOf(draft: IncidentDraft): DraftPlace | null {
  return draft.eventPlaces[0] ?? draft.places[0] ?? null
}

/** What the accepting analyst gives about the report; the rest comes from the draft. */
export interface AcceptedReportFields {
  type: 'incident' | 'sigact' | 'intelligence'
  title: string
  roomId: string | null
  release: unknown
  sourceReliability: string
  informationCredibility: number
  placeId?: string | null | undefined
  occurredAt?: string | undefined
}

/**
 * The report input an accepted draft becomes (checked afterwards by the reports schema): the
 * source text as the body, the draft's language, the event date at midnight in Baghdad, and the
 * point of its first event place (else its first place). Null with a reason when it has no date.
 */
export function reportInputOf(draft: IncidentDraft, sourceText: string, fields: AcceptedReportFields): { ok: true; input: Record<string, unknown> } | { ok: false; reason: string } {
  const occurredAt = fields.occurredAt ?? (draft.eventDate ? baghdadMidnight(draft.eventDate) : null)
  if (!occurredAt) return { ok: false, reason: 'The draft has no event date: correct eventDate (or give report.occurredAt) before accepting' }
  const place = reportPlaceOf(draft)
  return {
    ok: true,
    input: {
      type: fields.type,
      title: fields.title,
      body: sourceText,
      language: draft.language,
      occurredAt,
      location: place ? { type: 'Point', coordinates: [place.lon, place.lat] } : null,
      placeId: fields.placeId !== undefined ? fields.placeId : (place?.placeId || null),
      sourceReliability: fields.sourceReliability,
      informationCredibility: fields.informationCredibility,
      roomId: fields.roomId,
      release: fields.release,
    },
  }
}
