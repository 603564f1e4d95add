/**
 * Drafting a joint operation led by the user's organization: names in three languages, objective,
 * H-hour and window in the room's time, participants with their units and liaison, objective
 * areas and axes drawn on the map with the drawing tool (or taken from an area or a line the room
 * has), and phases relative to H-hour. The added areas and axes are shown on the map in their
 * organization's colour while the form is open. The server checks the plan's rules and says what
 * breaks one (problem+json with the field paths).
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Feature } from 'geojson'
import type { Area, CoordinationLine, Movement, Room, Unit } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom } from '../../live/use-live-picture.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { localName, organizationColour } from '../../ui/organizations.ts'
import { DrawingControls, useDrawingShape } from '../map/drawing/DrawingControls.tsx'
import { drawing, geometryOf } from '../map/drawing/drawing-store.ts'
import { arrowhead } from './operations-map-layer.ts'
import { isoToZonedLocal, offsetInputValue, parseOffset, zonedLocalToIso } from './operation-time.ts'
import { operationsApi, type CreateOperationInput } from './operations-endpoints.ts'
import { useOrganizationName } from './operations-ui.tsx'

type PlanGeometry = CreateOperationInput['objectiveAreas'][number]['geometry']
type LineGeometry = CreateOperationInput['axes'][number]['geometry']
type Role = 'none' | 'participant' | 'support'

interface ParticipantDraft {
  role: Role | 'lead'
  unitIds: string[]
  liaisonName: string
  liaisonPhone: string
  liaisonRadio: string
}
interface AreaDraft { key: string; name: string; organizationId: string; geometry: PlanGeometry }
interface AxisDraft { key: string; name: string; organizationId: string; geometry: LineGeometry; vehicles: string; personnel: string }
interface PhaseDraft { id: number; name: string; start: string; end: string; axisKeys: string[] }

const areaOwner = 'operation-form-area'
const axisOwner = 'operation-form-axis'
const overlayOwner = 'operation-form'
let nextId = 1

function Field({ id, label, children, hint }: { id: string; label: string; children: ReactNode; hint?: string }) {
  return (
    <div className="form-field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <small className="muted" id={`${id}-hint`}>{hint}</small>}
    </div>
  )
}

export function OperationForm({ room, roomTimeZone, onCancel, onCreated }: { room: Room; roomTimeZone: string; onCancel(): void; onCreated(operationId: string): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const organizationName = useOrganizationName()
  const { picture } = useLiveRoom()
  const lead = user.organizationId

  const [names, setNames] = useState({ ar: '', ckb: '', en: '' })
  const [objective, setObjective] = useState('')
  const [hHour, setHHour] = useState(() => isoToZonedLocal(Math.ceil((Date.now() + 48 * 3_600_000) / 3_600_000) * 3_600_000, roomTimeZone))
  const [windowStart, setWindowStart] = useState(() => isoToZonedLocal(Math.ceil((Date.now() + 42 * 3_600_000) / 3_600_000) * 3_600_000, roomTimeZone))
  const [windowEnd, setWindowEnd] = useState(() => isoToZonedLocal(Math.ceil((Date.now() + 72 * 3_600_000) / 3_600_000) * 3_600_000, roomTimeZone))
  const [participants, setParticipants] = useState<Record<string, ParticipantDraft>>(() => Object.fromEntries(room.memberOrganizationIds.map((id) => [id, { role: id === lead ? 'lead' : 'none', unitIds: [], liaisonName: '', liaisonPhone: '', liaisonRadio: '' }])))
  const [areas, setAreas] = useState<AreaDraft[]>([])
  const [axes, setAxes] = useState<AxisDraft[]>([])
  const [phases, setPhases] = useState<PhaseDraft[]>([{ id: nextId++, name: '', start: '+0:00', end: '+4:00', axisKeys: [] }])
  const [shareWithRoom, setShareWithRoom] = useState(false)
  const [busy, setBusy] = useState(false)
  const [problem, setProblem] = useState('')
  const [error, setError] = useState<unknown>(null)
  const areaShape = useDrawingShape(areaOwner)
  const axisShape = useDrawingShape(axisOwner)

  // The areas and axes added so far, on the map in their organization's colour.
  useEffect(() => {
    const features: Feature[] = []
    for (const area of areas) features.push({ type: 'Feature', geometry: area.geometry, properties: { colour: organizationColour(area.organizationId), width: 2 } })
    for (const axis of axes) {
      features.push({ type: 'Feature', geometry: axis.geometry, properties: { colour: organizationColour(axis.organizationId), width: 4 } })
      const head = arrowhead(axis.geometry.coordinates)
      if (head) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: head }, properties: { colour: organizationColour(axis.organizationId) } })
    }
    drawing.setOverlay({ owner: overlayOwner, features })
  }, [areas, axes])
  useEffect(() => () => {
    drawing.clearOverlay(overlayOwner)
    drawing.clear(areaOwner)
    drawing.clear(axisOwner)
  }, [])

  const taking = Object.entries(participants).filter(([, draft]) => draft.role === 'lead' || draft.role === 'participant').map(([id]) => id)
  const units = [...picture.objects<Unit>('units').values()]
  const roomAreas = [...picture.objects<Area>('areas').values()]
  const roomLines: Array<{ id: string; label: string; geometry: LineGeometry }> = [
    ...[...picture.objects<CoordinationLine>('coordination-lines').values()].map((line) => ({ id: `line:${line.id}`, label: localName(line.names, language), geometry: line.geometry as LineGeometry })),
    ...[...picture.objects<Movement>('movements').values()].filter((movement) => movement.route).map((movement) => ({ id: `movement:${movement.id}`, label: movement.purpose, geometry: movement.route as LineGeometry })),
  ]
  const updateParticipant = (id: string, change: Partial<ParticipantDraft>) => setParticipants((current) => ({ ...current, [id]: { ...current[id]!, ...change } }))
  const newKey = (prefix: string, taken: readonly { key: string }[]) => {
    let index = taken.length + 1
    while (taken.some((feature) => feature.key === `${prefix}-${index}`)) index++
    return `${prefix}-${index}`
  }

  function addArea(geometry: PlanGeometry, name: string) {
    setAreas([...areas, { key: newKey('area', areas), name, organizationId: lead, geometry }])
  }
  function addAxis(geometry: LineGeometry, name: string) {
    const key = newKey('axis', axes)
    setAxes([...axes, { key, name, organizationId: lead, geometry, vehicles: '', personnel: '' }])
    // A new axis is moved along in the first phase, until the officer says otherwise.
    setPhases((current) => current.map((phase, index) => (index === 0 && !phase.axisKeys.includes(key) ? { ...phase, axisKeys: [...phase.axisKeys, key] } : phase)))
  }
  function removeAxis(key: string) {
    setAxes((current) => current.filter((axis) => axis.key !== key))
    setPhases((current) => current.map((phase) => ({ ...phase, axisKeys: phase.axisKeys.filter((other) => other !== key) })))
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setProblem('')
    setError(null)
    const hHourIso = zonedLocalToIso(hHour, roomTimeZone)
    const startIso = zonedLocalToIso(windowStart, roomTimeZone)
    const endIso = zonedLocalToIso(windowEnd, roomTimeZone)
    if (!hHourIso || !startIso || !endIso) return setProblem(t('operationsScreen.form.missingTime'))
    const others = Object.entries(participants).filter(([id, draft]) => id !== lead && draft.role !== 'none')
    if (others.length === 0) return setProblem(t('operationsScreen.form.needsParticipant'))
    const phaseInputs: CreateOperationInput['phases'] = []
    for (const phase of phases) {
      const start = parseOffset(phase.start)
      const end = parseOffset(phase.end)
      if (start === null || end === null) return setProblem(t('operationsScreen.form.offsetInvalid'))
      phaseInputs.push({ name: phase.name.trim() || t('operationsScreen.form.phaseName', { n: phaseInputs.length + 1 }), startOffsetMinutes: start, endOffsetMinutes: end, axisKeys: phase.axisKeys.filter((key) => axes.some((axis) => axis.key === key)) })
    }
    const participantInputs: CreateOperationInput['participants'] = Object.entries(participants).filter(([, draft]) => draft.role !== 'none').map(([organizationId, draft]) => {
      const liaison = draft.liaisonName.trim()
        ? { name: draft.liaisonName.trim(), ...(draft.liaisonPhone.trim() ? { phone: draft.liaisonPhone.trim() } : {}), ...(draft.liaisonRadio.trim() ? { radio: draft.liaisonRadio.trim() } : {}) }
        : undefined
      return { organizationId, role: draft.role as 'lead' | 'participant' | 'support', unitIds: draft.role === 'support' ? [] : draft.unitIds, ...(liaison ? { liaison } : {}) }
    })
    const input: CreateOperationInput = {
      roomId: room.id,
      names: { ar: names.ar.trim(), ckb: names.ckb.trim(), en: names.en.trim() },
      objective: objective.trim(),
      hHour: hHourIso,
      window: { start: startIso, end: endIso },
      participants: participantInputs,
      objectiveAreas: areas.map((area) => ({ key: area.key, name: area.name.trim() || area.key, organizationId: area.organizationId, geometry: area.geometry })),
      axes: axes.map((axis) => {
        const unitIds = participants[axis.organizationId]?.unitIds ?? []
        const size = axis.vehicles.trim() !== '' || axis.personnel.trim() !== '' ? { vehicles: Number(axis.vehicles || 0), personnel: Number(axis.personnel || 0) } : undefined
        return { key: axis.key, name: axis.name.trim() || axis.key, organizationId: axis.organizationId, unitIds, geometry: axis.geometry, ...(size ? { size } : {}) }
      }),
      phases: phaseInputs,
      ...(shareWithRoom ? { release: { scope: 'room' as const, roomId: room.id } } : {}),
    }
    setBusy(true)
    try {
      const created = await operationsApi.create(input)
      onCreated(created.id)
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const zone = format.zoneName(roomTimeZone)
  const drawnArea = geometryOf(areaShape)
  const drawnAxis = geometryOf(axisShape)

  return (
    <form className="operation-form panel-form" onSubmit={(event) => void submit(event)} aria-labelledby="operation-form-title">
      <h2 id="operation-form-title">{t('operationsScreen.form.title')}</h2>
      <p className="muted">{t('operationsScreen.form.intro')}</p>

      <fieldset className="form-group">
        <legend>{t('operationsScreen.form.names')}</legend>
        <Field id="operation-name-ar" label={t('operationsScreen.form.nameAr')}><input id="operation-name-ar" lang="ar" dir="rtl" required maxLength={200} value={names.ar} onChange={(event) => setNames({ ...names, ar: event.target.value })} /></Field>
        <Field id="operation-name-ckb" label={t('operationsScreen.form.nameCkb')}><input id="operation-name-ckb" lang="ckb" dir="rtl" required maxLength={200} value={names.ckb} onChange={(event) => setNames({ ...names, ckb: event.target.value })} /></Field>
        <Field id="operation-name-en" label={t('operationsScreen.form.nameEn')}><input id="operation-name-en" lang="en" dir="ltr" required maxLength={200} value={names.en} onChange={(event) => setNames({ ...names, en: event.target.value })} /></Field>
        <Field id="operation-objective" label={t('operationsScreen.form.objective')}><textarea id="operation-objective" rows={2} maxLength={4000} dir="auto" value={objective} onChange={(event) => setObjective(event.target.value)} /></Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('operationsScreen.form.times', { zone })}</legend>
        <Field id="operation-h-hour" label={t('operationsScreen.form.hHour')}><input id="operation-h-hour" type="datetime-local" required value={hHour} onChange={(event) => setHHour(event.target.value)} /></Field>
        <Field id="operation-window-start" label={t('operationsScreen.form.windowStart')}><input id="operation-window-start" type="datetime-local" required value={windowStart} onChange={(event) => setWindowStart(event.target.value)} /></Field>
        <Field id="operation-window-end" label={t('operationsScreen.form.windowEnd')}><input id="operation-window-end" type="datetime-local" required value={windowEnd} onChange={(event) => setWindowEnd(event.target.value)} /></Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('operationsScreen.form.participants')}</legend>
        {room.memberOrganizationIds.map((organizationId) => {
          const draft = participants[organizationId]!
          const theirs = units.filter((unit) => unit.organizationId === organizationId)
          const name = organizationName(organizationId)
          return (
            <div key={organizationId} className="participant-draft" data-organization={organizationId}>
              <div className="participant-draft-head">
                <span className="swatch" style={{ background: organizationColour(organizationId) }} aria-hidden="true" />
                <strong>{name}</strong>
                {draft.role === 'lead' ? <span className="muted"> — {t('operationsScreen.form.leadNote')}</span> : (
                  <>
                    <label className="visually-hidden" htmlFor={`role-${organizationId}`}>{t('operationsScreen.form.roleFor', { organization: name })}</label>
                    <select id={`role-${organizationId}`} value={draft.role} onChange={(event) => updateParticipant(organizationId, { role: event.target.value as Role })}>
                      <option value="none">{t('operationsScreen.form.roleNone')}</option>
                      <option value="participant">{t('operationsScreen.role.participant')}</option>
                      <option value="support">{t('operationsScreen.role.support')}</option>
                    </select>
                  </>
                )}
              </div>
              {(draft.role === 'lead' || draft.role === 'participant') && (
                <div className="participant-draft-body">
                  <fieldset className="unit-choices">
                    <legend>{t('operationsScreen.form.unitsOf', { organization: name })}</legend>
                    {theirs.length === 0 && <p className="muted">{t('operationsScreen.form.noUnitsVisible')}</p>}
                    {theirs.map((unit) => (
                      <label key={unit.id}>
                        <input type="checkbox" checked={draft.unitIds.includes(unit.id)} onChange={(event) => updateParticipant(organizationId, { unitIds: event.target.checked ? [...draft.unitIds, unit.id] : draft.unitIds.filter((id) => id !== unit.id) })} />
                        <span dir="auto">{localName(unit.names, language)}</span>
                      </label>
                    ))}
                  </fieldset>
                  <div className="liaison-fields">
                    <Field id={`liaison-name-${organizationId}`} label={t('operationsScreen.form.liaisonName')} hint={t('operationsScreen.form.liaisonNeeded')}>
                      <input id={`liaison-name-${organizationId}`} dir="auto" value={draft.liaisonName} onChange={(event) => updateParticipant(organizationId, { liaisonName: event.target.value })} />
                    </Field>
                    <Field id={`liaison-phone-${organizationId}`} label={t('operationsScreen.form.liaisonPhone')}>
                      <input id={`liaison-phone-${organizationId}`} type="tel" dir="ltr" value={draft.liaisonPhone} onChange={(event) => updateParticipant(organizationId, { liaisonPhone: event.target.value })} />
                    </Field>
                    <Field id={`liaison-radio-${organizationId}`} label={t('operationsScreen.form.liaisonRadio')}>
                      <input id={`liaison-radio-${organizationId}`} dir="auto" value={draft.liaisonRadio} onChange={(event) => updateParticipant(organizationId, { liaisonRadio: event.target.value })} />
                    </Field>
                  </div>
                </div>
              )}
            </div>
          )
        })}
        <label className="checkbox-line">
          <input type="checkbox" checked={shareWithRoom} onChange={(event) => setShareWithRoom(event.target.checked)} />
          {t('operationsScreen.form.shareWithRoom')}
        </label>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('operationsScreen.form.areasTitle')}</legend>
        <p className="muted">{t('operationsScreen.form.geometryIntro')}</p>
        <ul className="feature-drafts">
          {areas.map((area) => (
            <li key={area.key}>
              <span className="swatch swatch-area" style={{ background: organizationColour(area.organizationId) }} aria-hidden="true" />
              <label className="visually-hidden" htmlFor={`area-name-${area.key}`}>{t('operationsScreen.form.featureName')}</label>
              <input id={`area-name-${area.key}`} dir="auto" placeholder={t('operationsScreen.form.featureName')} required value={area.name} onChange={(event) => setAreas(areas.map((other) => (other.key === area.key ? { ...other, name: event.target.value } : other)))} />
              <label className="visually-hidden" htmlFor={`area-organization-${area.key}`}>{t('operationsScreen.form.organization')}</label>
              <select id={`area-organization-${area.key}`} value={area.organizationId} onChange={(event) => setAreas(areas.map((other) => (other.key === area.key ? { ...other, organizationId: event.target.value } : other)))}>
                {taking.map((id) => <option key={id} value={id}>{organizationName(id)}</option>)}
              </select>
              <button type="button" className="link-button" onClick={() => setAreas(areas.filter((other) => other.key !== area.key))}>{t('operationsScreen.form.remove')}</button>
            </li>
          ))}
        </ul>
        <DrawingControls owner={areaOwner} kinds={['polygon']} />
        {drawnArea && areaShape?.mode === 'edit' && drawnArea.type === 'Polygon' && (
          <button type="button" className="primary" onClick={() => { addArea(drawnArea, ''); drawing.clear(areaOwner) }}>{t('operationsScreen.form.addDrawnArea')}</button>
        )}
        <Field id="operation-area-from" label={t('operationsScreen.form.fromArea')}>
          <select id="operation-area-from" value="" onChange={(event) => {
            const area = roomAreas.find((candidate) => candidate.id === event.target.value)
            if (area) addArea(area.geometry as PlanGeometry, localName(area.names, language))
          }}>
            <option value="">{roomAreas.length > 0 ? t('operationsScreen.form.chooseShape') : t('operationsScreen.form.noShapes')}</option>
            {roomAreas.map((area) => <option key={area.id} value={area.id}>{localName(area.names, language)}</option>)}
          </select>
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('operationsScreen.form.axesTitle')}</legend>
        <ul className="feature-drafts">
          {axes.map((axis) => (
            <li key={axis.key}>
              <span className="swatch swatch-line" style={{ background: organizationColour(axis.organizationId) }} aria-hidden="true" />
              <label className="visually-hidden" htmlFor={`axis-name-${axis.key}`}>{t('operationsScreen.form.featureName')}</label>
              <input id={`axis-name-${axis.key}`} dir="auto" placeholder={t('operationsScreen.form.featureName')} required value={axis.name} onChange={(event) => setAxes(axes.map((other) => (other.key === axis.key ? { ...other, name: event.target.value } : other)))} />
              <label className="visually-hidden" htmlFor={`axis-organization-${axis.key}`}>{t('operationsScreen.form.organization')}</label>
              <select id={`axis-organization-${axis.key}`} value={axis.organizationId} onChange={(event) => setAxes(axes.map((other) => (other.key === axis.key ? { ...other, organizationId: event.target.value } : other)))}>
                {taking.map((id) => <option key={id} value={id}>{organizationName(id)}</option>)}
              </select>
              <label>{t('operationsScreen.form.vehicles')} <input className="small-number" inputMode="numeric" dir="ltr" value={axis.vehicles} onChange={(event) => setAxes(axes.map((other) => (other.key === axis.key ? { ...other, vehicles: event.target.value.replace(/\D/g, '') } : other)))} /></label>
              <label>{t('operationsScreen.form.personnel')} <input className="small-number" inputMode="numeric" dir="ltr" value={axis.personnel} onChange={(event) => setAxes(axes.map((other) => (other.key === axis.key ? { ...other, personnel: event.target.value.replace(/\D/g, '') } : other)))} /></label>
              <button type="button" className="link-button" onClick={() => removeAxis(axis.key)}>{t('operationsScreen.form.remove')}</button>
            </li>
          ))}
        </ul>
        <DrawingControls owner={axisOwner} kinds={['route']} />
        {drawnAxis && axisShape?.mode === 'edit' && drawnAxis.type === 'LineString' && (
          <button type="button" className="primary" onClick={() => { addAxis(drawnAxis, ''); drawing.clear(axisOwner) }}>{t('operationsScreen.form.addDrawnAxis')}</button>
        )}
        <Field id="operation-axis-from" label={t('operationsScreen.form.fromLine')}>
          <select id="operation-axis-from" value="" onChange={(event) => {
            const line = roomLines.find((candidate) => candidate.id === event.target.value)
            if (line) addAxis(line.geometry, line.label.slice(0, 200))
          }}>
            <option value="">{roomLines.length > 0 ? t('operationsScreen.form.chooseShape') : t('operationsScreen.form.noShapes')}</option>
            {roomLines.map((line) => <option key={line.id} value={line.id}>{line.label}</option>)}
          </select>
        </Field>
      </fieldset>

      <fieldset className="form-group">
        <legend>{t('operationsScreen.form.phasesTitle')}</legend>
        <ol className="phase-drafts">
          {phases.map((phase, index) => {
            const startOk = parseOffset(phase.start) !== null
            const endOk = parseOffset(phase.end) !== null
            const hHourIso = zonedLocalToIso(hHour, roomTimeZone)
            const absolute = (text: string) => {
              const minutes = parseOffset(text)
              return minutes === null || !hHourIso ? '' : format.dateTime(new Date(hHourIso).getTime() + minutes * 60_000, roomTimeZone)
            }
            const update = (change: Partial<PhaseDraft>) => setPhases(phases.map((other) => (other.id === phase.id ? { ...other, ...change } : other)))
            return (
              <li key={phase.id} className="phase-draft">
                <Field id={`phase-name-${phase.id}`} label={t('operationsScreen.form.phaseName', { n: format.number(index + 1) })}>
                  <input id={`phase-name-${phase.id}`} dir="auto" value={phase.name} onChange={(event) => update({ name: event.target.value })} />
                </Field>
                <div className="phase-offset-fields">
                  <Field id={`phase-start-${phase.id}`} label={t('operationsScreen.form.startOffset')} hint={absolute(phase.start) || t('operationsScreen.form.offsetHelp')}>
                    <input id={`phase-start-${phase.id}`} dir="ltr" aria-invalid={!startOk} aria-describedby={`phase-start-${phase.id}-hint`} value={phase.start} onChange={(event) => update({ start: event.target.value })} onBlur={() => { const minutes = parseOffset(phase.start); if (minutes !== null) update({ start: offsetInputValue(minutes) }) }} />
                  </Field>
                  <Field id={`phase-end-${phase.id}`} label={t('operationsScreen.form.endOffset')} hint={absolute(phase.end) || t('operationsScreen.form.offsetHelp')}>
                    <input id={`phase-end-${phase.id}`} dir="ltr" aria-invalid={!endOk} aria-describedby={`phase-end-${phase.id}-hint`} value={phase.end} onChange={(event) => update({ end: event.target.value })} onBlur={() => { const minutes = parseOffset(phase.end); if (minutes !== null) update({ end: offsetInputValue(minutes) }) }} />
                  </Field>
                </div>
                {axes.length > 0 && (
                  <fieldset className="unit-choices">
                    <legend>{t('operationsScreen.form.phaseAxes')}</legend>
                    {axes.map((axis) => (
                      <label key={axis.key}>
                        <input type="checkbox" checked={phase.axisKeys.includes(axis.key)} onChange={(event) => update({ axisKeys: event.target.checked ? [...phase.axisKeys, axis.key] : phase.axisKeys.filter((key) => key !== axis.key) })} />
                        <span dir="auto">{axis.name || axis.key}</span>
                      </label>
                    ))}
                  </fieldset>
                )}
                {phases.length > 1 && <button type="button" className="link-button" onClick={() => setPhases(phases.filter((other) => other.id !== phase.id))}>{t('operationsScreen.form.remove')}</button>}
              </li>
            )
          })}
        </ol>
        <button type="button" onClick={() => {
          const last = phases[phases.length - 1]
          const start = last ? parseOffset(last.end) ?? 0 : 0
          setPhases([...phases, { id: nextId++, name: '', start: offsetInputValue(start), end: offsetInputValue(start + 240), axisKeys: [] }])
        }}>+ {t('operationsScreen.form.addPhase')}</button>
      </fieldset>

      {problem && <p className="field-problem" role="alert">{problem}</p>}
      {error !== null && <ProblemAlert error={error} />}
      <div className="button-row form-actions">
        <button type="submit" className="primary" disabled={busy}>{busy ? t('operationsScreen.form.creating') : t('operationsScreen.form.create')}</button>
        <button type="button" onClick={onCancel}>{t('operationsScreen.form.cancel')}</button>
      </div>
    </form>
  )
}
