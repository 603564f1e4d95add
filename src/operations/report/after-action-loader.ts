/**
 * Reads everything an after-action report and a joint statement show of one operation, for one
 * reader: the operation through `selectReleased` (not released → not-found), its plan, the units
 * and log entries the reader may see, the timeline from the audit entries visible to the reader,
 * the results view of the results capability (figures count as agreed only while agreed by every
 * participant and locked), the gazetteer's places near the objective areas with their district and
 * governorate in each language, and district boundaries for the map.
 */
import type { Queryable } from '../../platform/database/database.ts'
import { TansiqError } from '../../platform/errors.ts'
import { selectReleased, type Viewer } from '../../releasability/released-store.ts'
import { featuresOf, listLog, participantsOf, phasesOf } from '../operations-store.ts'
import { readOperationResults } from '../results/results-service.ts'
import type { OperationResults as ResultsView } from '../results/results-schemas.ts'
import {
  afterActionReportDataSchema, type AfterActionReportData, type AgreedFigure, type LocalizedName, type NearbyPlace, type OperationResults,
  type PartialLocalizedName, type TimelineEntry,
} from '../core/after-action-data.ts'
import { mapExtent } from '../core/after-action-map.ts'
import { districtBoundariesNear } from './report-assets.ts'
import { isoTime as iso } from '../../platform/database/database.ts'

/** Credit for the reference data the report draws (see NOTICE). */
export const reportAttribution = 'Place names: Tansiq gazetteer — Who’s On First (whosonfirst.org), GeoNames (CC BY 4.0) and Tansiq’s curated list. District boundaries: Who’s On First.'

/** Places farther than this from every objective area are not listed. */
const nearbyKm = 15
const nearbyKinds = ['district', 'subdistrict', 'town', 'village', 'area']


interface OperationRow {
  id: string
  organization_id: string
  room_id: string
  room_name_en: string
  room_name_ar: string
  room_name_ckb: string
  room_members: string[]
  name_ar: string
  name_ckb: string
  name_en: string
  objective: string
  status: AfterActionReportData['operation']['status']
  h_hour: Date | string
  window_start: Date | string
  window_end: Date | string
  plan_revision: number
  release_scope: 'originator' | 'organizations' | 'room'
  released_to: string[]
}

async function operationOf(database: Queryable, viewer: Viewer, operationId: string): Promise<OperationRow> {
  const [row] = await selectReleased<OperationRow>(database, viewer,
    `select o.id::text as id, o.organization_id, o.room_id, r.name_en as room_name_en, r.name_ar as room_name_ar, r.name_ckb as room_name_ckb,
       r.member_organization_ids as room_members, o.name_ar, o.name_ckb, o.name_en, o.objective, o.status, o.h_hour, o.window_start, o.window_end,
       o.plan_revision, o.release_scope, o.released_to
     from operations o join rooms r on r.id = o.room_id where o.id = $1 and {released:o}`, [operationId])
  if (!row) throw new TansiqError('not-found', `No operation ${operationId}`)
  return row
}

async function organizationNames(database: Queryable): Promise<Record<string, LocalizedName>> {
  const rows = await database.query<{ id: string; name_en: string; name_ar: string; name_ckb: string }>('select id, name_en, name_ar, name_ckb from organizations')
  return Object.fromEntries(rows.map((row) => [row.id, { en: row.name_en, ar: row.name_ar, ckb: row.name_ckb }]))
}

async function visibleUnits(database: Queryable, viewer: Viewer, ids: readonly string[]): Promise<Map<string, LocalizedName>> {
  if (ids.length === 0) return new Map()
  const rows = await selectReleased<{ id: string; name_en: string; name_ar: string; name_ckb: string; released_to: string[] }>(database, viewer,
    'select u.id::text as id, u.name_en, u.name_ar, u.name_ckb, u.released_to from units u where u.id = any($1::uuid[]) and {released:u}', [[...new Set(ids)]])
  return new Map(rows.map((row) => [row.id, { en: row.name_en, ar: row.name_ar || row.name_en, ckb: row.name_ckb || row.name_ar || row.name_en }]))
}

const auditSteps: Readonly<Record<string, TimelineEntry['kind']>> = {
  'operation.created': 'created', 'operation.proposed': 'proposed', 'operation.amended': 'amended', 'operation.approved': 'approved',
  'operation.started': 'activated', 'operation.completed': 'completed', 'operation.cancelled': 'cancelled',
}

/** The plan's steps as the audit log recorded them (who and when), only entries visible to the reader. */
async function planTimeline(database: Queryable, viewer: Viewer, operationId: string): Promise<TimelineEntry[]> {
  // The audit log is the record of who did what; its own visibility (visible_to) is honoured here.
  const rows = await database.query<{ at: Date | string; action: string; actor_username: string; actor_organization_id: string | null; change: Record<string, unknown> }>(
    `select at, action, actor_username, actor_organization_id, change from audit_log
     where object_type = 'operation' and object_id = $1 and $2 = any (visible_to) and action = any ($3::text[]) order by sequence`,
    [operationId, viewer.organizationId, Object.keys(auditSteps)])
  return rows.map((row) => {
    const revision = row.change.planRevision
    const reason = row.change.reason
    const organizationId = typeof row.change.organizationId === 'string' ? row.change.organizationId : row.actor_organization_id
    return {
      at: iso(row.at), kind: auditSteps[row.action]!, organizationId, by: row.actor_username,
      planRevision: typeof revision === 'number' ? revision : row.action === 'operation.created' ? 1 : null,
      note: typeof reason === 'string' && reason !== '' ? reason : null,
    }
  })
}

/** The result steps, from the rounds of agreement. */
function resultsTimeline(view: ResultsView): TimelineEntry[] {
  const entries: TimelineEntry[] = []
  for (const round of view.rounds) {
    entries.push({ at: round.proposedAt, kind: 'results-proposed', organizationId: round.proposedBy.organizationId, by: round.proposedBy.username, planRevision: null, note: round.note || null })
    for (const agreement of round.agreements) entries.push({ at: agreement.agreedAt, kind: 'results-agreement', organizationId: agreement.organizationId, by: agreement.agreedBy, planRevision: null, note: null })
    if (round.status === 'agreed' && round.closedAt) entries.push({ at: round.closedAt, kind: 'results-agreed', organizationId: null, by: null, planRevision: null, note: null })
    if (round.reopened) entries.push({ at: round.reopened.at, kind: 'results-reopened', organizationId: round.reopened.organizationId, by: round.reopened.by, planRevision: null, note: round.reopened.reason })
  }
  return entries
}

/**
 * The figures as the documents may show them. Agreed means agreed by a commander of every
 * participant and still locked: once reopened for a new round, they are not published as agreed.
 */
export function resultsForDocuments(view: ResultsView): OperationResults {
  const agreed = view.agreed
  if (agreed && view.locked) {
    return {
      status: 'agreed', round: agreed.round, agreedAt: agreed.closedAt ?? agreed.agreements.at(-1)?.agreedAt ?? agreed.proposedAt,
      figures: agreed.figures.map((figure): AgreedFigure => ({ item: figure.item, action: figure.action, count: figure.count === 'unspecified' ? null : figure.count })),
      agreements: agreed.agreements.map((agreement) => ({ organizationId: agreement.organizationId, by: agreement.agreedBy, at: agreement.agreedAt })),
    }
  }
  const open = view.rounds.find((round) => round.round === view.openRound)
  const reason = agreed ? 'reopened' : open ? 'awaiting-agreement' : view.participants.some((participant) => participant.claims !== null) ? 'claims-recorded' : 'no-claims'
  return { status: 'not-agreed', reason, pendingOrganizationIds: open?.awaiting ?? [] }
}

interface PlaceRow {
  id: string
  kind: NearbyPlace['kind']
  name_en: string
  name_ar: string | null
  name_ckb: string | null
  lat: number
  lon: number
  precision: NearbyPlace['precision']
  district: string | null
  governorate: string | null
  source: 'wof' | 'curated'
  distance_km: number
  inside: boolean
}

/** Gazetteer places within `nearbyKm` of the objective areas (of the axes when there are none), nearest first. */
async function nearbyPlaces(database: Queryable, operationId: string): Promise<NearbyPlace[]> {
  const rows = await database.query<PlaceRow>(
    `with target as (
       select st_union(f.geometry) as g from operation_features f
       where f.operation_id = $1 and (f.kind = 'objective' or not exists (select 1 from operation_features o where o.operation_id = $1 and o.kind = 'objective'))
     )
     select p.id, p.kind, p.name_en, p.name_ar, p.name_ckb, st_y(p.location) as lat, st_x(p.location) as lon, p.precision, p.district, p.governorate, p.source,
       st_distance(p.location::geography, t.g::geography) / 1000.0 as distance_km, st_intersects(p.location, t.g) as inside
     from places p, target t
     where t.g is not null and p.location && st_expand(t.g, $2::float8 / 80.0) and p.kind = any ($3::text[])
       and st_dwithin(p.location::geography, t.g::geography, $2::float8 * 1000.0)
     order by distance_km, p.source desc, p.id limit 200`,
    [operationId, nearbyKm, nearbyKinds])
  // A curated place and the gazetteer row of the same place: the curated one answers (as in place search).
  const seen = new Set<string>()
  const kept = rows.sort((a, b) => (a.source === b.source ? 0 : a.source === 'curated' ? -1 : 1) || a.distance_km - b.distance_km).filter((row) => {
    const key = row.name_en.toLowerCase()
    if (seen.has(key)) return false
    seen.add(key)
    return true
  }).sort((a, b) => a.distance_km - b.distance_km).slice(0, 40)
  const units = await administrativeNames(database, kept)
  return kept.map((row) => ({
    id: row.id, kind: row.kind, names: { en: row.name_en, ar: row.name_ar, ckb: row.name_ckb }, lat: row.lat, lon: row.lon, precision: row.precision,
    district: row.district ? units.get(`district:${row.district}`) ?? { en: row.district, ar: null, ckb: null } : null,
    governorate: row.governorate ? units.get(`governorate:${row.governorate}`) ?? { en: row.governorate, ar: null, ckb: null } : null,
    distanceKm: Math.max(0, Number(row.distance_km)), insideObjective: row.inside,
  }))
}

/** The names in each language of the districts and governorates places name in English (curated records first). */
async function administrativeNames(database: Queryable, places: readonly PlaceRow[]): Promise<Map<string, PartialLocalizedName>> {
  const districts = [...new Set(places.map((place) => place.district).filter((name): name is string => name !== null))]
  const governorates = [...new Set(places.map((place) => place.governorate).filter((name): name is string => name !== null))]
  const names = new Map<string, PartialLocalizedName>()
  if (districts.length === 0 && governorates.length === 0) return names
  const rows = await database.query<{ kind: 'district' | 'governorate'; name_en: string; name_ar: string | null; name_ckb: string | null; variants: string[] }>(
    `select kind, name_en, name_ar, name_ckb, variants from places
     where (kind = 'district' and (name_en = any ($1::text[]) or variants && $1::text[])) or (kind = 'governorate' and (name_en = any ($2::text[]) or variants && $2::text[]))
     order by case source when 'curated' then 0 else 1 end, id`, [districts, governorates])
  for (const row of rows) {
    for (const wanted of row.kind === 'district' ? districts : governorates) {
      const key = `${row.kind}:${wanted}`
      if (names.has(key) || (row.name_en !== wanted && !row.variants.includes(wanted))) continue
      // The canonical record's names in every language: "Tooz" of a gazetteer row becomes "Tuz Khurmatu".
      names.set(key, { en: row.name_en, ar: row.name_ar, ckb: row.name_ckb })
    }
  }
  return names
}

const asPosition = (value: unknown): [number, number] => {
  const [lon, lat] = value as number[]
  return [Number(lon), Number(lat)]
}

/**
 * Everything the after-action report and the joint statement of an operation show to `viewer`.
 * Not-found when the operation is not released to the viewer.
 */
export async function loadAfterActionReportData(database: Queryable, viewer: Viewer, operationId: string, options: { timeZone?: string; now?: Date } = {}): Promise<AfterActionReportData> {
  const operation = await operationOf(database, viewer, operationId)
  const [organizations, participants, features, phases, log, planSteps, results, places] = await Promise.all([
    organizationNames(database), participantsOf(database, operationId), featuresOf(database, operationId), phasesOf(database, operationId),
    listLog(database, viewer, operationId, { limit: 5000 }), planTimeline(database, viewer, operationId), readOperationResults(database, viewer, operationId),
    nearbyPlaces(database, operationId),
  ])
  const units = await visibleUnits(database, viewer, [...participants.flatMap((participant) => participant.unitIds), ...log.flatMap((entry) => (entry.unitId ? [entry.unitId] : []))])
  const featureIdsByKey = new Map(features.map((feature) => [feature.key, feature.id]))
  const hHour = new Date(operation.h_hour).getTime()
  const at = (offsetMinutes: number) => new Date(hHour + offsetMinutes * 60_000).toISOString()

  // Only the originator sees to whom exactly it released the operation; others know the room's members or the participants.
  const originator = operation.organization_id === viewer.organizationId
  const known = originator ? operation.released_to
    : operation.release_scope === 'room' ? operation.room_members.filter((id) => operation.released_to.includes(id))
      : [...new Set([viewer.organizationId, ...participants.map((participant) => participant.organizationId)])].filter((id) => operation.released_to.includes(id))

  const data = {
    operation: {
      id: operation.id,
      names: { ar: operation.name_ar, ckb: operation.name_ckb, en: operation.name_en },
      objective: operation.objective,
      status: operation.status,
      hHour: iso(operation.h_hour),
      windowStart: iso(operation.window_start),
      windowEnd: iso(operation.window_end),
      planRevision: operation.plan_revision,
      room: { id: operation.room_id, names: { en: operation.room_name_en, ar: operation.room_name_ar, ckb: operation.room_name_ckb } },
      releasedTo: [...known].sort(),
      releasedToComplete: originator || operation.release_scope === 'room',
    },
    organizations,
    participants: participants.map((participant) => ({
      organizationId: participant.organizationId,
      names: organizations[participant.organizationId] ?? { en: participant.organizationId, ar: participant.organizationId, ckb: participant.organizationId },
      role: participant.role,
      units: participant.unitIds.flatMap((id) => {
        const names = units.get(id)
        return names ? [{ id, names }] : []
      }),
    })),
    objectives: features.filter((feature) => feature.kind === 'objective').map((feature) => ({
      id: feature.id, name: feature.name, organizationId: feature.organizationId, areaKm2: feature.areaKm2,
      geometry: (feature.geometry.type === 'Polygon'
        ? { type: 'MultiPolygon', coordinates: [feature.geometry.coordinates] }
        : feature.geometry) as AfterActionReportData['objectives'][number]['geometry'],
    })),
    axes: features.filter((feature) => feature.kind === 'axis').map((feature) => ({
      id: feature.id, name: feature.name, organizationId: feature.organizationId, lengthKm: feature.lengthKm,
      geometry: { type: 'LineString' as const, coordinates: (feature.geometry.coordinates as unknown[]).map(asPosition) },
    })),
    phases: phases.map((phase) => ({
      ordinal: phase.ordinal, name: phase.name, startOffsetMinutes: phase.startOffsetMinutes, endOffsetMinutes: phase.endOffsetMinutes,
      start: at(phase.startOffsetMinutes), end: at(phase.endOffsetMinutes),
      axisIds: phase.axisKeys.flatMap((key) => featureIdsByKey.get(key) ?? []),
    })),
    timeline: [...planSteps, ...resultsTimeline(results)].sort((a, b) => Date.parse(a.at) - Date.parse(b.at)),
    results: resultsForDocuments(results),
    log: log.map((entry) => ({
      id: entry.id, at: entry.at, organizationId: entry.organizationId, author: entry.author, text: entry.text,
      location: entry.location ? { lon: Number(entry.location.coordinates[0]), lat: Number(entry.location.coordinates[1]) } : null,
      unitName: entry.unitId ? units.get(entry.unitId) ?? null : null,
      hasPhoto: entry.photo !== null,
    })),
    places,
    boundaries: [] as AfterActionReportData['boundaries'],
    attribution: reportAttribution,
    timeZone: options.timeZone ?? 'Asia/Baghdad',
    generatedAt: (options.now ?? new Date()).toISOString(),
    preparedFor: viewer.organizationId,
  }
  const extent = mapExtent(afterActionReportDataSchema.parse(data))
  data.boundaries = districtBoundariesNear([extent.west, extent.south, extent.east, extent.north])
  return afterActionReportDataSchema.parse(data)
}
