/**
 * The statement exactly as submitted, with what the reader found in it marked. Right-to-left
 * correct: the block takes the statement's direction, each paragraph finds its own
 * (`unicode-bidi: plaintext`, for mixed Arabic and Latin lines), and the marks are plain inline
 * elements with a background and an underline only — no padding or border, which would break
 * the joining of Arabic letters across a mark's edge. Each field has its own colour and underline
 * style, so the marks are told apart without colour too.
 */
import { Fragment, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { runInSpans, runsOf, type Highlight, type HighlightField } from './highlight-segments.ts'

export const highlightFields: readonly HighlightField[] = ['eventDate', 'eventPlaces', 'places', 'actors', 'results', 'operationName']

export function HighlightedText({ text, language, highlights, pointed }: {
  text: string
  language: 'ar' | 'ckb' | 'en'
  highlights: readonly Highlight[]
  /** Spans of the field the user points at in the form, shown more strongly. */
  pointed: ReadonlyArray<readonly [number, number]>
}) {
  const { t } = useTranslation()
  const runs = useMemo(() => runsOf(text, highlights), [text, highlights])
  const fieldName = (field: HighlightField) => t(`statementsScreen.fields.${field}`)
  return (
    <div className="statement-text" lang={language} dir={language === 'en' ? 'ltr' : 'rtl'} data-testid="statement-text">
      {runs.map((run) => {
        const slice = text.slice(run.start, run.end)
        if (!run.field) return <Fragment key={run.start}>{slice}</Fragment>
        const title = run.highlights.map((span) => `${fieldName(span.field)}: ${span.label}`).join('\n')
        return (
          <mark key={run.start} className={`hl hl-${run.field}${runInSpans(run, pointed) ? ' hl-pointed' : ''}`} data-field={run.field} data-start={run.start} data-end={run.end} title={title}>
            {slice}
          </mark>
        )
      })}
    </div>
  )
}

/** What each mark's colour means. */
export function HighlightLegend() {
  const { t } = useTranslation()
  return (
    <ul className="highlight-legend" aria-label={t('statementsScreen.review.legendTitle')}>
      {highlightFields.map((field) => (
        <li key={field}><mark className={`hl hl-${field}`}>{t(`statementsScreen.fields.${field}`)}</mark></li>
      ))}
    </ul>
  )
}
