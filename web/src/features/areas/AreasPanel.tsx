/**
 * The room's areas tab: the security vacuum of the room (gaps and overlaps of its joint security
 * area, live from the coverage layer: they change on the map and here once an area is saved), the
 * areas of the user's organization, and the form to draw a new one or edit one's vertices.
 */
import { useCallback, useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Area, CoverageFeature, Room } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { localName, organizationColour } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { DrawingControls, useDrawingShape } from '../map/drawing/DrawingControls.tsx'
import { drawing, geometryOf } from '../map/drawing/drawing-store.ts'
import { coverageColours } from '../map/picture-layers.ts'
import { editableRing, hasMoreParts, withEditedRing } from './area-geometry.ts'
import { boundsOf } from '../map/coordinate-bounds.ts'
import { areasApi, type UpdateAreaBody } from './areas-endpoints.ts'
import { pictureEditorRoles } from '../../../../src/platform/auth/roles.ts'
import { mayWidenRelease } from '../../../../src/releasability/core/release-rules.ts'
import './areas.css'

const drawingOwner = 'area-form'

type View = { name: 'list' } | { name: 'new' } | { name: 'edit'; id: string }
const savedViews = new Map<string, View>()

function CoverageSummary() {
  const { t } = useTranslation()
  const format = useFormat()
  const { picture } = useLiveRoom()
  const parts = [...picture.objects<CoverageFeature>('coverage').values()].sort((a, b) => b.areaKm2 - a.areaKm2)
  const gaps = parts.filter((part) => part.kind === 'gap')
  const overlaps = parts.filter((part) => part.kind === 'overlap')
  const km2 = (value: number) => format.number(value, { maximumFractionDigits: value < 10 ? 1 : 0 })
  const total = (list: CoverageFeature[]) => list.reduce((sum, part) => sum + part.areaKm2, 0)
  return (
    <section className="coverage-summary" aria-labelledby="coverage-title" aria-live="polite">
      <h3 id="coverage-title">{t('areasScreen.coverage.title')}</h3>
      <p className="coverage-totals">
        <span data-gap-count={gaps.length}>
          <span className="swatch swatch-area" style={{ background: coverageColours.gap }} aria-hidden="true" />
          {t('areasScreen.coverage.gaps', { count: format.number(gaps.length), area: km2(total(gaps)) })}
        </span>
        <span data-overlap-count={overlaps.length}>
          <span className="swatch swatch-area" style={{ background: coverageColours.overlap }} aria-hidden="true" />
          {t('areasScreen.coverage.overlaps', { count: format.number(overlaps.length), area: km2(total(overlaps)) })}
        </span>
      </p>
      {parts.length > 0 && (
        <ul className="coverage-parts">
          {parts.slice(0, 8).map((part) => (
            <li key={part.id} data-coverage-kind={part.kind}>
              <button type="button" className="link-button" onClick={() => { const bounds = boundsOf(part.geometry.coordinates); if (bounds) drawing.map?.fitTo(bounds) }}>
                {t(part.kind === 'gap' ? 'areasScreen.coverage.gap' : 'areasScreen.coverage.overlap', { area: km2(part.areaKm2) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {parts.length === 0 && <p className="muted">{t('areasScreen.coverage.none')}</p>}
    </section>
  )
}

function AreaList({ roomId, show }: { roomId: string; show(view: View): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const { picture } = useLiveRoom()
  const mayEdit = pictureEditorRoles.includes(user.role)
  const ours = [...picture.objects<Area>('areas').values()]
    .filter((area) => area.organizationId === user.organizationId && (area.roomId === roomId || area.roomId === null))
    .sort((a, b) => localName(a.names, language).localeCompare(localName(b.names, language), language))
  return (
    <section aria-labelledby="our-areas-title">
      <div className="areas-heading">
        <h3 id="our-areas-title">{t('areasScreen.ours')}</h3>
        {mayEdit && <button type="button" className="primary" onClick={() => show({ name: 'new' })}>{t('areasScreen.new')}</button>}
      </div>
      {ours.length === 0 && <p className="muted">{t('areasScreen.noneOurs')}</p>}
      <ul className="area-list">
        {ours.map((area) => (
          <li key={area.id} data-area-id={area.id}>
            <span className="swatch" style={{ background: organizationColour(area.organizationId) }} aria-hidden="true" />
            <span className="area-body">
              <span className="area-name" dir="auto">{localName(area.names, language)}</span>
              <span className="area-meta muted">
                {t(`areasScreen.kind.${area.kind}`)} · {t('areasScreen.size', { area: format.number(area.areaKm2, { maximumFractionDigits: 0 }) })}
                {area.release.scope === 'originator' && <> · {t('areasScreen.release.originator')}</>}
              </span>
            </span>
            <span className="area-buttons">
              <button type="button" className="link-button" onClick={() => drawing.map?.fitTo(area.bbox)}>{t('areasScreen.show')}</button>
              {mayEdit && <button type="button" onClick={() => show({ name: 'edit', id: area.id })} aria-label={t('areasScreen.editNamed', { name: localName(area.names, language) })}>{t('areasScreen.edit')}</button>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  )
}

interface AreaFormState {
  en: string
  ar: string
  ckb: string
  kind: Area['kind']
  release: 'room' | 'originator'
}

function AreaForm({ room, area, show }: { room: Room; area: Area | null; show(view: View): void }) {
  const { t } = useTranslation()
  const shape = useDrawingShape(drawingOwner)
  const user = useUser()
  // Sharing beyond the organization needs its commander (the server's release rules): others keep a new area to their organization.
  const mayShare = mayWidenRelease(user.role)
  const [form, setForm] = useState<AreaFormState>(() => ({
    en: area?.names.en ?? '', ar: area?.names.ar ?? '', ckb: area?.names.ckb ?? '', kind: area?.kind ?? 'aor', release: mayShare ? 'room' : 'originator',
  }))
  const [saving, setSaving] = useState(false)
  const [failure, setFailure] = useState<unknown>(null)
  const [showProblems, setShowProblems] = useState(false)
  const areaId = area?.id ?? null

  // Editing starts with the area's own vertices on the map; a new area starts drawing at once.
  useEffect(() => {
    if (drawing.shape?.owner === drawingOwner && drawing.shape.kind === 'polygon') return
    if (area) drawing.start(drawingOwner, 'polygon', editableRing(area.geometry))
    else drawing.start(drawingOwner, 'polygon')
    // Once per area opened; the area object changes with every live update.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [areaId])

  const geometry = geometryOf(shape)
  const nameMissing = form.en.trim() === ''
  const close = () => {
    drawing.clear(drawingOwner)
    show({ name: 'list' })
  }

  async function save(event: FormEvent) {
    event.preventDefault()
    setShowProblems(true)
    setFailure(null)
    if (nameMissing || !geometry || geometry.type !== 'Polygon') return
    setSaving(true)
    const names = { en: form.en.trim(), ar: form.ar.trim(), ckb: form.ckb.trim() }
    try {
      if (area) await areasApi.update(area.id, { names, kind: form.kind, geometry: withEditedRing(area.geometry, geometry) as UpdateAreaBody['geometry'], version: area.version })
      else await areasApi.create({ names, kind: form.kind, geometry, roomId: room.id, release: form.release === 'room' ? { scope: 'room', roomId: room.id } : { scope: 'originator' } })
      close()
    } catch (error) {
      setFailure(error)
      setSaving(false)
    }
  }

  return (
    <form className="area-form panel-form" onSubmit={(event) => void save(event)} noValidate aria-labelledby="area-form-title">
      <button type="button" className="link-button" onClick={close}>{t('areasScreen.back')}</button>
      <h3 id="area-form-title">{area ? t('areasScreen.editTitle') : t('areasScreen.newTitle')}</h3>
      <label className="form-field">
        <span>{t('areasScreen.names.en')}</span>
        <input name="name-en" dir="ltr" value={form.en} aria-invalid={showProblems && nameMissing} onChange={(event) => setForm({ ...form, en: event.target.value })} />
      </label>
      {showProblems && nameMissing && <p className="field-problem">{t('areasScreen.problems.name')}</p>}
      <label className="form-field">
        <span>{t('areasScreen.names.ar')}</span>
        <input name="name-ar" dir="rtl" lang="ar" value={form.ar} onChange={(event) => setForm({ ...form, ar: event.target.value })} />
      </label>
      <label className="form-field">
        <span>{t('areasScreen.names.ckb')}</span>
        <input name="name-ckb" dir="rtl" lang="ckb" value={form.ckb} onChange={(event) => setForm({ ...form, ckb: event.target.value })} />
      </label>
      <label className="form-field">
        <span>{t('areasScreen.kindLabel')}</span>
        <select name="kind" value={form.kind} onChange={(event) => setForm({ ...form, kind: event.target.value as Area['kind'] })}>
          <option value="aor">{t('areasScreen.kind.aor')}</option>
          <option value="joint-security-area">{t('areasScreen.kind.joint-security-area')}</option>
        </select>
      </label>
      {!area && (
        <label className="form-field">
          <span>{t('areasScreen.release.label')}</span>
          <select name="release" value={form.release} onChange={(event) => setForm({ ...form, release: event.target.value as AreaFormState['release'] })}>
            <option value="room" disabled={!mayShare}>{t('areasScreen.release.room')}</option>
            <option value="originator">{t('areasScreen.release.originator')}</option>
          </select>
          {!mayShare && <small className="muted">{t('areasScreen.release.commanderShares')}</small>}
        </label>
      )}
      <fieldset className="form-group">
        <legend>{t('areasScreen.shape')}</legend>
        {area && hasMoreParts(area.geometry) && <p className="muted">{t('areasScreen.moreParts')}</p>}
        <DrawingControls owner={drawingOwner} kinds={['polygon']} />
        {showProblems && !geometry && <p className="field-problem">{t('areasScreen.problems.shape')}</p>}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving}>{saving ? t('areasScreen.saving') : t('areasScreen.save')}</button>
        <button type="button" onClick={close}>{t('areasScreen.cancel')}</button>
      </div>
      <p className="form-hint">{t('areasScreen.coverageNote')}</p>
      {failure !== null && <ProblemAlert error={failure} />}
    </form>
  )
}

export function AreasPanel({ room }: { room: Room }) {
  const { t } = useTranslation()
  const { picture } = useLiveRoom()
  usePictureVersion()
  const [view, setViewState] = useState<View>(() => savedViews.get(room.id) ?? { name: 'list' })
  const show = useCallback((next: View) => {
    savedViews.set(room.id, next)
    setViewState(next)
  }, [room.id])
  const editing = view.name === 'edit' ? picture.objects<Area>('areas').get(view.id) ?? null : null
  return (
    <div className="areas-panel">
      <h2>{t('areasScreen.title')}</h2>
      <CoverageSummary />
      {view.name === 'list' && <AreaList roomId={room.id} show={show} />}
      {view.name === 'new' && <AreaForm room={room} area={null} show={show} />}
      {view.name === 'edit' && (editing
        ? <AreaForm key={editing.id} room={room} area={editing} show={show} />
        : <p className="muted">{t('areasScreen.gone')} <button type="button" className="link-button" onClick={() => show({ name: 'list' })}>{t('areasScreen.back')}</button></p>)}
    </div>
  )
}
