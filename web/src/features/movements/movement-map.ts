/** What the movement screens show on the map through the drawing tool's overlay: a movement's route and its findings. */
import type { Feature, Geometry } from 'geojson'
import { drawing } from '../map/drawing/drawing-store.ts'
import type { FindingView } from './movements-endpoints.ts'

/** Red where the movement crosses the counterpart itself, amber where it only passes within the buffer. */
export const findingColours = { crosses: '#dc2626', near: '#f59e0b' }

export function findingFeatures(findings: readonly FindingView[]): Feature[] {
  return findings.map((finding) => ({
    type: 'Feature', geometry: finding.overlap as unknown as Geometry,
    properties: { colour: finding.crosses ? findingColours.crosses : findingColours.near, width: 6, counterpart: finding.counterpart.id },
  }))
}

/** Shows `geometry` (a movement's route or area) outlined, and its findings above it. */
export function showOnMap(owner: string, geometry: unknown, findings: readonly FindingView[]): void {
  const features: Feature[] = []
  if (geometry) features.push({ type: 'Feature', geometry: geometry as Geometry, properties: { colour: '#111827', width: 2 } })
  features.push(...findingFeatures(findings))
  drawing.setOverlay({ owner, features })
}

/** Moves the map to a movement's extent. */
export function fitTo(bbox: readonly number[] | null | undefined): void {
  if (bbox && bbox.length === 4 && bbox.every(Number.isFinite)) drawing.map?.fitTo([bbox[0]!, bbox[1]!, bbox[2]!, bbox[3]!])
}
