/**
 * Notifying a movement: units of the user's organization, the route (or area) drawn on the map,
 * the planned window in the room's time (shown in the user's too), size, purpose, liaison,
 * precedence, and a justification when the notice is shorter than the room's period. "Check"
 * asks the server for the impact analysis of the movement as drawn (nothing is saved) and shows
 * its findings in a list and on the map; the notification can be submitted only once the check
 * matches what is in the form. What was typed survives switching tabs (kept per room).
 */
import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Room, Unit } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { localName } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { DrawingControls, useDrawingShape } from '../map/drawing/DrawingControls.tsx'
import { drawing, geometryOf } from '../map/drawing/drawing-store.ts'
import { FindingList } from './FindingList.tsx'
import { showOnMap } from './movement-map.ts'
import { durationText, OrganizationName, useFocusOnMount } from './movement-parts.tsx'
import { noticeOf, precedences, type Precedence } from './movement-rules.ts'
import { movementsApi, type MovementInput, type MovementPreview } from './movements-endpoints.ts'
import type { MovementsView } from './MovementsPanel.tsx'
import { fromZonedInput, toZonedInput } from './zoned-time.ts'

export const movementDrawingOwner = 'movement-form'

interface FormState {
  unitIds: string[]
  start: string
  end: string
  precedence: Precedence
  vehicles: string
  personnel: string
  purpose: string
  liaisonName: string
  liaisonPhone: string
  liaisonRadio: string
  justification: string
}

type Problem = 'units' | 'geometry' | 'start' | 'end' | 'size' | 'purpose' | 'liaison' | 'justification'

const savedForms = new Map<string, FormState>()

/** A start that gives the room's routine notice, on the next quarter hour, and a three-hour window. */
function initialForm(room: Room, timeZone: string, liaisonName: string): FormState {
  const quarter = 15 * 60_000
  const start = new Date(Math.ceil((Date.now() + (room.noticePeriods.routine + 60) * 60_000) / quarter) * quarter)
  const end = new Date(start.getTime() + 3 * 3_600_000)
  return {
    unitIds: [], start: toZonedInput(start, timeZone), end: toZonedInput(end, timeZone), precedence: 'routine', vehicles: '', personnel: '',
    purpose: '', liaisonName, liaisonPhone: '', liaisonRadio: '', justification: '',
  }
}

const wholeNumber = (text: string) => (/^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN)

export function MovementForm({ room, roomTimeZone, show }: { room: Room; roomTimeZone: string; show(view: MovementsView): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const { picture } = useLiveRoom()
  usePictureVersion()
  const shape = useDrawingShape(movementDrawingOwner)
  const [form, setFormState] = useState<FormState>(() => savedForms.get(room.id) ?? initialForm(room, roomTimeZone, user.displayName))
  const [preview, setPreview] = useState<{ key: string; result: MovementPreview } | null>(null)
  const [checking, setChecking] = useState(false)
  const [submitting, setSubmitting] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [showProblems, setShowProblems] = useState(false)
  const heading = useFocusOnMount<HTMLHeadingElement>()

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setFormState((current) => {
    const next = { ...current, [key]: value }
    savedForms.set(room.id, next)
    return next
  })

  const ourUnits = [...picture.objects<Unit>('units').values()]
    .filter((unit) => unit.organizationId === user.organizationId)
    .sort((a, b) => localName(a.names, language).localeCompare(localName(b.names, language), language))

  const geometry = geometryOf(shape)
  const start = fromZonedInput(form.start, roomTimeZone)
  const end = fromZonedInput(form.end, roomTimeZone)
  const notice = start ? noticeOf(start, form.precedence, room.noticePeriods) : null
  const justificationNeeded = (notice?.short ?? false) || (preview?.result.notice.justificationRequired ?? false)

  const problems: Problem[] = []
  if (form.unitIds.length === 0) problems.push('units')
  if (!geometry) problems.push('geometry')
  if (!start) problems.push('start')
  if (!end || (start && end <= start)) problems.push('end')
  if (!Number.isFinite(wholeNumber(form.vehicles)) || !Number.isFinite(wholeNumber(form.personnel))) problems.push('size')
  if (form.purpose.trim() === '') problems.push('purpose')
  if (form.liaisonName.trim() === '' || (form.liaisonPhone.trim() === '' && form.liaisonRadio.trim() === '')) problems.push('liaison')
  if (justificationNeeded && form.justification.trim() === '') problems.push('justification')
  const invalid = (problem: Problem) => showProblems && problems.includes(problem)

  const body: MovementInput | null = problems.some((problem) => problem !== 'justification') ? null : {
    roomId: room.id,
    unitIds: form.unitIds,
    ...(geometry!.type === 'LineString' ? { route: geometry as MovementInput['route'] } : { area: geometry as MovementInput['area'] }),
    plannedStart: start!.toISOString(),
    plannedEnd: end!.toISOString(),
    size: { vehicles: wholeNumber(form.vehicles), personnel: wholeNumber(form.personnel) },
    purpose: form.purpose.trim(),
    liaison: {
      name: form.liaisonName.trim(),
      ...(form.liaisonPhone.trim() ? { phone: form.liaisonPhone.trim() } : {}),
      ...(form.liaisonRadio.trim() ? { radio: form.liaisonRadio.trim() } : {}),
    },
    precedence: form.precedence,
    ...(justificationNeeded && form.justification.trim() ? { noticeJustification: form.justification.trim() } : {}),
  }
  const bodyKey = body ? JSON.stringify({ ...body, noticeJustification: undefined }) : null
  const checked = preview !== null && preview.key === bodyKey
  const stale = preview !== null && !checked

  // The check's findings on the map while they match the form; gone when the form closes.
  const shownFindings = checked ? preview.result.findings : null
  useEffect(() => {
    if (shownFindings) showOnMap(movementDrawingOwner, null, shownFindings)
    else drawing.clearOverlay(movementDrawingOwner)
  }, [shownFindings])
  useEffect(() => () => drawing.clearOverlay(movementDrawingOwner), [])

  async function check() {
    setShowProblems(true)
    setFailure(null)
    if (!body || !bodyKey) return
    setChecking(true)
    try {
      setPreview({ key: bodyKey, result: await movementsApi.preview(body) })
    } catch (error) {
      setFailure(error)
    } finally {
      setChecking(false)
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setShowProblems(true)
    setFailure(null)
    if (!body || !checked || problems.length > 0) return
    setSubmitting(true)
    try {
      const created = await movementsApi.create({ ...body, submit: true })
      savedForms.delete(room.id)
      drawing.clear(movementDrawingOwner)
      show({ name: 'detail', id: created.id })
    } catch (error) {
      setFailure(error)
      setSubmitting(false)
    }
  }

  function discard() {
    savedForms.delete(room.id)
    drawing.clear(movementDrawingOwner)
    show({ name: 'inbox' })
  }

  const zone = format.zoneName(roomTimeZone, start ?? new Date())
  const userZone = Intl.DateTimeFormat().resolvedOptions().timeZone
  const inYourTime = (date: Date | null) => (date && userZone !== roomTimeZone ? <small className="muted">{t('movementsScreen.form.inYourTime', { time: format.dateTime(date), zone: format.zoneName(userZone, date) })}</small> : null)
  const affected = preview?.result.affectedOrganizationIds ?? []

  return (
    <form className="movement-form panel-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="movement-form-title">
      <button type="button" className="link-button movements-back" onClick={() => show({ name: 'inbox' })}>{t('movementsScreen.detail.back')}</button>
      <h2 id="movement-form-title" ref={heading} tabIndex={-1}>{t('movementsScreen.form.title')}</h2>

      <fieldset className="form-group" aria-invalid={invalid('units')}>
        <legend>{t('movementsScreen.form.units')}</legend>
        {ourUnits.length === 0 && <p className="muted">{t('movementsScreen.form.noUnits')}</p>}
        <ul className="movement-units">
          {ourUnits.map((unit) => (
            <li key={unit.id}>
              <label>
                <input type="checkbox" value={unit.id} checked={form.unitIds.includes(unit.id)}
                  onChange={(event) => set('unitIds', event.target.checked ? [...form.unitIds, unit.id] : form.unitIds.filter((id) => id !== unit.id))} />
                <span dir="auto">{localName(unit.names, language)}</span>
              </label>
            </li>
          ))}
        </ul>
        {invalid('units') && <p className="field-problem">{t('movementsScreen.form.problems.units')}</p>}
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('movementsScreen.form.geometry')}</legend>
        <DrawingControls owner={movementDrawingOwner} kinds={['route', 'polygon']} emptyHint={t('movementsScreen.form.geometryHint')} />
        {invalid('geometry') && <p className="field-problem">{t('movementsScreen.form.problems.geometry')}</p>}
      </fieldset>

      <div className="movement-window">
        <label className="form-field">
          <span>{t('movementsScreen.form.start', { zone })}</span>
          <input type="datetime-local" name="plannedStart" value={form.start} aria-invalid={invalid('start')} onChange={(event) => set('start', event.target.value)} />
          {inYourTime(start)}
        </label>
        <label className="form-field">
          <span>{t('movementsScreen.form.end', { zone })}</span>
          <input type="datetime-local" name="plannedEnd" value={form.end} aria-invalid={invalid('end')} onChange={(event) => set('end', event.target.value)} />
          {inYourTime(end)}
        </label>
      </div>
      {invalid('end') && <p className="field-problem">{t('movementsScreen.form.problems.end')}</p>}

      <label className="form-field">
        <span>{t('movementsScreen.precedence.label')}</span>
        <select name="precedence" value={form.precedence} onChange={(event) => set('precedence', event.target.value as Precedence)}>
          {[...precedences].reverse().map((precedence) => <option key={precedence} value={precedence}>{t(`movementsScreen.precedence.${precedence}`)}</option>)}
        </select>
      </label>

      <div className="form-row">
        <label className="form-field">
          <span>{t('movementsScreen.form.vehicles')}</span>
          <input name="vehicles" inputMode="numeric" value={form.vehicles} aria-invalid={invalid('size')} onChange={(event) => set('vehicles', event.target.value)} />
        </label>
        <label className="form-field">
          <span>{t('movementsScreen.form.personnel')}</span>
          <input name="personnel" inputMode="numeric" value={form.personnel} aria-invalid={invalid('size')} onChange={(event) => set('personnel', event.target.value)} />
        </label>
      </div>
      {invalid('size') && <p className="field-problem">{t('movementsScreen.form.problems.size')}</p>}

      <label className="form-field">
        <span>{t('movementsScreen.form.purpose')}</span>
        <textarea name="purpose" rows={2} dir="auto" value={form.purpose} aria-invalid={invalid('purpose')} onChange={(event) => set('purpose', event.target.value)} />
      </label>
      {invalid('purpose') && <p className="field-problem">{t('movementsScreen.form.problems.purpose')}</p>}

      <fieldset className="form-group">
        <legend>{t('movementsScreen.form.liaison')}</legend>
        <label className="form-field">
          <span>{t('movementsScreen.form.liaisonName')}</span>
          <input name="liaisonName" dir="auto" value={form.liaisonName} aria-invalid={invalid('liaison')} onChange={(event) => set('liaisonName', event.target.value)} />
        </label>
        <div className="form-row">
          <label className="form-field">
            <span>{t('movementsScreen.form.liaisonPhone')}</span>
            <input name="liaisonPhone" type="tel" dir="ltr" value={form.liaisonPhone} aria-invalid={invalid('liaison')} onChange={(event) => set('liaisonPhone', event.target.value)} />
          </label>
          <label className="form-field">
            <span>{t('movementsScreen.form.liaisonRadio')}</span>
            <input name="liaisonRadio" dir="auto" value={form.liaisonRadio} onChange={(event) => set('liaisonRadio', event.target.value)} />
          </label>
        </div>
        {invalid('liaison') && <p className="field-problem">{t('movementsScreen.form.problems.liaison')}</p>}
      </fieldset>

      {notice && justificationNeeded && (
        <div className="notice movement-notice-short">
          <p>{t('movementsScreen.form.noticeShort', {
            required: durationText(notice.requiredMinutes, format, t), given: durationText(notice.givenMinutes, format, t), precedence: t(`movementsScreen.precedence.${form.precedence}`),
          })}</p>
          <label className="form-field">
            <span>{t('movementsScreen.form.justification')}</span>
            <textarea name="noticeJustification" rows={2} dir="auto" value={form.justification} aria-invalid={invalid('justification')} onChange={(event) => set('justification', event.target.value)} />
          </label>
          {invalid('justification') && <p className="field-problem">{t('movementsScreen.form.problems.justification')}</p>}
        </div>
      )}

      <div className="form-actions">
        <button type="button" className="movement-check" disabled={checking || submitting} onClick={() => void check()}>{checking ? t('movementsScreen.form.checking') : t('movementsScreen.form.check')}</button>
        <button type="submit" className="primary movement-submit" disabled={!checked || submitting || checking} aria-describedby="movement-submit-hint">
          {submitting ? t('movementsScreen.form.submitting') : t('movementsScreen.form.submit')}
        </button>
        <button type="button" onClick={discard}>{t('movementsScreen.form.discard')}</button>
      </div>
      <p id="movement-submit-hint" className="form-hint movement-hint">{stale ? t('movementsScreen.form.stale') : checked ? '' : t('movementsScreen.form.checkFirst')}</p>
      {showProblems && problems.length > 0 && <p className="field-problem" role="alert">{t('movementsScreen.form.fixFirst')}</p>}
      {failure !== null && <ProblemAlert error={failure} />}

      {preview && (
        <section className={`movement-check-result${stale ? ' stale' : ''}`} aria-labelledby="movement-check-title" aria-live="polite" data-checked={checked}>
          <h3 id="movement-check-title">{t('movementsScreen.form.findingsTitle')}</h3>
          {affected.length > 0
            ? <p>{t('movementsScreen.form.affects')} {affected.map((id) => <span key={id} className="affected-organization"><OrganizationName id={id} /></span>)}</p>
            : <p>{t('movementsScreen.form.affectsNone')}</p>}
          <p className="muted">{t('movementsScreen.form.buffer', { distance: format.number(preview.result.bufferMeters / 1000, { maximumFractionDigits: 1 }) })}</p>
          {preview.result.findings.length > 0 && <FindingList findings={preview.result.findings} roomTimeZone={roomTimeZone} />}
        </section>
      )}
    </form>
  )
}
