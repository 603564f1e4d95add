/**
 * The results of an operation: where agreement stands (locked, or not agreed yet and whom it waits
 * for), each organization's claims side by side with every discrepancy marked in words and signs
 * (not by colour alone), the figures agreed and those proposed, and — as the user's role allows —
 * its organization's claims, a proposal of figures, the agreement and the reopening.
 */
import { useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../../app/session.tsx'
import { useFormat, type Formatter } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import type { BoardPermissions } from './operation-permissions.ts'
import { operationsApi, type Operation, type OperationResults, type RoundView } from './operations-endpoints.ts'
import { fromRows, ResultListEditor, toRows, type ResultRow } from './ResultListEditor.tsx'
import { listOf, resultName, useOrganizationName } from './operations-ui.tsx'

type ClaimsRow = OperationResults['claims']['rows'][number]
type Cell = ClaimsRow['cells'][number]['claim']

function countText(count: number | 'unspecified', format: Formatter, unspecified: string): string {
  return count === 'unspecified' ? unspecified : format.number(count)
}

export function ResultsSection({ operation, results, permissions, roomTimeZone, onResults }: {
  operation: Operation
  results: OperationResults | null
  permissions: BoardPermissions
  roomTimeZone: string
  onResults(next: OperationResults): void
}) {
  const { t } = useTranslation()
  if (!['approved', 'active', 'completed'].includes(operation.status)) return <p className="muted">{t('operationsScreen.results.notYet')}</p>
  if (!results) return <p className="muted" aria-busy="true">{t('app.loading')}</p>
  const openRound = results.rounds.find((round) => round.round === results.openRound) ?? null
  return (
    <div className="operation-results" data-locked={results.locked}>
      <AgreementState results={results} />
      <ClaimsTable results={results} />
      {results.agreed && <FiguresCard title={t('operationsScreen.results.agreedTitle')} round={results.agreed} roomTimeZone={roomTimeZone} locked={results.locked} />}
      {openRound && <FiguresCard title={t('operationsScreen.results.openTitle')} round={openRound} roomTimeZone={roomTimeZone} locked={false}>
        {permissions.agree && <AgreeButton operationId={operation.id} round={openRound.round} onResults={onResults} />}
      </FiguresCard>}
      {permissions.claim && <ClaimsEditor operationId={operation.id} results={results} roomTimeZone={roomTimeZone} onResults={onResults} />}
      {permissions.proposeFigures && <ProposeFigures operationId={operation.id} results={results} onResults={onResults} />}
      {permissions.reopen && <ReopenForm operationId={operation.id} onResults={onResults} />}
      {results.rounds.length > 0 && (
        <details className="round-history">
          <summary>{t('operationsScreen.results.history', { n: results.rounds.length })}</summary>
          {results.rounds.slice().reverse().map((round) => <FiguresCard key={round.round} title={t('operationsScreen.results.round.title', { round: round.round })} round={round} roomTimeZone={roomTimeZone} locked={false} compact />)}
        </details>
      )}
    </div>
  )
}

/** Where agreement stands, in one sentence: locked, waiting for whom, reopened, or nothing proposed. */
function AgreementState({ results }: { results: OperationResults }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const organizationName = useOrganizationName()
  const openRound = results.rounds.find((round) => round.round === results.openRound) ?? null
  const reopened = results.rounds.slice().reverse().find((round) => round.reopened)?.reopened ?? null
  let state: 'locked' | 'open' | 'none'
  let message: ReactNode
  if (results.locked && results.agreed) {
    state = 'locked'
    message = <><span aria-hidden="true">🔒 </span>{t('operationsScreen.results.state.locked', { round: format.number(results.agreed.round) })}</>
  } else if (openRound) {
    state = 'open'
    message = <><span aria-hidden="true">⏳ </span>{t('operationsScreen.results.state.open', { round: format.number(openRound.round), names: listOf(openRound.awaiting.map(organizationName), language) })}</>
  } else {
    state = 'none'
    message = <><span aria-hidden="true">⏳ </span>{t('operationsScreen.results.state.noRound')}</>
  }
  return (
    <div className={`agreement-state agreement-${state}`} role="status" data-agreement={state}>
      <p>{message}</p>
      {!results.locked && reopened && (
        <p dir="auto">{t('operationsScreen.results.state.reopened', { organization: organizationName(reopened.organizationId), by: reopened.by, reason: reopened.reason })}</p>
      )}
      {!results.locked && results.agreed && <p>{t('operationsScreen.results.state.stillAgreed', { round: format.number(results.agreed.round) })}</p>}
      {results.locked && <p className="muted">{t('operationsScreen.results.lockedNote')}</p>}
    </div>
  )
}

/** The claims side by side: a column per organization, a row per fact, every discrepancy said in words and marked with ≠. */
function ClaimsTable({ results }: { results: OperationResults }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const organizationName = useOrganizationName()
  const { claims } = results
  const unspecified = t('operationsScreen.results.cell.unspecified')
  const cellText = (claim: Cell) => {
    if (claim === 'not-claimed') return t('operationsScreen.results.cell.notClaimed')
    if (claim === 'not-recorded') return t('operationsScreen.results.cell.notRecorded')
    return countText(claim, format, unspecified)
  }
  const describe = (row: ClaimsRow, discrepancy: ClaimsRow['discrepancies'][number]) => {
    const names = discrepancy.kind === 'different-counts'
      ? discrepancy.organizationIds.map((id) => `${organizationName(id)} ${cellText(row.cells.find((cell) => cell.organizationId === id)?.claim ?? 'not-recorded')}`)
      : discrepancy.organizationIds.map(organizationName)
    return t(`operationsScreen.results.discrepancy.${discrepancy.kind}`, { names: listOf(names, language) })
  }
  const categories = [...new Set(claims.rows.map((row) => row.category))]

  return (
    <section className="claims" aria-labelledby="claims-title">
      <h3 id="claims-title">{t('operationsScreen.results.claimsTitle')}</h3>
      {claims.rows.length === 0 ? <p className="muted">{t('operationsScreen.results.noClaims')}</p> : (
        <>
          <p className={claims.discrepantRows > 0 ? 'claims-summary claims-summary-discrepant' : 'claims-summary'} data-discrepant-rows={claims.discrepantRows}>
            {claims.discrepantRows > 0
              ? <><span aria-hidden="true">⚠ </span>{t('operationsScreen.results.discrepantRows', { n: format.number(claims.discrepantRows), total: format.number(claims.rows.length) })}</>
              : claims.consistent ? <><span aria-hidden="true">✓ </span>{t('operationsScreen.results.allConsistent')}</> : null}
          </p>
          <div className="table-scroll">
            <table className="claims-table">
              <thead>
                <tr>
                  <th scope="col">{t('operationsScreen.results.fact')}</th>
                  {claims.organizationIds.map((id) => <th key={id} scope="col">{organizationName(id)}</th>)}
                </tr>
              </thead>
              {categories.map((category) => (
                <tbody key={category}>
                  <tr className="claims-category"><th colSpan={claims.organizationIds.length + 1} scope="colgroup">{t(`operationsScreen.results.categories.${category}`)}</th></tr>
                  {claims.rows.filter((row) => row.category === category).map((row) => {
                    const discrepant = row.discrepancies.length > 0
                    const odd = new Set(row.discrepancies.flatMap((discrepancy) => discrepancy.organizationIds))
                    return (
                      <tr key={row.key} className={discrepant ? 'claims-row claims-row-discrepant' : 'claims-row'} data-fact={row.key} data-discrepant={discrepant}>
                        <th scope="row">
                          <span dir="auto">{resultName(row.item, row.action, language)}</span>
                          {discrepant && (
                            <span className="discrepancy-mark"><span aria-hidden="true">⚠ </span>{t('operationsScreen.results.discrepancyMark')}</span>
                          )}
                          {discrepant && (
                            <ul className="discrepancy-list">
                              {row.discrepancies.map((discrepancy) => <li key={discrepancy.kind} dir="auto">{describe(row, discrepancy)}</li>)}
                            </ul>
                          )}
                          {!discrepant && row.consistent && <span className="same-mark"><span aria-hidden="true">= </span>{t('operationsScreen.results.sameMark')}</span>}
                        </th>
                        {row.cells.map((cell) => {
                          const marked = discrepant && odd.has(cell.organizationId)
                          const wordy = typeof cell.claim !== 'number'
                          return (
                            <td key={cell.organizationId} className={`${marked ? 'claim-cell claim-discrepant' : 'claim-cell'}${wordy ? ' claim-wordy' : ''}`} data-organization={cell.organizationId} data-claim={String(cell.claim)}>
                              {marked && <span className="claim-mark" aria-hidden="true">≠ </span>}{cellText(cell.claim)}
                            </td>
                          )
                        })}
                      </tr>
                    )
                  })}
                </tbody>
              ))}
            </table>
          </div>
        </>
      )}
      {claims.awaiting.length > 0 && <p className="muted" data-testid="claims-awaiting">{t('operationsScreen.results.awaiting', { names: listOf(claims.awaiting.map(organizationName), language) })}</p>}
    </section>
  )
}

/** A round's figures, who proposed and agreed, and whom it still waits for. */
function FiguresCard({ title, round, roomTimeZone, locked, compact = false, children }: { title: string; round: RoundView; roomTimeZone: string; locked: boolean; compact?: boolean; children?: ReactNode }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const organizationName = useOrganizationName()
  const unspecified = t('operationsScreen.results.cell.unspecified')
  return (
    <section className={`figures-card${locked ? ' figures-locked' : ''}${compact ? ' figures-compact' : ''}`} data-round={round.round} data-round-status={round.status}>
      <h3>{locked && <span aria-hidden="true">🔒 </span>}{title} <span className="muted">· {t('operationsScreen.results.round.title', { round: format.number(round.round) })} · {t(`operationsScreen.results.round.status.${round.status}`)}</span></h3>
      <table className="figures-table">
        <tbody>
          {round.figures.map((figure) => (
            <tr key={`${figure.item}:${figure.action}`} data-fact={`${figure.item}:${figure.action}`}>
              <th scope="row" dir="auto">{resultName(figure.item, figure.action, language)}</th>
              <td>{countText(figure.count, format, unspecified)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted">{t('operationsScreen.results.round.proposedBy', { organization: organizationName(round.proposedBy.organizationId), by: round.proposedBy.username, time: format.dateTime(round.proposedAt, roomTimeZone) })}</p>
      {round.note && <p dir="auto">{t('operationsScreen.results.round.note', { note: round.note })}</p>}
      <ul className="agreement-list">
        {round.agreements.map((agreement) => (
          <li key={agreement.organizationId} data-agreed={agreement.organizationId}>
            <span aria-hidden="true">✓ </span>{t('operationsScreen.results.round.agreedBy', { organization: organizationName(agreement.organizationId), by: agreement.agreedBy, time: format.dateTime(agreement.agreedAt, roomTimeZone) })}
          </li>
        ))}
      </ul>
      {!compact && round.status === 'proposed' && round.awaiting.length > 0 && (
        <p className="waiting-line" data-testid="round-waiting"><span aria-hidden="true">⏳ </span>{t('operationsScreen.results.round.waitingFor', { names: listOf(round.awaiting.map(organizationName), language) })}</p>
      )}
      {children}
    </section>
  )
}

function useAction(onResults: (next: OperationResults) => void) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState('')
  async function run(call: () => Promise<OperationResults>, doneText: string): Promise<boolean> {
    setBusy(true)
    setError(null)
    setDone('')
    try {
      onResults(await call())
      setDone(doneText)
      return true
    } catch (failure) {
      setError(failure)
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, done, run, setError }
}

function AgreeButton({ operationId, round, onResults }: { operationId: string; round: number; onResults(next: OperationResults): void }) {
  const { t } = useTranslation()
  const user = useUser()
  const organizationName = useOrganizationName()
  const action = useAction(onResults)
  return (
    <div className="button-row">
      <button type="button" className="primary" data-action="agree" disabled={action.busy} onClick={() => void action.run(() => operationsApi.agree(operationId, round), t('operationsScreen.results.round.agreed'))}>
        {t('operationsScreen.results.round.agree', { organization: organizationName(user.organizationId) })}
      </button>
      {action.done && <span className="operation-done" role="status">{action.done}</span>}
      {action.error !== null && <ProblemAlert error={action.error} />}
    </div>
  )
}

function ClaimsEditor({ operationId, results, roomTimeZone, onResults }: { operationId: string; results: OperationResults; roomTimeZone: string; onResults(next: OperationResults): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const user = useUser()
  const organizationName = useOrganizationName()
  const mine = results.participants.find((participant) => participant.organizationId === user.organizationId)
  const [rows, setRows] = useState<ResultRow[]>(() => toRows(mine?.claims?.results ?? []))
  const [invalid, setInvalid] = useState(false)
  const action = useAction(onResults)
  if (!mine) return null

  async function save(event: FormEvent) {
    event.preventDefault()
    const list = fromRows(rows)
    setInvalid(list === null)
    if (!list) return
    await action.run(() => operationsApi.recordClaims(operationId, user.organizationId, list, mine?.claims?.version), t('operationsScreen.results.editor.saved'))
  }

  return (
    <form className="claims-editor" onSubmit={(event) => void save(event)} aria-labelledby="claims-editor-title">
      <h3 id="claims-editor-title">{t('operationsScreen.results.editor.claimsTitle', { organization: organizationName(user.organizationId) })}</h3>
      <p className="muted">
        {mine.claims
          ? t('operationsScreen.results.editor.recorded', { by: mine.claims.recordedBy, time: format.dateTime(mine.claims.recordedAt, roomTimeZone) })
          : t('operationsScreen.results.editor.notRecorded')}
      </p>
      <ResultListEditor idPrefix="claim" rows={rows} onChange={setRows} />
      {invalid && <p className="field-problem" role="alert">{t('operationsScreen.results.editor.invalidCount')}</p>}
      <div className="button-row">
        <button type="submit" className="primary" data-action="save-claims" disabled={action.busy}>{t('operationsScreen.results.editor.saveClaims')}</button>
        {action.done && <span className="operation-done" role="status">{action.done}</span>}
      </div>
      {action.error !== null && <ProblemAlert error={action.error} />}
    </form>
  )
}

/** The figures to start a proposal from: the open round's, else each fact as claimed alike (or as the lead claims it). */
function startingFigures(results: OperationResults): ResultRow[] {
  const open = results.rounds.find((round) => round.round === results.openRound)
  if (open) return toRows(open.figures)
  const figures: Array<{ item: ClaimsRow['item']; action: ClaimsRow['action']; count: number | 'unspecified' }> = []
  for (const row of results.claims.rows) {
    const given = row.cells.map((cell) => cell.claim).filter((claim): claim is number | 'unspecified' => typeof claim === 'number' || claim === 'unspecified')
    if (given.length === 0) continue
    figures.push({ item: row.item, action: row.action, count: given[0]! })
  }
  return toRows(figures)
}

function ProposeFigures({ operationId, results, onResults }: { operationId: string; results: OperationResults; onResults(next: OperationResults): void }) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [rows, setRows] = useState<ResultRow[]>([])
  const [note, setNote] = useState('')
  const [invalid, setInvalid] = useState(false)
  const action = useAction(onResults)

  async function submit(event: FormEvent) {
    event.preventDefault()
    const figures = fromRows(rows)
    setInvalid(figures === null)
    if (!figures) return
    if (await action.run(() => operationsApi.proposeFigures(operationId, { figures, ...(note.trim() ? { note: note.trim() } : {}) }), t('operationsScreen.results.propose.proposed'))) setOpen(false)
  }

  if (!open) {
    return (
      <div className="button-row">
        <button type="button" data-action="open-propose" onClick={() => { setRows(startingFigures(results)); setNote(''); setOpen(true) }}>{t('operationsScreen.results.propose.title')}…</button>
        {action.done && <span className="operation-done" role="status">{action.done}</span>}
      </div>
    )
  }
  return (
    <form className="propose-figures" onSubmit={(event) => void submit(event)} aria-labelledby="propose-title">
      <h3 id="propose-title">{t('operationsScreen.results.propose.title')}</h3>
      <p className="muted">{t('operationsScreen.results.propose.intro')}</p>
      <ResultListEditor idPrefix="figure" rows={rows} onChange={setRows} />
      <label htmlFor="propose-note">{t('operationsScreen.results.propose.note')}</label>
      <textarea id="propose-note" rows={2} value={note} onChange={(event) => setNote(event.target.value)} dir="auto" maxLength={2000} />
      {invalid && <p className="field-problem" role="alert">{t('operationsScreen.results.editor.invalidCount')}</p>}
      <div className="button-row">
        <button type="submit" className="primary" data-action="propose-figures" disabled={action.busy}>{t('operationsScreen.results.propose.submit')}</button>
        <button type="button" onClick={() => setOpen(false)}>{t('operationsScreen.actions.keep')}</button>
      </div>
      {action.error !== null && <ProblemAlert error={action.error} />}
    </form>
  )
}

function ReopenForm({ operationId, onResults }: { operationId: string; onResults(next: OperationResults): void }) {
  const { t } = useTranslation()
  const [reason, setReason] = useState('')
  const action = useAction(onResults)
  return (
    <details className="reopen">
      <summary>{t('operationsScreen.results.reopen.title')}</summary>
      <form onSubmit={(event) => { event.preventDefault(); void action.run(() => operationsApi.reopen(operationId, reason), t('operationsScreen.results.reopen.done')) }}>
        <label htmlFor="reopen-reason">{t('operationsScreen.results.reopen.reason')}</label>
        <textarea id="reopen-reason" rows={2} required value={reason} onChange={(event) => setReason(event.target.value)} dir="auto" maxLength={2000} />
        <button type="submit" data-action="reopen" disabled={action.busy || reason.trim() === ''}>{t('operationsScreen.results.reopen.submit')}</button>
        {action.error !== null && <ProblemAlert error={action.error} />}
      </form>
    </details>
  )
}
