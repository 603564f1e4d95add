/**
 * The report form of the room: type, title and text, when (in the room's time or the user's), the
 * admiralty grading, where (a place found by name in any spelling, a point clicked on the map, or
 * typed coordinates), attachments, and to whom it is released. The report is created in the room,
 * then each attachment is sent; it reaches the map through the live picture like any report.
 */
import { Marker } from 'maplibre-gl'
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Report, Room } from '../../api/server-types.ts'
import { useUser } from '../../app/session.tsx'
import { useFormat } from '../../i18n/format.ts'
import type { Language } from '../../i18n/i18n.ts'
import { localName } from '../../ui/organizations.ts'
import { ProblemAlert } from '../../ui/ProblemAlert.tsx'
import { attachmentTypes, maxAttachmentBytes, maxAttachmentsPerReport } from '../../../../src/reports/core/attachment-content.ts'
import { claimNextMapClick, useRoomMap } from '../map/map-interaction.ts'
import { AdmiraltyFields, type Grading } from './AdmiraltyFields.tsx'
import { PlaceSearch } from './PlaceSearch.tsx'
import { mayWidenRelease, ReleaseChooser, type Release } from './ReleaseChooser.tsx'
import { forgetRemembered, useRemembered } from './remembered-state.ts'
import { useSizeText } from './report-format.ts'
import { reportsEndpoints, type PlaceSearchHit } from './reports-endpoints.ts'
import { isoToZonedLocal, userTimeZone, zonedLocalToIso } from './zoned-time.ts'

const reportTypes: ReadonlyArray<Report['type']> = ['incident', 'sigact', 'intelligence']
/** The server accepts times up to 10 minutes ahead (clock skew). */
const futureToleranceMs = 10 * 60_000

export interface AttachmentFailure {
  fileName: string
  error: unknown
}

export function ReportForm({ room, roomTimeZone, onCreated, onCancel }: {
  room: Room
  roomTimeZone: string
  onCreated(report: Report, failures: AttachmentFailure[]): void
  onCancel(): void
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.language as Language
  const format = useFormat()
  const sizeText = useSizeText()
  const user = useUser()
  const map = useRoomMap()
  const id = useId()
  const userZone = useMemo(userTimeZone, [])
  // Remembered while the page lives: another tab of the panel may be looked at mid-report.
  const key = `report-form:${room.id}:`
  const [type, setType] = useRemembered<Report['type']>(`${key}type`, 'incident')
  const [title, setTitle] = useRemembered(`${key}title`, '')
  const [body, setBody] = useRemembered(`${key}body`, '')
  const [zoneChoice, setZoneChoice] = useRemembered<'room' | 'user'>(`${key}zone`, 'room')
  const [when, setWhen] = useRemembered(`${key}when`, () => isoToZonedLocal(new Date(), roomTimeZone))
  const [grading, setGrading] = useRemembered<Grading>(`${key}grading`, { reliability: '', credibility: 0 })
  const [place, setPlace] = useRemembered<PlaceSearchHit | null>(`${key}place`, null)
  const [lat, setLat] = useRemembered(`${key}lat`, '')
  const [lon, setLon] = useRemembered(`${key}lon`, '')
  const [picking, setPicking] = useState(false)
  const [files, setFiles] = useRemembered<File[]>(`${key}files`, [])
  const [fileProblems, setFileProblems] = useState<string[]>([])
  const [release, setRelease] = useRemembered<Release>(`${key}release`, { scope: 'originator' })
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [missing, setMissing] = useState<string | null>(null)

  const zone = zoneChoice === 'room' ? roomTimeZone : userZone
  const point = lat.trim() !== '' && lon.trim() !== '' && Number.isFinite(Number(lat)) && Number.isFinite(Number(lon))
    ? { lat: Number(lat), lon: Number(lon) } : null
  const pointValid = point !== null && Math.abs(point.lat) <= 90 && Math.abs(point.lon) <= 180

  // The chosen location as a marker on the room's map.
  const markerLat = pointValid ? point.lat : null
  const markerLon = pointValid ? point.lon : null
  useEffect(() => {
    if (!map || markerLat === null || markerLon === null) return
    const marker = new Marker({ color: '#ea580c' }).setLngLat([markerLon, markerLat]).addTo(map)
    marker.getElement().dataset.testid = 'report-location-marker'
    return () => void marker.remove()
  }, [map, markerLat, markerLon])

  // Picking a point: the map's next click; Escape (or a drawing begun meanwhile) gives the map back.
  useEffect(() => {
    if (!picking) return
    return claimNextMapClick((picked) => {
      setLat(picked.lat.toFixed(5))
      setLon(picked.lon.toFixed(5))
      setPlace(null)
      setPicking(false)
    }, () => setPicking(false))
  }, [picking, setLat, setLon, setPlace])

  function changeZone(next: 'room' | 'user') {
    // The same instant, shown on the other clock.
    const iso = zonedLocalToIso(when, zone)
    if (iso) setWhen(isoToZonedLocal(new Date(iso), next === 'room' ? roomTimeZone : userZone))
    setZoneChoice(next)
  }

  function choosePlace(hit: PlaceSearchHit) {
    setPlace(hit)
    setLat(String(hit.lat))
    setLon(String(hit.lon))
  }

  function addFiles(list: FileList | null) {
    const problems: string[] = []
    const accepted = [...files]
    for (const file of list ? [...list] : []) {
      if (file.size > maxAttachmentBytes) problems.push(t('reportsScreen.form.tooLarge', { name: file.name, size: sizeText(maxAttachmentBytes) }))
      else if (file.type !== '' && !(attachmentTypes as readonly string[]).includes(file.type)) problems.push(t('reportsScreen.form.wrongType', { name: file.name }))
      else if (accepted.length >= maxAttachmentsPerReport) problems.push(t('reportsScreen.form.tooMany', { count: format.number(maxAttachmentsPerReport) }))
      else accepted.push(file)
    }
    setFiles(accepted)
    setFileProblems(problems)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setError(null)
    const occurredAt = zonedLocalToIso(when, zone)
    const absent = [
      title.trim() === '' && t('reportsScreen.form.reportTitle'),
      body.trim() === '' && t('reportsScreen.form.text'),
      !occurredAt && t('reportsScreen.form.when'),
      grading.reliability === '' && t('reportsScreen.form.reliability'),
      grading.credibility === 0 && t('reportsScreen.form.credibility'),
    ].filter((name): name is string => typeof name === 'string')
    if (absent.length > 0) return setMissing(t('reportsScreen.form.required', { fields: absent.join(language === 'en' ? ', ' : '، ') }))
    if (new Date(occurredAt!).getTime() > Date.now() + futureToleranceMs) return setMissing(t('reportsScreen.form.future'))
    if (point && !pointValid) return setMissing(t('reportsScreen.form.coordinatesInvalid'))
    setMissing(null)
    setSubmitting(true)
    try {
      const atPlace = place && point && place.lat === point.lat && place.lon === point.lon
      const report = await reportsEndpoints.createReport({
        type, title: title.trim(), body, occurredAt: occurredAt!, roomId: room.id,
        sourceReliability: grading.reliability as Exclude<Grading['reliability'], ''>, informationCredibility: grading.credibility,
        location: pointValid ? { type: 'Point', coordinates: [point.lon, point.lat] } : null,
        placeId: atPlace ? place.id : null,
        release,
      })
      const failures: AttachmentFailure[] = []
      for (const file of files) {
        try {
          await reportsEndpoints.attach(report.id, file)
        } catch (failure) {
          failures.push({ fileName: file.name, error: failure })
        }
      }
      forgetRemembered(key)
      onCreated(report, failures)
    } catch (failure) {
      setError(failure)
      setSubmitting(false)
    }
  }

  const placeName = place ? localName(place.names, language) : ''
  const narrow = typeof window !== 'undefined' && window.matchMedia('(max-width: 1100px)').matches
  return (
    <form className="report-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('reportsScreen.form.title')}</h2>
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('reportsScreen.form.type')}</label>
        <select id={`${id}-type`} value={type} onChange={(event) => setType(event.target.value as Report['type'])}>
          {reportTypes.map((value) => <option key={value} value={value}>{t(`reportType.${value}`)}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-report-title`}>{t('reportsScreen.form.reportTitle')}</label>
        <input id={`${id}-report-title`} dir="auto" required maxLength={300} value={title} onChange={(event) => setTitle(event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('reportsScreen.form.text')}</label>
        <textarea id={`${id}-body`} dir="auto" required rows={5} value={body} onChange={(event) => setBody(event.target.value)} aria-describedby={`${id}-body-hint`} />
        <p id={`${id}-body-hint`} className="field-hint">{t('reportsScreen.form.textHint')}</p>
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-when`}>{t('reportsScreen.form.when')}</label>
          <input id={`${id}-when`} type="datetime-local" required value={when} onChange={(event) => setWhen(event.target.value)} />
        </div>
        {userZone !== roomTimeZone && (
          <div className="field">
            <label htmlFor={`${id}-zone`}>{t('reportsScreen.form.zone')}</label>
            <select id={`${id}-zone`} value={zoneChoice} onChange={(event) => changeZone(event.target.value as 'room' | 'user')}>
              <option value="room">{t('reportsScreen.form.roomZone', { zone: format.zoneName(roomTimeZone) })}</option>
              <option value="user">{t('reportsScreen.form.userZone', { zone: format.zoneName(userZone) })}</option>
            </select>
          </div>
        )}
      </div>
      <AdmiraltyFields value={grading} onChange={setGrading} />
      <fieldset className="location-fields">
        <legend>{t('reportsScreen.form.location')}</legend>
        <PlaceSearch label={t('reportsScreen.placeSearch.label')} onSelect={choosePlace} near={pointValid ? point : undefined} />
        <p className="location-chosen" role="status" data-testid="report-location">
          {pointValid ? (place && point.lat === place.lat && point.lon === place.lon ? t('reportsScreen.form.chosenPlace', { name: placeName }) : t('reportsScreen.form.chosenPoint')) : t('reportsScreen.form.noLocation')}
        </p>
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-lat`}>{t('reportsScreen.form.latitude')}</label>
            <input id={`${id}-lat`} inputMode="decimal" dir="ltr" value={lat} onChange={(event) => { setLat(event.target.value); setPlace(null) }} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-lon`}>{t('reportsScreen.form.longitude')}</label>
            <input id={`${id}-lon`} inputMode="decimal" dir="ltr" value={lon} onChange={(event) => { setLon(event.target.value); setPlace(null) }} />
          </div>
        </div>
        <div className="button-row">
          {picking
            ? <button type="button" onClick={() => setPicking(false)}>{t('reportsScreen.form.cancelPick')}</button>
            : <button type="button" onClick={() => setPicking(true)} disabled={!map}>{t('reportsScreen.form.pickOnMap')}</button>}
          {(lat !== '' || lon !== '') && <button type="button" onClick={() => { setLat(''); setLon(''); setPlace(null) }}>{t('reportsScreen.form.clearLocation')}</button>}
        </div>
        {picking && <p className="notice" role="status">{narrow ? t('reportsScreen.form.pickingDrawer') : t('reportsScreen.form.picking')}</p>}
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-files`}>{t('reportsScreen.form.attachments')}</label>
        <input id={`${id}-files`} type="file" multiple accept={attachmentTypes.join(',')} aria-describedby={`${id}-files-hint`}
          onChange={(event) => { addFiles(event.target.files); event.target.value = '' }} />
        <p id={`${id}-files-hint`} className="field-hint">{t('reportsScreen.form.attachmentsHint', { size: sizeText(maxAttachmentBytes), count: format.number(maxAttachmentsPerReport) })}</p>
        {files.length > 0 && (
          <ul className="file-list">
            {files.map((file, index) => (
              <li key={`${file.name}-${index}`}>
                <span dir="auto">{file.name}</span> <span className="muted">({sizeText(file.size)})</span>
                <button type="button" className="link-button" onClick={() => setFiles(files.filter((_, other) => other !== index))}>{t('reportsScreen.form.removeFile', { name: file.name })}</button>
              </li>
            ))}
          </ul>
        )}
        {fileProblems.map((problem) => <p key={problem} className="field-error" role="alert">{problem}</p>)}
      </div>
      <ReleaseChooser value={release} onChange={setRelease} roomId={room.id} organizationIds={room.memberOrganizationIds} ownOrganizationId={user.organizationId} canWiden={mayWidenRelease(user.role)} />
      {missing && <p className="field-error" role="alert">{missing}</p>}
      {error !== null && <ProblemAlert error={error} />}
      <div className="button-row">
        <button type="submit" className="primary" disabled={submitting}>{submitting ? t('reportsScreen.form.submitting') : t('reportsScreen.form.submit')}</button>
        <button type="button" onClick={() => { forgetRemembered(key); onCancel() }} disabled={submitting}>{t('reportsScreen.form.cancel')}</button>
      </div>
    </form>
  )
}
