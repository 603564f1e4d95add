/**
 * Edits a list of results in the statement reader's vocabulary (docs: ingest-format.md): item,
 * action (only those that fit the item), and a number or "no number given". Used for an
 * organization's claims and for the figures proposed for agreement.
 */
import { useTranslation } from 'react-i18next'
import { ALLOWED_ACTIONS, RESULT_ITEMS, type ResultAction, type ResultItem } from '../../../../src/ingest/core/incident-draft-schema.ts'
import { categoryOf, resultCategories } from '../../../../src/operations/core/claims-vocabulary.ts'
import type { Language } from '../../i18n/i18n.ts'
import type { ClaimedResultInput } from './operations-endpoints.ts'
import { resultName } from './operations-ui.tsx'

export interface ResultRow {
  id: number
  item: ResultItem
  action: ResultAction
  /** The number as typed (validated on submit). */
  count: string
  unspecified: boolean
}

let nextRowId = 1

export function toRows(results: ReadonlyArray<{ item: ResultItem; action: ResultAction; count: number | 'unspecified' }>): ResultRow[] {
  return results.map((result) => ({ id: nextRowId++, item: result.item, action: result.action, count: result.count === 'unspecified' ? '' : String(result.count), unspecified: result.count === 'unspecified' }))
}

/** The rows as the API takes them; null when a number is missing or not a whole number. */
export function fromRows(rows: readonly ResultRow[]): ClaimedResultInput[] | null {
  const results: ClaimedResultInput[] = []
  for (const row of rows) {
    if (row.unspecified) {
      results.push({ item: row.item, action: row.action, count: 'unspecified' })
      continue
    }
    const digits = row.count.trim().replace(/[٠-٩]/g, (digit) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(digit)))
    if (!/^\d{1,7}$/.test(digits)) return null
    results.push({ item: row.item, action: row.action, count: Number(digits) })
  }
  return results
}

/** A fact not yet in the list, for "add a result". */
function unusedFact(rows: readonly ResultRow[]): { item: ResultItem; action: ResultAction } {
  const used = new Set(rows.map((row) => `${row.item}:${row.action}`))
  for (const item of ['militant', ...RESULT_ITEMS] as ResultItem[]) {
    for (const action of ALLOWED_ACTIONS[item]) if (!used.has(`${item}:${action}`)) return { item, action }
  }
  return { item: 'militant', action: 'killed' }
}

export function ResultListEditor({ idPrefix, rows, onChange }: { idPrefix: string; rows: ResultRow[]; onChange(rows: ResultRow[]): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const keys = rows.map((row) => `${row.item}:${row.action}`)
  const update = (id: number, change: Partial<ResultRow>) => onChange(rows.map((row) => {
    if (row.id !== id) return row
    const next = { ...row, ...change }
    if (change.item && !ALLOWED_ACTIONS[change.item].includes(next.action)) next.action = ALLOWED_ACTIONS[change.item][0]!
    return next
  }))

  return (
    <div className="result-editor">
      {rows.length === 0 && <p className="muted">{t('operationsScreen.results.editor.empty')}</p>}
      <ul>
        {rows.map((row, index) => {
          const repeated = keys.indexOf(keys[index]!) !== index
          const name = resultName(row.item, row.action, language)
          return (
            <li key={row.id} className={repeated ? 'result-row result-row-repeated' : 'result-row'}>
              <label className="visually-hidden" htmlFor={`${idPrefix}-item-${row.id}`}>{t('operationsScreen.results.editor.item')}</label>
              <select id={`${idPrefix}-item-${row.id}`} value={row.item} onChange={(event) => update(row.id, { item: event.target.value as ResultItem })}>
                {resultCategories.map((category) => (
                  <optgroup key={category} label={t(`operationsScreen.results.categories.${category}`)}>
                    {RESULT_ITEMS.filter((item) => categoryOf(item) === category).map((item) => <option key={item} value={item}>{t(`operationsScreen.results.items.${item}`)}</option>)}
                  </optgroup>
                ))}
              </select>
              <label className="visually-hidden" htmlFor={`${idPrefix}-action-${row.id}`}>{t('operationsScreen.results.editor.action')}</label>
              <select id={`${idPrefix}-action-${row.id}`} value={row.action} onChange={(event) => update(row.id, { action: event.target.value as ResultAction })}>
                {ALLOWED_ACTIONS[row.item].map((action) => <option key={action} value={action}>{t(`operationsScreen.results.actions.${action}`)}</option>)}
              </select>
              <label className="visually-hidden" htmlFor={`${idPrefix}-count-${row.id}`}>{`${t('operationsScreen.results.editor.count')}: ${name}`}</label>
              <input
                id={`${idPrefix}-count-${row.id}`} className="result-count" inputMode="numeric" pattern="[0-9٠-٩]{1,7}" required={!row.unspecified} disabled={row.unspecified}
                value={row.unspecified ? '' : row.count} onChange={(event) => update(row.id, { count: event.target.value })} dir="ltr"
              />
              <label className="result-unspecified">
                <input type="checkbox" checked={row.unspecified} onChange={(event) => update(row.id, { unspecified: event.target.checked })} />
                {t('operationsScreen.results.editor.unspecified')}
              </label>
              <button type="button" className="link-button" onClick={() => onChange(rows.filter((other) => other.id !== row.id))} aria-label={t('operationsScreen.results.editor.remove', { what: name })}>✕</button>
              {repeated && <span className="field-problem" role="alert">⚠ {t('operationsScreen.results.editor.repeated', { what: name })}</span>}
            </li>
          )
        })}
      </ul>
      <button type="button" onClick={() => onChange([...rows, { id: nextRowId++, ...unusedFact(rows), count: '', unspecified: false }])}>+ {t('operationsScreen.results.editor.add')}</button>
    </div>
  )
}
