/**
 * Joint operations on the map (one entry of picture-layers.ts): objective areas hatched-looking
 * (light fill, dashed outline) and axes as lines ending in an arrowhead, each in the colour of the
 * organization responsible for it, with the live log's entries at their places. Arrowheads are
 * small triangles computed here in GeoJSON, so no icon or glyph is needed. The layer also brings
 * the log and results into the room's subscription, which the operation board reads. A click on a
 * shape or a log entry opens a popup that names it and opens the operation's board.
 */
import type { Feature, FeatureCollection, Position } from 'geojson'
import type { ExpressionSpecification } from 'maplibre-gl'
import type { LogEntry, OperationFeature } from './operations-endpoints.ts'
import type { PictureLayer } from '../map/picture-layers.ts'
import { localName, organizationColour } from '../../ui/organizations.ts'
import { regularFont } from '../map/basemap-style.ts'
import { OperationMapPopup } from './OperationMapPopup.tsx'

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })

/** The arrowhead at the end of an axis: a triangle along its last segment, sized by the axis's length. */
export function arrowhead(line: readonly Position[]): Position[][] | null {
  if (line.length < 2) return null
  const tip = line[line.length - 1]!
  // The last point that differs from the tip gives the direction.
  let from: Position | undefined
  for (let index = line.length - 2; index >= 0 && !from; index--) if (line[index]![0] !== tip[0] || line[index]![1] !== tip[1]) from = line[index]
  if (!from) return null
  const scale = Math.cos((tip[1]! * Math.PI) / 180) || 1e-6
  let total = 0
  for (let index = 1; index < line.length; index++) {
    const dx = (line[index]![0]! - line[index - 1]![0]!) * scale
    const dy = line[index]![1]! - line[index - 1]![1]!
    total += Math.hypot(dx, dy)
  }
  const length = Math.min(0.03, Math.max(0.004, total * 0.12))
  const dx = (tip[0]! - from[0]!) * scale
  const dy = tip[1]! - from[1]!
  const norm = Math.hypot(dx, dy)
  const ux = dx / norm
  const uy = dy / norm
  const baseX = tip[0]! * scale - ux * length
  const baseY = tip[1]! - uy * length
  const half = length * 0.55
  const left: Position = [(baseX - uy * half) / scale, baseY + ux * half]
  const right: Position = [(baseX + uy * half) / scale, baseY - ux * half]
  return [[[tip[0]!, tip[1]!], left, right, [tip[0]!, tip[1]!]]]
}

const labelPaint = { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }

export const operationsMapLayer: PictureLayer = {
  id: 'operations',
  labelKey: 'layers.operations',
  liveLayers: ['operations', 'operation-log', 'operation-results'],
  defaultVisible: true,
  legend: 'organizations',
  // Axis names are laid along the axes: a tile needs the line well beyond its edge to fit one there.
  sourceOptions: { buffer: 128 },
  sources: {
    features: (picture, { language }) => collection([...picture.objects<OperationFeature>('operations').values()].flatMap((feature): Feature[] => {
      const colour = organizationColour(feature.organizationId)
      const operationName = localName(feature.operation.names, language)
      const properties = {
        id: feature.id, kind: 'operation', featureKind: feature.kind, operationId: feature.operationId, status: feature.operation.status, colour,
        name: feature.name, label: `${operationName}: ${feature.name}`,
      }
      const features: Feature[] = [{ type: 'Feature', id: feature.id, geometry: feature.geometry, properties }]
      if (feature.geometry.type === 'LineString') {
        const head = arrowhead(feature.geometry.coordinates)
        if (head) features.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: head }, properties: { ...properties, featureKind: 'arrowhead' } })
      }
      return features
    })),
    log: (picture) => collection([...picture.objects<LogEntry>('operation-log').values()].flatMap((entry): Feature[] => entry.location
      ? [{ type: 'Feature', id: entry.id, geometry: entry.location, properties: { id: entry.id, kind: 'operation-log', operationId: entry.operationId, colour: organizationColour(entry.organizationId), label: entry.text.slice(0, 200) } }]
      : [])),
  },
  styleLayers: (source) => {
    const faded: ExpressionSpecification = ['match', ['get', 'status'], 'completed', 0.45, 1]
    return [
      { id: 'operations-areas-fill', type: 'fill', source: source('features'), filter: ['==', ['get', 'featureKind'], 'objective'], paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': ['match', ['get', 'status'], 'completed', 0.06, 0.16] } },
      { id: 'operations-areas-outline', type: 'line', source: source('features'), filter: ['==', ['get', 'featureKind'], 'objective'], paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5, 'line-dasharray': [3, 1.5], 'line-opacity': faded } },
      { id: 'operations-axes-casing', type: 'line', source: source('features'), filter: ['==', ['get', 'featureKind'], 'axis'], paint: { 'line-color': '#ffffff', 'line-width': 7, 'line-opacity': 0.85 }, layout: { 'line-cap': 'round', 'line-join': 'round' } },
      { id: 'operations-axes-line', type: 'line', source: source('features'), filter: ['==', ['get', 'featureKind'], 'axis'], paint: { 'line-color': ['get', 'colour'], 'line-width': 4, 'line-opacity': faded }, layout: { 'line-cap': 'butt', 'line-join': 'round' } },
      { id: 'operations-arrowheads', type: 'fill', source: source('features'), filter: ['==', ['get', 'featureKind'], 'arrowhead'], paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': faded, 'fill-outline-color': '#ffffff' } },
      {
        id: 'operations-area-labels', type: 'symbol', source: source('features'), minzoom: 8, filter: ['==', ['get', 'featureKind'], 'objective'],
        layout: { 'text-field': ['get', 'name'], 'text-font': [regularFont], 'text-size': 11, 'text-max-width': 10 },
        paint: { ...labelPaint, 'text-color': ['get', 'colour'] },
      },
      {
        id: 'operations-axis-labels', type: 'symbol', source: source('features'), minzoom: 8, filter: ['==', ['get', 'featureKind'], 'axis'],
        layout: { 'text-field': ['get', 'name'], 'text-font': [regularFont], 'text-size': 11, 'symbol-placement': 'line' },
        paint: { ...labelPaint, 'text-color': ['get', 'colour'] },
      },
      { id: 'operations-log-points', type: 'circle', source: source('log'), paint: { 'circle-radius': 5, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#111827', 'circle-stroke-width': 1.5 } },
    ]
  },
  count: (picture) => new Set([...picture.objects<OperationFeature>('operations').values()].map((feature) => feature.operationId)).size,
  // Log entries on top, then axes and their arrowheads, then objective areas.
  clickable: ['operations-log-points', 'operations-arrowheads', 'operations-axes-line', 'operations-areas-fill'],
  popup: OperationMapPopup,
}
