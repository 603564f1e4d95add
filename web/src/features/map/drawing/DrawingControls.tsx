/**
 * The drawing's controls in a form of the side panel: start drawing a route or an area, finish,
 * undo, and the same shape as a list of coordinates that can be typed — the keyboard's way to draw
 * (with "add the map's centre" after panning with the arrow keys). Every control is a labelled
 * button or input; what the drawing is doing is announced politely.
 */
import { useState, useSyncExternalStore, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '../../../i18n/format.ts'
import { drawing, finish, isComplete, removeVertex, validPosition, type DrawKind, type DrawingShape, type Position } from './drawing-store.ts'
import { areaKm2, lengthKm } from './shape-measure.ts'
import { useMapPickActive } from '../map-interaction.ts'
import './drawing.css'

/** Re-renders on every change of the drawing; returns the shape when it belongs to `owner`. */
export function useDrawingShape(owner: string): DrawingShape | null {
  useSyncExternalStore(drawing.subscribe, () => drawing.version)
  const shape = drawing.shape
  return shape?.owner === owner ? shape : null
}

/** Reads a coordinate as typed: Arabic-Indic or Persian digits and the Arabic decimal separator are accepted. */
export function parseCoordinate(text: string): number {
  const ascii = text.trim()
    .replace(/[٠-٩]/g, (digit) => String(digit.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (digit) => String(digit.charCodeAt(0) - 0x06f0))
    .replace(/[٫,]/g, '.').replace(/[−–]/g, '-')
  return ascii === '' || !/^-?\d+(\.\d+)?$/.test(ascii) ? Number.NaN : Number(ascii)
}

function PointRow({ index, position, onChange, onRemove }: { index: number; position: Position; onChange(position: Position): boolean; onRemove(): void }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [lat, setLat] = useState(String(position[1]))
  const [lon, setLon] = useState(String(position[0]))
  const [invalid, setInvalid] = useState(false)
  const commit = () => {
    const next: Position = [parseCoordinate(lon), parseCoordinate(lat)]
    const ok = validPosition(next) && onChange(next)
    setInvalid(!ok)
  }
  const number = format.number(index + 1)
  return (
    <li className="drawing-point">
      <span className="drawing-point-number" aria-hidden="true">{number}</span>
      <label>
        <span className="visually-hidden">{t('mapDrawing.point', { number })} — </span>{t('mapDrawing.latitude')}
        <input inputMode="decimal" dir="ltr" value={lat} aria-invalid={invalid} onChange={(event) => setLat(event.target.value)} onBlur={commit} onKeyDown={(event) => event.key === 'Enter' && (event.preventDefault(), commit())} />
      </label>
      <label>
        <span className="visually-hidden">{t('mapDrawing.point', { number })} — </span>{t('mapDrawing.longitude')}
        <input inputMode="decimal" dir="ltr" value={lon} aria-invalid={invalid} onChange={(event) => setLon(event.target.value)} onBlur={commit} onKeyDown={(event) => event.key === 'Enter' && (event.preventDefault(), commit())} />
      </label>
      <button type="button" className="drawing-remove" onClick={onRemove} aria-label={t('mapDrawing.removePoint', { number })} title={t('mapDrawing.removePoint', { number })}>×</button>
    </li>
  )
}

export interface DrawingControlsProps {
  /** The form the shape belongs to. */
  owner: string
  /** What may be drawn: a route, an area, or either. */
  kinds: readonly DrawKind[]
  /** Shown instead of the usual "nothing drawn" text. */
  emptyHint?: string
}

export function DrawingControls({ owner, kinds, emptyHint }: DrawingControlsProps) {
  const { t } = useTranslation()
  const format = useFormat()
  const shape = useDrawingShape(owner)
  const waitingForPick = useMapPickActive()
  const [newLat, setNewLat] = useState('')
  const [newLon, setNewLon] = useState('')
  const [newInvalid, setNewInvalid] = useState(false)

  const addPosition = (position: Position): boolean => {
    if (!validPosition(position)) return false
    if (!shape) drawing.start(owner, kinds[0]!, [], 'draw')
    drawing.update((current) => ({ ...current, vertices: [...current.vertices, position], selected: null }))
    return true
  }
  // Not a <form>: the controls sit inside the movement's or the area's form, and forms do not nest.
  const onAdd = () => {
    const ok = addPosition([parseCoordinate(newLon), parseCoordinate(newLat)])
    setNewInvalid(!ok)
    if (ok) {
      setNewLat('')
      setNewLon('')
    }
  }

  const addOnEnter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return
    event.preventDefault()
    onAdd()
  }

  let status: string
  if (!shape) status = emptyHint ?? t('mapDrawing.none')
  else if (shape.mode === 'draw') status = t(shape.kind === 'route' ? 'mapDrawing.drawingRoute' : 'mapDrawing.drawingArea', { count: format.number(shape.vertices.length) })
  else if (shape.kind === 'route') status = t('mapDrawing.routeDone', { count: format.number(shape.vertices.length), length: format.number(lengthKm(shape.vertices), { maximumFractionDigits: 1 }) })
  else status = t('mapDrawing.areaDone', { count: format.number(shape.vertices.length), area: format.number(areaKm2(shape.vertices), { maximumFractionDigits: 1 }) })

  return (
    <div className="drawing-controls" data-drawing-keys="" data-drawing-owner={owner}>
      <p className="drawing-status" aria-live="polite" data-testid="drawing-status">{status}</p>
      {shape && waitingForPick && <p className="notice drawing-waiting" role="status" data-testid="drawing-waiting">{t('mapDrawing.waitingForPick')}</p>}
      {shape?.mode === 'edit' && <p className="drawing-hint muted">{t('mapDrawing.editHint')}</p>}
      {shape && !isComplete(shape) && shape.mode === 'edit' && <p className="drawing-hint" role="alert">{t('mapDrawing.tooFew')}</p>}
      <div className="drawing-buttons">
        {!shape && kinds.map((kind) => (
          <button key={kind} type="button" className="drawing-start" data-draw-kind={kind} onClick={() => drawing.start(owner, kind)}>
            {t(kind === 'route' ? 'mapDrawing.drawRoute' : 'mapDrawing.drawArea')}
          </button>
        ))}
        {shape?.mode === 'draw' && (
          <>
            <button type="button" className="primary drawing-finish" disabled={!isComplete(shape)} onClick={() => drawing.update(finish)}>{t('mapDrawing.finish')}</button>
            <button type="button" disabled={shape.vertices.length === 0} onClick={() => drawing.update((current) => removeVertex(current, current.vertices.length - 1))}>{t('mapDrawing.undo')}</button>
          </>
        )}
        {shape && (
          <button type="button" title={t('mapDrawing.addCentreHint')} onClick={() => { const centre = drawing.map?.centre(); if (centre) addPosition(centre) }}>{t('mapDrawing.addCentre')}</button>
        )}
        {shape?.mode === 'edit' && <button type="button" onClick={() => drawing.redraw()}>{t('mapDrawing.redraw')}</button>}
        {shape && <button type="button" onClick={() => drawing.clear(owner)}>{t('mapDrawing.removeShape')}</button>}
      </div>
      {shape && (
        <details className="drawing-coordinates">
          <summary>{t('mapDrawing.coordinates')}</summary>
          <ol className="drawing-points">
            {shape.vertices.map((position, index) => (
              <PointRow
                key={`${index}:${position[0]},${position[1]}`}
                index={index}
                position={position}
                onChange={(next) => { drawing.update((current) => { const vertices = current.vertices.slice(); vertices[index] = next; return { ...current, vertices } }); return true }}
                onRemove={() => drawing.update((current) => removeVertex(current, index))}
              />
            ))}
          </ol>
          <div className="drawing-new-point" role="group" aria-label={t('mapDrawing.newPoint')}>
            <label>{t('mapDrawing.latitude')}<input inputMode="decimal" dir="ltr" value={newLat} aria-invalid={newInvalid} onChange={(event) => setNewLat(event.target.value)} onKeyDown={addOnEnter} /></label>
            <label>{t('mapDrawing.longitude')}<input inputMode="decimal" dir="ltr" value={newLon} aria-invalid={newInvalid} onChange={(event) => setNewLon(event.target.value)} onKeyDown={addOnEnter} /></label>
            <button type="button" onClick={onAdd}>{t('mapDrawing.addPoint')}</button>
          </div>
          {newInvalid && <p className="drawing-hint" role="alert">{t('mapDrawing.badCoordinate')}</p>}
        </details>
      )}
    </div>
  )
}
