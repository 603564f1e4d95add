/**
 * One operation's board: its names in the three languages, status and times, what the user may do
 * now, and four parts — the plan (participants and their approval, objective areas, axes, phases),
 * the live log, the results, and the after-action report and joint statement. The operation and
 * its results are read from the API and kept current from the room's live connection.
 */
import { useCallback, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import { languages, type Language } from '../../i18n/i18n.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useLoaded } from '../../ui/use-loaded.ts'
import { localName } from '../../ui/organizations.ts'
import { fitMapTo } from './map-bridge.ts'
import { boardPermissions } from './operation-permissions.ts'
import { operationsApi, type LiveOperationResults, type Operation, type OperationResults } from './operations-endpoints.ts'
import { DocumentsSection } from './DocumentsSection.tsx'
import { LogSection } from './LogSection.tsx'
import { PlanSection } from './PlanSection.tsx'
import { ResultsSection } from './ResultsSection.tsx'
import { StatusBadge, listOf, useOrganizationName } from './operations-ui.tsx'
import { operationIdOf, useLiveChanges } from './use-operation-live.ts'

const sections = ['plan', 'log', 'results', 'documents'] as const
type Section = (typeof sections)[number]

export function OperationBoard({ operationId, roomTimeZone, onBack }: { operationId: string; roomTimeZone: string; onBack(): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const organizationName = useOrganizationName()
  const { value: operation, error, reload: reloadOperation, update: updateOperation } = useLoaded((signal) => operationsApi.get(operationId, { signal }), [operationId])
  const resultsOpen = operation !== null && ['approved', 'active', 'completed'].includes(operation.status)
  // The results part shows its own error when it acts; the board stays usable without them.
  const { value: results, reload: reloadResults, update: updateResults } = useLoaded(
    (signal) => (resultsOpen ? operationsApi.results(operationId, { signal }) : Promise.resolve(null)), [operationId, resultsOpen])
  const [section, setSection] = useState<Section>('plan')
  const tabRefs = useRef(new Map<Section, HTMLButtonElement>())

  const reload = useCallback(() => {
    reloadOperation()
    reloadResults()
  }, [reloadOperation, reloadResults])

  // Live: the operation's features change with every step (approval, start…); results arrive whole.
  useLiveChanges(['operations', 'operation-results'], (entry) => operationIdOf(entry) === operationId, (entries) => {
    const latestResults = entries.filter((entry) => entry.layer === 'operation-results').pop()
    if (latestResults && latestResults.change !== 'removed' && latestResults.object) {
      const { id: _id, roomId: _roomId, ...view } = latestResults.object as LiveOperationResults
      updateResults(() => view)
    }
    if (entries.length === 0 || entries.some((entry) => entry.layer === 'operations')) reload()
  })

  const onOperation = useCallback((next: Operation) => updateOperation(() => next), [updateOperation])
  const onResults = useCallback((next: OperationResults) => updateResults(() => next), [updateResults])

  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const index = sections.indexOf(section)
    const forward = document.documentElement.dir === 'rtl' ? 'ArrowLeft' : 'ArrowRight'
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft'
    let next: number
    if (event.key === forward) next = (index + 1) % sections.length
    else if (event.key === backward) next = (index - 1 + sections.length) % sections.length
    else if (event.key === 'Home') next = 0
    else if (event.key === 'End') next = sections.length - 1
    else return
    event.preventDefault()
    setSection(sections[next]!)
    tabRefs.current.get(sections[next]!)?.focus()
  }

  const backLink = <button type="button" className="link-button operations-back" onClick={onBack}>{document.documentElement.dir === 'rtl' ? '→' : '←'} {t('operationsScreen.back')}</button>

  if (error !== null && operation === null) {
    return <section className="operation-board">{backLink}<ProblemAlert error={error} onRetry={reload} /></section>
  }
  if (operation === null) return <section className="operation-board">{backLink}<p className="muted" aria-busy="true">{t('app.loading')}</p></section>

  const permissions = boardPermissions(user, operation, results)
  const name = localName(operation.names, language)
  const approving = operation.participants.filter((participant) => participant.approves)
  return (
    <section className="operation-board" aria-labelledby="operation-title" data-operation-id={operation.id} data-status={operation.status}>
      {backLink}
      <header className="operation-header">
        <h2 id="operation-title" dir="auto">{name}</h2>
        <ul className="operation-names" aria-label={t('operationsScreen.form.names')}>
          {languages.filter((other) => other !== language).map((other) => (
            <li key={other}><span className="muted">{t(`operationsScreen.nameIn.${other}`)}: </span><span lang={other} dir={other === 'en' ? 'ltr' : 'rtl'}>{operation.names[other]}</span></li>
          ))}
        </ul>
        <p className="operation-status-line">
          <StatusBadge status={operation.status} />
          <span className="muted"> · {t('operationsScreen.revision', { n: format.number(operation.planRevision) })}</span>
        </p>
        <dl className="operation-times">
          <dt>{t('operationsScreen.hHour')}</dt>
          <dd><time dateTime={operation.hHour}>{format.dateTime(operation.hHour, roomTimeZone)}</time> <span className="muted">{t('operationsScreen.roomTime', { zone: format.zoneName(roomTimeZone, new Date(operation.hHour)) })}</span></dd>
          <dt>{t('operationsScreen.window')}</dt>
          <dd>{t('operationsScreen.phaseTimes', { start: format.dateTime(operation.window.start, roomTimeZone), end: format.dateTime(operation.window.end, roomTimeZone) })}</dd>
        </dl>
        {operation.status === 'proposed' && operation.pendingApprovals.length > 0 && (
          <p className="operation-waiting" role="status" data-testid="approval-waiting">
            <span aria-hidden="true">⏳ </span>{t('operationsScreen.waitingFor', { names: listOf(operation.pendingApprovals.map(organizationName), language) })}
          </p>
        )}
        {operation.status === 'draft' && <p className="muted">{t('operationsScreen.draftNotice')}</p>}
        {['approved', 'active', 'completed'].includes(operation.status) && approving.length > 0 && (
          <p className="operation-approved"><span aria-hidden="true">✓ </span>{t('operationsScreen.allApproved', { n: format.number(operation.planRevision) })}</p>
        )}
        {operation.status === 'cancelled' && operation.cancelReason && <p className="notice" dir="auto">{t('operationsScreen.cancelledBecause', { reason: operation.cancelReason })}</p>}
        {operation.bbox && <button type="button" className="link-button" onClick={() => fitMapTo(operation.bbox!)}>{t('operationsScreen.showOnMap')}</button>}
      </header>

      <OperationActions operation={operation} permissions={permissions} onOperation={onOperation} />

      <div role="tablist" aria-label={t('operationsScreen.sections.label')} className="tabs operation-tabs">
        {sections.map((id) => (
          <button
            key={id}
            ref={(element) => { if (element) tabRefs.current.set(id, element); else tabRefs.current.delete(id) }}
            type="button" role="tab" id={`operation-tab-${id}`} aria-selected={section === id} aria-controls={`operation-part-${id}`} tabIndex={section === id ? 0 : -1}
            onClick={() => setSection(id)} onKeyDown={onTabKey}
          >
            {t(`operationsScreen.sections.${id}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`operation-part-${section}`} aria-labelledby={`operation-tab-${section}`} className="operation-part">
        {section === 'plan' && <PlanSection operation={operation} roomTimeZone={roomTimeZone} />}
        {section === 'log' && <LogSection operation={operation} roomTimeZone={roomTimeZone} mayWrite={permissions.log} />}
        {section === 'results' && <ResultsSection operation={operation} results={results} permissions={permissions} roomTimeZone={roomTimeZone} onResults={onResults} />}
        {section === 'documents' && <DocumentsSection operation={operation} results={results} />}
      </div>
    </section>
  )
}

/** The lifecycle's buttons the user may press now: propose, approve, start, complete, cancel (with a reason). */
function OperationActions({ operation, permissions, onOperation }: { operation: Operation; permissions: ReturnType<typeof boardPermissions>; onOperation(next: Operation): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const user = useUser()
  const organizationName = useOrganizationName()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState('')
  const [cancelling, setCancelling] = useState(false)
  const [reason, setReason] = useState('')

  async function act(label: string, call: () => Promise<Operation>) {
    setBusy(true)
    setError(null)
    setDone('')
    try {
      onOperation(await call())
      setDone(t('operationsScreen.actions.done', { what: label }))
      setCancelling(false)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const buttons: Array<{ id: string; label: string; primary?: boolean; run: () => Promise<Operation> }> = []
  if (permissions.propose) buttons.push({ id: 'propose', label: t('operationsScreen.actions.propose'), primary: true, run: () => operationsApi.propose(operation.id) })
  if (permissions.approve) {
    buttons.push({
      id: 'approve', primary: true,
      label: t('operationsScreen.actions.approve', { n: format.number(operation.planRevision), organization: organizationName(user.organizationId) }),
      run: () => operationsApi.approve(operation.id, operation.planRevision),
    })
  }
  if (permissions.start) buttons.push({ id: 'start', label: t('operationsScreen.actions.start'), primary: true, run: () => operationsApi.start(operation.id) })
  if (permissions.complete) buttons.push({ id: 'complete', label: t('operationsScreen.actions.complete'), run: () => operationsApi.complete(operation.id) })
  if (buttons.length === 0 && !permissions.cancel) return null

  return (
    <div className="operation-actions" role="group" aria-label={t('operationsScreen.actions.title')}>
      {buttons.map((button) => (
        <button key={button.id} type="button" className={button.primary ? 'primary' : undefined} data-action={button.id} disabled={busy} onClick={() => void act(button.label, button.run)}>
          {button.label}
        </button>
      ))}
      {permissions.cancel && !cancelling && <button type="button" data-action="cancel" disabled={busy} onClick={() => setCancelling(true)}>{t('operationsScreen.actions.cancel')}</button>}
      {cancelling && (
        <form className="operation-cancel" onSubmit={(event) => { event.preventDefault(); void act(t('operationsScreen.actions.confirmCancel'), () => operationsApi.cancel(operation.id, reason)) }}>
          <label htmlFor="operation-cancel-reason">{t('operationsScreen.actions.cancelReason')}</label>
          <textarea id="operation-cancel-reason" rows={2} value={reason} onChange={(event) => setReason(event.target.value)} dir="auto" />
          <div className="button-row">
            <button type="submit" className="danger" disabled={busy}>{t('operationsScreen.actions.confirmCancel')}</button>
            <button type="button" onClick={() => setCancelling(false)}>{t('operationsScreen.actions.keep')}</button>
          </div>
        </form>
      )}
      {busy && <span className="muted" role="status">{t('operationsScreen.actions.working')}</span>}
      {done && !busy && <span className="operation-done" role="status">{done}</span>}
      {error !== null && <ProblemAlert error={error} />}
    </div>
  )
}
