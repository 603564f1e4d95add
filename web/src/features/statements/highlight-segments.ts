/**
 * The statement cut into runs for highlighting: the reader's evidence spans ([start, end) in
 * UTF-16 code units, as JavaScript indexes strings) may overlap — an event place is also a place,
 * a result's words may hold an actor's — so the text is cut at every span edge and each run knows
 * every span covering it. Pure: the screen renders the runs.
 */
import type { DraftDetail } from './statements-endpoints.ts'

export type Highlight = DraftDetail['highlights'][number]
export type HighlightField = Highlight['field']

/** Which field colours a run covered by several: the more specific first. */
export const fieldPriority: readonly HighlightField[] = ['eventDate', 'operationName', 'eventPlaces', 'places', 'results', 'actors']

export interface Run {
  start: number
  end: number
  /** The spans covering the run (empty: plain text). */
  highlights: Highlight[]
  /** The field whose colour the run takes. */
  field: HighlightField | null
}

/** Keeps a cut off the middle of a surrogate pair (an emoji), which would garble both halves. */
function safeCut(text: string, index: number): number {
  const code = text.charCodeAt(index)
  return index > 0 && index < text.length && code >= 0xdc00 && code <= 0xdfff ? index - 1 : index
}

export function runsOf(text: string, highlights: readonly Highlight[]): Run[] {
  const spans = highlights
    .map((highlight) => ({ ...highlight, start: safeCut(text, Math.max(0, Math.min(text.length, highlight.start))), end: safeCut(text, Math.max(0, Math.min(text.length, highlight.end))) }))
    .filter((highlight) => highlight.end > highlight.start)
  const cuts = [...new Set([0, text.length, ...spans.flatMap((span) => [span.start, span.end])])].sort((a, b) => a - b)
  const runs: Run[] = []
  for (let index = 0; index < cuts.length - 1; index++) {
    const start = cuts[index]!
    const end = cuts[index + 1]!
    const covering = spans.filter((span) => span.start <= start && span.end >= end)
    const field = fieldPriority.find((candidate) => covering.some((span) => span.field === candidate)) ?? null
    const previous = runs[runs.length - 1]
    // Neighbouring runs covered by the same spans are one run (fewer elements, unbroken shaping).
    if (previous && sameSpans(previous.highlights, covering)) previous.end = end
    else runs.push({ start, end, highlights: covering, field })
  }
  return runs
}

function sameSpans(a: readonly Highlight[], b: readonly Highlight[]): boolean {
  return a.length === b.length && a.every((span, index) => span === b[index])
}

/** Whether a run lies inside any of these spans (the spans of the field the user points at). */
export function runInSpans(run: Run, spans: ReadonlyArray<readonly [number, number]>): boolean {
  return spans.some(([start, end]) => start < run.end && end > run.start)
}
