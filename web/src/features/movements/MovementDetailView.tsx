/**
 * One movement: what moves where and when, the organizations told and their answers, the
 * findings the user's organization may see (also on the map), and the timeline. Read from the
 * server again whenever the live picture brings a change of the movement, so an answer given in
 * another room screen shows here without reload. Acknowledge and object are shown only to the
 * roles that answer, for an affected organization; start, complete and cancel to the author's.
 */
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Movement, Unit } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { localName } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useLoaded } from '../../ui/use-loaded.ts'
import { drawing } from '../map/drawing/drawing-store.ts'
import { FindingList } from './FindingList.tsx'
import { fitTo, showOnMap } from './movement-map.ts'
import { OrganizationName, PrecedenceBadge, StatusBadge, TwoClocks, durationText, useFocusOnMount, useOrganizationName } from './movement-parts.tsx'
import { endedStatuses, mayAnswer, notifyingRoles, partyOf } from './movement-rules.ts'
import { movementsApi, type MovementDetail } from './movements-endpoints.ts'
import type { MovementsView } from './MovementsPanel.tsx'

const overlayOwner = 'movement-detail'

type Busy = null | 'acknowledge' | 'object' | 'start' | 'complete' | 'cancel'

export function MovementDetailView({ id, roomTimeZone, show }: { id: string; roomTimeZone: string; show(view: MovementsView): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const organizationName = useOrganizationName()
  const { picture } = useLiveRoom()
  usePictureVersion()
  const live = picture.objects<Movement>('movements').get(id)
  // Each live change of the movement is a new object in the picture: read the detail again.
  const { value: detail, error, reload, update } = useLoaded((signal) => movementsApi.get(id, signal), [id, live])
  const [busy, setBusy] = useState<Busy>(null)
  const [actionError, setActionError] = useState<unknown>(null)
  const [objecting, setObjecting] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonMissing, setReasonMissing] = useState(false)
  const [confirmingCancel, setConfirmingCancel] = useState(false)
  const heading = useFocusOnMount<HTMLHeadingElement>()

  const geometry = detail?.route ?? detail?.area ?? null
  useEffect(() => {
    if (detail) showOnMap(overlayOwner, geometry, detail.findings)
  }, [detail, geometry])
  const bbox = detail?.bbox
  const loaded = detail !== null
  useEffect(() => {
    if (loaded) fitTo(bbox)
    // Only when the movement is first shown: later changes must not move the map under the user.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded])
  useEffect(() => () => drawing.clearOverlay(overlayOwner), [])

  const back = () => show({ name: 'inbox' })
  const backButton = <button type="button" className="link-button movements-back" onClick={back}>{t('movementsScreen.detail.back')}</button>

  if (error !== null && detail === null) {
    return <section className="movement-detail">{backButton}<ProblemAlert error={error} onRetry={reload} /></section>
  }
  if (!detail) return <section className="movement-detail" aria-busy="true">{backButton}<p className="muted">{t('app.loading')}</p></section>

  const movement = detail
  const ours = movement.organizationId === user.organizationId
  const ourParty = partyOf(movement, user.organizationId)
  const canAnswer = mayAnswer(movement, user.organizationId, user.role)
  const canSteer = ours && notifyingRoles.includes(user.role)
  const units = picture.objects<Unit>('units')

  async function act(kind: Exclude<Busy, null>, call: () => Promise<MovementDetail>) {
    setBusy(kind)
    setActionError(null)
    try {
      const changed = await call()
      update(() => changed)
      setObjecting(false)
      setConfirmingCancel(false)
      setReason('')
    } catch (failure) {
      setActionError(failure)
    } finally {
      setBusy(null)
    }
  }
  function sendObjection(event: FormEvent) {
    event.preventDefault()
    const text = reason.trim()
    setReasonMissing(text === '')
    if (text !== '') void act('object', () => movementsApi.object(movement.id, text))
  }

  return (
    <section className="movement-detail" aria-labelledby="movement-detail-title" data-movement-id={movement.id} data-movement-status={movement.status}>
      {backButton}
      <h2 id="movement-detail-title" ref={heading} tabIndex={-1} dir="auto">{movement.purpose}</h2>
      <p className="movement-row-top"><PrecedenceBadge precedence={movement.precedence} /><StatusBadge status={movement.status} /></p>

      {canAnswer && (
        <div className="movement-answer-box" role="group" aria-label={t('movementsScreen.detail.answerFor', { organization: organizationName(user.organizationId) })}>
          <p className="movement-answer-current">
            {ourParty?.answer ? t(`movementsScreen.inbox.our.${ourParty.answer}`) : t('movementsScreen.detail.answerAsked', { organization: organizationName(user.organizationId) })}
          </p>
          {!objecting && (
            <div className="button-row">
              <button type="button" className="primary" disabled={busy !== null} onClick={() => void act('acknowledge', () => movementsApi.acknowledge(movement.id))}>
                {busy === 'acknowledge' ? t('movementsScreen.detail.sending') : t('movementsScreen.detail.acknowledge')}
              </button>
              <button type="button" className="danger-outline" disabled={busy !== null} onClick={() => setObjecting(true)}>{t('movementsScreen.detail.object')}</button>
            </div>
          )}
          {objecting && (
            <form className="movement-objection" onSubmit={sendObjection} noValidate>
              <label htmlFor="objection-reason">{t('movementsScreen.detail.objectReason')}</label>
              <textarea id="objection-reason" rows={3} required aria-required="true" aria-invalid={reasonMissing} aria-describedby={reasonMissing ? 'objection-reason-missing' : undefined} dir="auto" value={reason} onChange={(event) => setReason(event.target.value)} />
              {reasonMissing && <p id="objection-reason-missing" className="field-problem" role="alert">{t('movementsScreen.detail.reasonRequired')}</p>}
              <div className="button-row">
                <button type="submit" className="danger" disabled={busy !== null}>{busy === 'object' ? t('movementsScreen.detail.sending') : t('movementsScreen.detail.sendObjection')}</button>
                <button type="button" onClick={() => { setObjecting(false); setReasonMissing(false) }}>{t('movementsScreen.detail.keep')}</button>
              </div>
            </form>
          )}
        </div>
      )}

      {canSteer && !endedStatuses.includes(movement.status) && (
        <div className="button-row">
          {movement.status === 'cleared' && <button type="button" disabled={busy !== null} onClick={() => void act('start', () => movementsApi.start(movement.id))}>{t('movementsScreen.detail.startMovement')}</button>}
          {movement.status === 'active' && <button type="button" disabled={busy !== null} onClick={() => void act('complete', () => movementsApi.complete(movement.id))}>{t('movementsScreen.detail.completeMovement')}</button>}
          {!confirmingCancel && <button type="button" disabled={busy !== null} onClick={() => setConfirmingCancel(true)}>{t('movementsScreen.detail.cancelMovement')}</button>}
          {confirmingCancel && (
            <>
              <button type="button" className="danger" disabled={busy !== null} onClick={() => void act('cancel', () => movementsApi.cancel(movement.id))}>{t('movementsScreen.detail.confirmCancel')}</button>
              <button type="button" onClick={() => setConfirmingCancel(false)}>{t('movementsScreen.detail.keep')}</button>
            </>
          )}
        </div>
      )}
      {actionError !== null && <ProblemAlert error={actionError} />}

      <dl className="movement-facts">
        <dt>{t('movementsScreen.detail.notifiedBy')}</dt><dd><OrganizationName id={movement.organizationId} /></dd>
        <dt>{t('movementsScreen.detail.plannedStart')}</dt><dd><TwoClocks value={movement.plannedStart} roomTimeZone={roomTimeZone} /></dd>
        <dt>{t('movementsScreen.detail.plannedEnd')}</dt><dd><TwoClocks value={movement.plannedEnd} roomTimeZone={roomTimeZone} /></dd>
        <dt>{t('movementsScreen.detail.where')}</dt>
        <dd>
          {movement.lengthKm !== null
            ? t('movementsScreen.detail.routeLength', { length: format.number(movement.lengthKm, { maximumFractionDigits: 1 }) })
            : t('movementsScreen.detail.areaSize', { area: format.number(movement.areaKm2 ?? 0, { maximumFractionDigits: 1 }) })}
          {' '}<button type="button" className="link-button" onClick={() => fitTo(movement.bbox)}>{t('movementsScreen.detail.showOnMap')}</button>
        </dd>
        <dt>{t('movementsScreen.detail.size')}</dt><dd>{t('movementsScreen.detail.sizeValue', { vehicles: format.number(movement.size.vehicles), personnel: format.number(movement.size.personnel) })}</dd>
        <dt>{t('movementsScreen.detail.units')}</dt>
        <dd>
          <ul className="movement-plain-list">
            {movement.unitIds.map((unitId) => {
              const unit = units.get(unitId)
              return <li key={unitId} dir="auto">{unit ? localName(unit.names, language) : t('movementsScreen.detail.unitNotShown')}</li>
            })}
          </ul>
        </dd>
        <dt>{t('movementsScreen.detail.liaison')}</dt>
        <dd dir="auto">{movement.liaison.name}{movement.liaison.phone && <> · <bdi dir="ltr">{movement.liaison.phone}</bdi></>}{movement.liaison.radio && <> · {movement.liaison.radio}</>}</dd>
        {movement.notice && (
          <>
            <dt>{t('movementsScreen.detail.notice')}</dt>
            <dd>
              {t('movementsScreen.detail.noticeValue', { given: durationText(movement.notice.givenMinutes, format, t), required: durationText(movement.notice.requiredMinutes, format, t) })}
              {movement.notice.justification && <p className="movement-justification" dir="auto">{movement.notice.justification}</p>}
            </dd>
          </>
        )}
      </dl>

      <h3>{t('movementsScreen.detail.parties')}</h3>
      {movement.parties.length === 0 && <p className="muted">{t('movementsScreen.detail.noParties')}</p>}
      <ul className="party-list">
        {movement.parties.map((party) => (
          <li key={party.organizationId} className="party" data-organization={party.organizationId} data-answer={party.answer ?? 'none'}>
            <OrganizationName id={party.organizationId} />
            <span className={`party-answer party-${party.answer ?? (party.affected ? 'waiting' : 'released')}`}>
              {!party.affected ? t('movementsScreen.detail.notAffected')
                : party.answer ? t(`movementsScreen.detail.answer.${party.answer}`) : t('movementsScreen.detail.awaiting')}
            </span>
            <span className="party-meta muted">
              {t('movementsScreen.detail.told', { time: format.dateTime(party.notifiedAt, roomTimeZone) })}
              {party.answeredAt && <> · {t('movementsScreen.detail.answeredAt', { time: format.dateTime(party.answeredAt, roomTimeZone), user: party.answeredBy ?? '' })}</>}
              {party.remindedAt && <> · {t('movementsScreen.detail.reminded', { time: format.dateTime(party.remindedAt, roomTimeZone) })}</>}
              {party.escalatedAt && <> · {t('movementsScreen.detail.escalated', { time: format.dateTime(party.escalatedAt, roomTimeZone) })}</>}
            </span>
            {party.reason && <span className="party-reason" dir="auto">{party.reason}</span>}
          </li>
        ))}
      </ul>

      <h3>{t('movementsScreen.detail.findings')}</h3>
      {movement.findings.length === 0 ? <p className="muted">{t('movementsScreen.detail.noFindings')}</p> : <FindingList findings={movement.findings} roomTimeZone={roomTimeZone} />}

      <h3>{t('movementsScreen.detail.timeline')}</h3>
      <ol className="movement-timeline">
        {movement.timeline.map((entry) => (
          <li key={entry.id} data-kind={entry.kind}>
            <time dateTime={entry.at} title={format.dateTime(entry.at)}>{format.dateTime(entry.at, roomTimeZone)}</time>
            <span className="timeline-kind">
              {t(`movementsScreen.timeline.${entry.kind}`, { defaultValue: entry.kind })}
              {entry.kind === 'status-changed' && typeof entry.detail.to === 'string' && <> — {t(`movementStatus.${entry.detail.to}`)}</>}
              {entry.organizationId && <> · {organizationName(entry.organizationId)}</>}
            </span>
            <span className="timeline-actor muted">{entry.actor.username.startsWith('system:') ? t('movementsScreen.timeline.system') : entry.actor.username}</span>
            {typeof entry.detail.reason === 'string' && entry.detail.reason && <span className="timeline-reason" dir="auto">{entry.detail.reason}</span>}
          </li>
        ))}
      </ol>
      <p className="muted movement-note">{t('movementsScreen.detail.notPermission')}</p>
    </section>
  )
}
