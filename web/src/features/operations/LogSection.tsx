/**
 * The live log of an operation: entries newest first, arriving live from the room's connection;
 * a participant's commander, watch or liaison officer adds one with text, optionally a unit, a
 * place picked on the map and a photo.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Unit } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { useLiveRoom, usePictureVersion } from '../../live/use-live-picture.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { useLoaded } from '../../ui/use-loaded.ts'
import { localName, organizationColour } from '../../ui/organizations.ts'
import { fitMapTo, pickMapPoint, type MapClick } from './map-bridge.ts'
import { operationsApi, type AddLogEntryInput, type LogEntry, type Operation } from './operations-endpoints.ts'
import { useOrganizationName } from './operations-ui.tsx'

const photoTypes = ['image/jpeg', 'image/png', 'image/webp'] as const
type PhotoType = (typeof photoTypes)[number]
const maxPhotoBytes = 5 * 1024 * 1024

function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(reader.error ?? new Error('the photo could not be read'))
    reader.readAsDataURL(file)
  })
}

export function LogSection({ operation, roomTimeZone, mayWrite }: { operation: Operation; roomTimeZone: string; mayWrite: boolean }) {
  const { t } = useTranslation()
  const format = useFormat()
  const { picture } = useLiveRoom()
  usePictureVersion()
  const { value: fetched, error, reload, update } = useLoaded((signal) => operationsApi.log(operation.id, { signal }), [operation.id])

  // Entries read at opening, and those the live connection brought since (or in its snapshot).
  const live = picture.objects<LogEntry>('operation-log')
  const byId = new Map((fetched ?? []).map((entry) => [entry.id, entry]))
  for (const entry of live.values()) if (entry.operationId === operation.id) byId.set(entry.id, entry)
  const entries = [...byId.values()].sort((a, b) => b.at.localeCompare(a.at) || b.createdAt.localeCompare(a.createdAt))

  const logOpen = operation.status === 'approved' || operation.status === 'active'
  return (
    <div className="operation-log">
      {mayWrite && <LogEntryForm operation={operation} onAdded={(entry) => update((current) => [...(current ?? []).filter((other) => other.id !== entry.id), entry])} />}
      {!mayWrite && <p className="muted">{logOpen ? t('operationsScreen.log.notParticipant') : t('operationsScreen.log.closed')}</p>}
      {error !== null && <ProblemAlert error={error} onRetry={reload} />}
      <h3 id="operation-log-title">{t('operationsScreen.log.title')} <span className="muted">({format.number(entries.length)})</span></h3>
      {entries.length === 0 && <p className="muted">{t('operationsScreen.log.empty')}</p>}
      <ol className="log-list" aria-labelledby="operation-log-title" aria-live="polite">
        {entries.map((entry) => <LogEntryItem key={entry.id} entry={entry} roomTimeZone={roomTimeZone} />)}
      </ol>
    </div>
  )
}

function LogEntryItem({ entry, roomTimeZone }: { entry: LogEntry; roomTimeZone: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const organizationName = useOrganizationName()
  const { picture } = useLiveRoom()
  const unit = entry.unitId ? picture.objects<Unit>('units').get(entry.unitId) : undefined
  const location = entry.location?.coordinates
  return (
    <li className="log-entry" data-log-entry={entry.id}>
      <div className="log-entry-head">
        <span className="swatch" style={{ background: organizationColour(entry.organizationId) }} aria-hidden="true" />
        <time dateTime={entry.at} title={format.dateTime(entry.at, roomTimeZone)}>{format.dateTime(entry.at, roomTimeZone)}</time>
        <span className="muted"> · {t('operationsScreen.log.author', { author: entry.author, organization: organizationName(entry.organizationId) })}</span>
      </div>
      <p className="log-entry-text" dir="auto">{entry.text}</p>
      {(unit || location) && (
        <div className="log-entry-meta muted">
          {unit && <span dir="auto">{localName(unit.names, language)}</span>}
          {unit && location && ' · '}
          {location && (
            <button type="button" className="link-button" onClick={() => fitMapTo([location[0]! - 0.02, location[1]! - 0.02, location[0]! + 0.02, location[1]! + 0.02])}>
              {t('operationsScreen.log.coordinates', { lat: format.number(location[1]!, { maximumFractionDigits: 4 }), lon: format.number(location[0]!, { maximumFractionDigits: 4 }) })}
            </button>
          )}
        </div>
      )}
      {entry.photo && <LogPhoto entry={entry} />}
    </li>
  )
}

/** A log entry's photo: fetched on demand with the session (it is always sent as a download, never rendered by URL). */
function LogPhoto({ entry }: { entry: LogEntry }) {
  const { t } = useTranslation()
  const format = useFormat()
  const [url, setUrl] = useState<string | null>(null)
  const [error, setError] = useState<unknown>(null)
  const photo = entry.photo!
  const href = operationsApi.photoUrl(entry.operationId, entry.id)
  useEffect(() => () => { if (url) URL.revokeObjectURL(url) }, [url])

  async function show() {
    try {
      const response = await fetch(href, { credentials: 'same-origin' })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      setUrl(URL.createObjectURL(new Blob([await response.arrayBuffer()], { type: photo.contentType })))
    } catch (failure) {
      setError(failure)
    }
  }
  const size = `${format.number(photo.sizeBytes / 1024, { maximumFractionDigits: 0 })} KB`
  return (
    <div className="log-photo">
      {url ? <img src={url} alt={t('operationsScreen.log.photoOf')} /> : <button type="button" className="link-button" onClick={() => void show()}>{t('operationsScreen.log.showPhoto')}</button>}
      {' '}<a href={href} download={photo.fileName}>{t('operationsScreen.log.downloadPhoto', { size })}</a>
      {error !== null && <ProblemAlert error={error} />}
    </div>
  )
}

function LogEntryForm({ operation, onAdded }: { operation: Operation; onAdded(entry: LogEntry): void }) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const user = useUser()
  const { picture } = useLiveRoom()
  const [text, setText] = useState('')
  const [unitId, setUnitId] = useState('')
  const [location, setLocation] = useState<MapClick | null>(null)
  const [picking, setPicking] = useState(false)
  const [photo, setPhoto] = useState<File | null>(null)
  const [photoProblem, setPhotoProblem] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [done, setDone] = useState('')
  const fileInput = useRef<HTMLInputElement>(null)

  useEffect(() => {
    if (!picking) return
    return pickMapPoint((click) => {
      setLocation(click)
      setPicking(false)
    }, () => setPicking(false))
  }, [picking])

  // The operation's units and the user's organization's units, as the server accepts.
  const units = picture.objects<Unit>('units')
  const operationUnitIds = new Set(operation.participants.flatMap((participant) => participant.unitIds))
  const unitChoices = [...units.values()]
    .filter((unit) => operationUnitIds.has(unit.id) || unit.organizationId === user.organizationId)
    .sort((a, b) => Number(operationUnitIds.has(b.id)) - Number(operationUnitIds.has(a.id)) || localName(a.names, language).localeCompare(localName(b.names, language)))

  function choosePhoto(file: File | null) {
    setPhotoProblem('')
    if (file && !(photoTypes as readonly string[]).includes(file.type)) {
      setPhotoProblem(t('operationsScreen.log.photoType'))
      file = null
    } else if (file && file.size > maxPhotoBytes) {
      setPhotoProblem(t('operationsScreen.log.photoTooLarge'))
      file = null
    }
    if (!file && fileInput.current) fileInput.current.value = ''
    setPhoto(file)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    setDone('')
    try {
      const input: AddLogEntryInput = { text }
      if (unitId) input.unitId = unitId
      if (location) input.location = { type: 'Point', coordinates: [location.lon, location.lat] }
      if (photo) input.photo = { contentType: photo.type as PhotoType, fileName: photo.name, data: await readAsBase64(photo) }
      const entry = await operationsApi.addLogEntry(operation.id, input)
      onAdded(entry)
      setText('')
      setUnitId('')
      setLocation(null)
      choosePhoto(null)
      setDone(t('operationsScreen.log.added'))
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="log-form" onSubmit={(event) => void submit(event)} aria-labelledby="log-form-title">
      <h3 id="log-form-title">{t('operationsScreen.log.add')}</h3>
      <label htmlFor="log-text">{t('operationsScreen.log.text')}</label>
      <textarea id="log-text" rows={3} required value={text} onChange={(event) => setText(event.target.value)} dir="auto" maxLength={10_000} />
      <label htmlFor="log-unit">{t('operationsScreen.log.unit')}</label>
      <select id="log-unit" value={unitId} onChange={(event) => setUnitId(event.target.value)}>
        <option value="">{t('operationsScreen.log.noUnit')}</option>
        {unitChoices.map((unit) => <option key={unit.id} value={unit.id}>{localName(unit.names, language)}</option>)}
      </select>
      <fieldset className="log-location">
        <legend>{t('operationsScreen.log.location')}</legend>
        <span className="log-location-value" data-testid="log-location">
          {location ? t('operationsScreen.log.coordinates', { lat: format.number(location.lat, { maximumFractionDigits: 4 }), lon: format.number(location.lon, { maximumFractionDigits: 4 }) }) : t('operationsScreen.log.noLocation')}
        </span>
        <div className="button-row">
          <button type="button" aria-pressed={picking} onClick={() => setPicking((on) => !on)}>{picking ? t('operationsScreen.log.stopPicking') : t('operationsScreen.log.pick')}</button>
          {location && <button type="button" onClick={() => setLocation(null)}>{t('operationsScreen.log.clearLocation')}</button>}
        </div>
        {picking && <p className="notice" role="status">{t('operationsScreen.log.picking')}</p>}
      </fieldset>
      <label htmlFor="log-photo">{t('operationsScreen.log.photo')}</label>
      <input id="log-photo" ref={fileInput} type="file" accept={photoTypes.join(',')} onChange={(event) => choosePhoto(event.target.files?.[0] ?? null)} />
      {photoProblem && <p className="field-problem" role="alert">{photoProblem}</p>}
      <div className="button-row">
        <button type="submit" className="primary" disabled={busy || text.trim() === ''}>{busy ? t('operationsScreen.log.submitting') : t('operationsScreen.log.submit')}</button>
        {done && !busy && <span className="operation-done" role="status">{done}</span>}
      </div>
      {error !== null && <ProblemAlert error={error} />}
    </form>
  )
}
