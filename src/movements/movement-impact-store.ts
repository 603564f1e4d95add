/**
 * SQL of the impact analysis: the objects a movement comes within the room's buffer of during
 * its window, from the `deconfliction_objects` view (areas of responsibility, live movements, and
 * the axes and objective areas of joint operations, migration 0012), and the stored findings.
 *
 * The analysis reads every object, released or not: deconfliction must weigh an area or a
 * movement its author does not share. What it exposes is filtered: each stored finding carries
 * its own released_to, and every read of findings goes through `selectReleased`.
 */
import type { Queryable } from '../platform/database/database.ts'
import { selectReleased, type Viewer } from '../releasability/released-store.ts'
import { bufferInDegrees, expandBounds, type ComputedFinding, type Finding } from './core/movement-impact.ts'
import { liveStatuses } from './core/movement-lifecycle.ts'
import type { FindingView } from './movement-schemas.ts'

/** What to analyse: a stored movement, or a geometry as drawn (preview). */
export type AnalysisSubject = { movementId: string } | { geometry: unknown }

/** The movement's window, the room's buffer, the author (never affected by itself) and the bounds of the geometry. */
export interface AnalysisFrame {
  from: Date
  to: Date
  bufferMeters: number
  authorOrganizationId: string
  bounds: readonly [number, number, number, number]
}

interface FindingRow {
  object_type: Finding['counterpartType']
  object_id: string
  organization_id: string
  released_to: string[]
  crosses: boolean
  overlap: unknown
  overlap_from: Date | string
  overlap_to: Date | string
  distance_meters: number
}

/**
 * The objects of other organizations within `bufferMeters` of the movement during its window,
 * by the `movement_impact` function (migration 0007, replaced in 0012 to leave out the objects of the movement's own operation).
 */
export async function analyseImpact(database: Queryable, subject: AnalysisSubject, frame: AnalysisFrame): Promise<ComputedFinding[]> {
  const [west, south, east, north] = expandBounds(frame.bounds, frame.bufferMeters)
  const { dx } = bufferInDegrees(frame.bounds, frame.bufferMeters)
  const stored = 'movementId' in subject
  const subjectSql = stored ? '(select m.geometry from movements m where m.id = $1::uuid)' : 'st_force2d(st_setsrid(st_geomfromgeojson($1::text), 4326))'
  const rows = await database.query<FindingRow>(
    `select i.object_type, i.object_id::text as object_id, i.organization_id, i.released_to, i.crosses, st_asgeojson(i.overlap, 7)::json as overlap,
       i.overlap_from, i.overlap_to, i.distance_meters
     from movement_impact(${subjectSql}, $2::timestamptz, $3::timestamptz, $4::double precision, $5::text, ${stored ? '$1::uuid' : 'null::uuid'},
       $6::double precision, $7::double precision, $8::double precision, $9::double precision, $10::double precision) i
     order by i.object_type, i.object_id`,
    [stored ? subject.movementId : JSON.stringify(subject.geometry), frame.from.toISOString(), frame.to.toISOString(),
      frame.bufferMeters, frame.authorOrganizationId, west, south, east, north, dx],
  )
  return rows.map((row) => ({
    counterpartType: row.object_type,
    counterpartId: row.object_id,
    counterpartOrganizationId: row.organization_id,
    counterpartReleasedTo: row.released_to,
    crosses: row.crosses,
    overlap: row.overlap,
    overlapFrom: new Date(row.overlap_from).toISOString(),
    overlapTo: new Date(row.overlap_to).toISOString(),
    distanceMeters: row.distance_meters,
  }))
}

interface StoredFindingRow extends Omit<FindingRow, 'object_type' | 'object_id' | 'organization_id'> {
  counterpart_type: Finding['counterpartType']
  counterpart_id: string
  counterpart_organization_id: string
}

const selectFindings = `select f.counterpart_type, f.counterpart_id::text as counterpart_id, f.counterpart_organization_id, f.crosses,
    st_asgeojson(f.overlap, 7)::json as overlap, f.overlap_from, f.overlap_to, f.distance_meters, f.released_to
  from movement_findings f`

function toFinding(row: StoredFindingRow): Finding {
  return {
    counterpartType: row.counterpart_type, counterpartId: row.counterpart_id, counterpartOrganizationId: row.counterpart_organization_id, crosses: row.crosses,
    overlap: row.overlap, overlapFrom: new Date(row.overlap_from).toISOString(), overlapTo: new Date(row.overlap_to).toISOString(), distanceMeters: row.distance_meters,
  }
}

/** A finding as the API shows it. */
export function findingView(finding: Finding): FindingView {
  return {
    counterpart: { type: finding.counterpartType, id: finding.counterpartId, organizationId: finding.counterpartOrganizationId },
    crosses: finding.crosses,
    overlap: finding.overlap as FindingView['overlap'],
    overlapFrom: finding.overlapFrom,
    overlapTo: finding.overlapTo,
    distanceMeters: Math.round(finding.distanceMeters * 10) / 10,
  }
}

/** Every stored finding of a movement, whoever may see it (to compare with a new analysis). */
export async function storedFindings(database: Queryable, movementId: string): Promise<Finding[]> {
  const rows = await database.query<StoredFindingRow>(`${selectFindings} where f.movement_id = $1 order by f.counterpart_type, f.counterpart_id`, [movementId])
  return rows.map(toFinding)
}

/** The stored findings of a movement released to the viewer. */
export async function releasedFindings(database: Queryable, viewer: Viewer, movementId: string): Promise<Finding[]> {
  const rows = await selectReleased<StoredFindingRow>(database, viewer, `${selectFindings} where f.movement_id = $1 and {released:f} order by f.distance_meters, f.counterpart_type, f.counterpart_id`, [movementId])
  return rows.map(toFinding)
}

/** Replaces the findings of a movement with a new analysis, each with the organizations it is released to. */
export async function replaceFindings(transaction: Queryable, movementId: string, findings: ReadonlyArray<Finding & { releasedTo: readonly string[] }>): Promise<void> {
  await transaction.query('delete from movement_findings where movement_id = $1', [movementId])
  if (findings.length === 0) return
  await transaction.query(
    `insert into movement_findings (movement_id, counterpart_type, counterpart_id, counterpart_organization_id, crosses, overlap, overlap_from, overlap_to, distance_meters, released_to)
     select $1, f.counterpart_type, f.counterpart_id::uuid, f.counterpart_organization_id, f.crosses, st_setsrid(st_geomfromgeojson(f.overlap::text), 4326),
       f.overlap_from::timestamptz, f.overlap_to::timestamptz, f.distance_meters, array(select jsonb_array_elements_text(f.released_to))
     from jsonb_to_recordset($2::jsonb) as f(counterpart_type text, counterpart_id text, counterpart_organization_id text, crosses boolean, overlap jsonb,
       overlap_from text, overlap_to text, distance_meters double precision, released_to jsonb)`,
    [movementId, JSON.stringify(findings.map((finding) => ({
      counterpart_type: finding.counterpartType, counterpart_id: finding.counterpartId, counterpart_organization_id: finding.counterpartOrganizationId,
      crosses: finding.crosses, overlap: finding.overlap, overlap_from: finding.overlapFrom, overlap_to: finding.overlapTo,
      distance_meters: finding.distanceMeters, released_to: finding.releasedTo,
    })))],
  )
}

/**
 * Live movements a change may concern: those near a box (widened by `bufferMeters`) whose window
 * overlaps the change's (when it has one), and those with a finding on the counterpart (wherever
 * and whenever it was before the change).
 */
export async function movementsConcernedBy(database: Queryable, change: { bounds: readonly [number, number, number, number] | null; bufferMeters: number; window: { from: Date; to: Date | null } | null; counterpartType: Finding['counterpartType']; counterpartId: string }): Promise<string[]> {
  const box = change.bounds ? expandBounds(change.bounds, change.bufferMeters) : null
  // Without a box (a deletion), only the movements with a finding on the counterpart are concerned.
  const rows = await database.query<{ id: string }>(
    `select m.id::text as id from movements m
     where m.status = any($9::text[])
       and (($10::boolean and m.geometry && st_makeenvelope($3::float8, $4::float8, $5::float8, $6::float8, 4326)
             and tstzrange(m.planned_start, m.planned_end) && tstzrange($7::timestamptz, $8::timestamptz))
         or exists (select 1 from movement_findings f where f.movement_id = m.id and f.counterpart_type = $1 and f.counterpart_id = $2::uuid))
     order by m.id`,
    [change.counterpartType, change.counterpartId, ...(box ?? [0, 0, 0, 0]), change.window?.from.toISOString() ?? null, change.window?.to?.toISOString() ?? null, liveStatuses, box !== null],
  )
  return rows.map((row) => row.id)
}
