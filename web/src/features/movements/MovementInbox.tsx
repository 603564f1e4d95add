/**
 * The inbox: movements of the room that concern the user's organization, from the live picture
 * (new ones and status changes arrive without reload). Those awaiting the organization's answer
 * come first, flash before routine, then by start; then ours, then those answered.
 */
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Movement } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { inboxOf, notifyingRoles, partyOf } from './movement-rules.ts'
import { OrganizationName, PrecedenceBadge, StatusBadge, useFocusOnMount } from './movement-parts.tsx'
import type { MovementsView } from './MovementsPanel.tsx'

function MovementRow({ movement, organizationId, roomTimeZone, onOpen }: { movement: Movement; organizationId: string; roomTimeZone: string; onOpen(): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const party = partyOf(movement, organizationId)
  const affected = movement.parties.filter((candidate) => candidate.affected)
  const acknowledged = affected.filter((candidate) => candidate.answer === 'acknowledged').length
  let ourAnswer: string | null = null
  if (movement.organizationId === organizationId) ourAnswer = affected.length > 0 ? t('movementsScreen.inbox.answersSummary', { acknowledged: format.number(acknowledged), total: format.number(affected.length) }) : null
  else if (party && !party.affected) ourAnswer = t('movementsScreen.inbox.notAffected')
  else if (party?.answer) ourAnswer = t(`movementsScreen.inbox.our.${party.answer}`)
  return (
    <li className="movement-row" data-movement-id={movement.id} data-movement-status={movement.status}>
      <button type="button" className="movement-row-button" onClick={onOpen}>
        <span className="movement-row-top">
          <PrecedenceBadge precedence={movement.precedence} />
          <StatusBadge status={movement.status} />
        </span>
        <span className="movement-purpose" dir="auto">{movement.purpose}</span>
        <span className="movement-meta">
          <OrganizationName id={movement.organizationId} />
          <span>
            <time dateTime={movement.plannedStart} title={format.dateTime(movement.plannedStart)}>{t('movementsScreen.inbox.starts', { time: format.dateTime(movement.plannedStart, roomTimeZone) })}</time>
            {' · '}{format.relative(movement.plannedStart)}
          </span>
        </span>
        {ourAnswer && <span className="movement-answer">{ourAnswer}</span>}
      </button>
    </li>
  )
}

export function MovementInbox({ roomId, roomTimeZone, show }: { roomId: string; roomTimeZone: string; show(view: MovementsView): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const user = useUser()
  const { picture } = useLiveRoom()
  usePictureVersion()
  const [showEnded, setShowEnded] = useState(false)
  const heading = useFocusOnMount<HTMLHeadingElement>()
  const inRoom = [...picture.objects<Movement>('movements').values()].filter((movement) => movement.roomId === roomId)
  const inbox = inboxOf(inRoom, user.organizationId)
  const sections = [
    { key: 'awaiting', items: inbox.awaiting },
    { key: 'ours', items: inbox.ours },
    { key: 'answered', items: inbox.answered },
    ...(showEnded ? [{ key: 'ended', items: inbox.ended }] : []),
  ] as const
  const total = inbox.awaiting.length + inbox.ours.length + inbox.answered.length
  return (
    <section className="movement-inbox" aria-labelledby="movement-inbox-title">
      <div className="movements-heading">
        <h2 id="movement-inbox-title" ref={heading} tabIndex={-1}>{t('movementsScreen.inbox.title')}</h2>
        {notifyingRoles.includes(user.role) && <button type="button" className="primary" onClick={() => show({ name: 'new' })}>{t('movementsScreen.inbox.notify')}</button>}
      </div>
      {inbox.awaiting.length > 0 && (
        <p className="movement-awaiting-count" role="status">{t('movementsScreen.inbox.awaitingCount', { count: format.number(inbox.awaiting.length) })}</p>
      )}
      {total === 0 && !showEnded && <p className="muted">{t('movementsScreen.inbox.empty')}</p>}
      {sections.map(({ key, items }) => (items.length === 0 ? null : (
        <section key={key} className={`movement-section movement-section-${key}`} aria-labelledby={`movement-section-${key}`} data-section={key}>
          <h3 id={`movement-section-${key}`}>{t(`movementsScreen.inbox.${key}`)} <span className="muted">({format.number(items.length)})</span></h3>
          <ul className="movement-list">
            {items.map((movement) => (
              <MovementRow key={movement.id} movement={movement} organizationId={user.organizationId} roomTimeZone={roomTimeZone} onOpen={() => show({ name: 'detail', id: movement.id })} />
            ))}
          </ul>
        </section>
      )))}
      <label className="movement-show-ended">
        <input type="checkbox" checked={showEnded} onChange={(event) => setShowEnded(event.target.checked)} /> {t('movementsScreen.inbox.showEnded', { count: format.number(inbox.ended.length) })}
      </label>
    </section>
  )
}
