/**
 * The picture's layers on the map, one entry each: what the layer panel toggles, which live layers
 * it needs, how it turns the live objects into GeoJSON and how MapLibre draws them. Adding a layer
 * (e.g. operations with their areas and axes) is adding one entry to `pictureLayers`; the map, the
 * panel, the subscription and the counts follow from the list.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import type { GeoJSONSourceSpecification, LayerSpecification } from 'maplibre-gl'
import type { ComponentType } from 'react'
import type { Area, CoordinationLine, CoverageFeature, LatestPosition, Movement, MovementStatus, Place, Report, TrackPoint, Unit } from '../../api/server-types.ts'
import type { Language } from '../../i18n/i18n.ts'
import type { LivePicture } from '../../live/live-picture.ts'
import type { RoomLiveLayer } from '../../live/room-opening.ts'
import { localName, organizationColour } from '../../ui/organizations.ts'
import { regularFont, sharedProgram } from './basemap-style.ts'
import { labelPoint } from './label-point.ts'
import { operationsMapLayer } from '../operations/operations-map-layer.ts'

export interface PictureLayerContext {
  language: Language
}

export type LegendKind = 'organizations' | 'coverage' | 'movement-status' | 'report-types'

export interface PictureLayer {
  /** The toggle's id, also the prefix of its MapLibre sources and layers. */
  id: string
  /** i18n key of its name in the panel. */
  labelKey: string
  /** Live layers it is drawn from (the room's subscription is the union of all entries'). */
  liveLayers: readonly RoomLiveLayer[]
  defaultVisible: boolean
  /** Least time between two redraws of this layer's sources, for layers that change many times a second. */
  minRedrawMs?: number
  legend?: LegendKind
  /** GeoJSON of each of its sources, by source key (source id: `${id}:${key}`). */
  sources: Record<string, (picture: LivePicture, context: PictureLayerContext) => FeatureCollection>
  /**
   * For sources that change a few objects at a time many times a second: the feature of one object
   * by its id (the same id in every live layer of this entry), or null when it is not drawn. The
   * map then sends MapLibre only the changed features (`updateData`) instead of the whole source.
   * Each feature's `properties.id` is its object's id.
   */
  featureOf?: Record<string, (picture: LivePicture, context: PictureLayerContext, id: string) => Feature | null>
  /** MapLibre GeoJSON source options of its sources, e.g. `tolerance` (simplification, in pixels). */
  sourceOptions?: Pick<GeoJSONSourceSpecification, 'tolerance' | 'buffer'>
  /** How the sources are drawn, bottom first. */
  styleLayers(sourceId: (key: string) => string): LayerSpecification[]
  /** How many objects it shows, for the panel. */
  count(picture: LivePicture): number
  /** Its style layers whose objects a click on the map picks (MapView's popup). */
  clickable?: readonly string[]
  /** What the popup shows for a clicked object of this layer, from its feature's properties; without it, the feature's `label`. */
  popup?: ComponentType<{ properties: Readonly<Record<string, unknown>> }>
}

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features })

export const movementStatusColours: Record<MovementStatus, string> = {
  draft: '#94a3b8', submitted: '#2563eb', cleared: '#16a34a', conflicted: '#dc2626', active: '#9333ea', completed: '#475569', cancelled: '#a8a29e', expired: '#a8a29e',
}
export const reportTypeColours: Record<Report['type'], string> = { incident: '#ea580c', sigact: '#b91c1c', intelligence: '#0369a1' }
export const coverageColours = { gap: '#dc2626', overlap: '#f59e0b' }

const labelPaint = { 'text-color': '#1f2937', 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }

/** Where a unit is: its latest live position, else the one it carried when listed. */
function unitPosition(picture: LivePicture, unit: Unit): [number, number] | null {
  const live = picture.objects<LatestPosition | TrackPoint>('positions').get(unit.id)
  if (live) return [live.lon, live.lat]
  return unit.position ? [unit.position.lon, unit.position.lat] : null
}

function unitPoint(picture: LivePicture, unit: Unit, language: Language): Feature | null {
  const position = unitPosition(picture, unit)
  if (!position) return null
  return {
    type: 'Feature', geometry: { type: 'Point', coordinates: position },
    properties: { id: unit.id, kind: 'unit', sidc: unit.sidc, label: localName(unit.names, language), organizationId: unit.organizationId, status: unit.status },
  }
}

function unitTrail(unit: Unit | undefined, trail: ReadonlyArray<[number, number]>): Feature | null {
  if (!unit || trail.length < 2) return null
  return { type: 'Feature', geometry: { type: 'LineString', coordinates: trail.map((point) => [...point]) }, properties: { id: unit.id, colour: organizationColour(unit.organizationId) } }
}

/** Zoom from which units' track trails are drawn (1 px ≈ 125 m at Kirkuk's latitude). */
const trailsMinZoom = 10

const unitsLayer: PictureLayer = {
  id: 'units',
  labelKey: 'layers.units',
  liveLayers: ['units', 'positions'],
  defaultVisible: true,
  minRedrawMs: 250,
  legend: 'organizations',
  sources: {
    points: (picture, { language }) => {
      const features: Feature[] = []
      for (const unit of picture.objects<Unit>('units').values()) {
        const feature = unitPoint(picture, unit, language)
        if (feature) features.push(feature)
      }
      return collection(features)
    },
    trails: (picture) => {
      const units = picture.objects<Unit>('units')
      const features: Feature[] = []
      for (const [unitId, trail] of picture.trails()) {
        const feature = unitTrail(units.get(unitId), trail)
        if (feature) features.push(feature)
      }
      return collection(features)
    },
  },
  // Position reports move a few units at a time: only theirs are sent to the map.
  featureOf: {
    points: (picture, { language }, id) => {
      const unit = picture.objects<Unit>('units').get(id)
      return unit ? unitPoint(picture, unit, language) : null
    },
    trails: (picture, _context, id) => unitTrail(picture.objects<Unit>('units').get(id), picture.trail(id)),
  },
  // Trails are short: simplified more at small scales, where their turns are a pixel or two.
  sourceOptions: { tolerance: 1 },
  styleLayers: (source) => [
    // Trails from zoom 10, where a few hundred metres of track are longer than the symbol they lead
    // to; below it they would hide under it, and a room-wide view of thousands of them redrawn at
    // every update costs frames on a slow renderer (bench/web-room.bench.ts).
    { id: 'units-trails', type: 'line', source: source('trails'), minzoom: trailsMinZoom, paint: { 'line-color': ['get', 'colour'], 'line-width': 2, 'line-opacity': 0.55 }, layout: { 'line-cap': 'round', 'line-join': 'round' } },
    {
      id: 'units-symbols', type: 'symbol', source: source('points'),
      layout: {
        'icon-image': ['concat', 'sidc:', ['get', 'sidc']], 'icon-allow-overlap': true, 'icon-ignore-placement': true,
        'text-field': ['step', ['zoom'], '', 9, ['get', 'label']], 'text-font': [regularFont], 'text-size': 11, 'text-offset': [0, 1.7], 'text-anchor': 'top', 'text-optional': true, 'text-max-width': 10,
      },
      paint: { ...labelPaint, 'icon-opacity': ['match', ['get', 'status'], 'inactive', 0.45, 1] },
    },
  ],
  count: (picture) => picture.objects('units').size,
}

const areasLayer: PictureLayer = {
  id: 'areas',
  labelKey: 'layers.areas',
  liveLayers: ['areas'],
  defaultVisible: true,
  legend: 'organizations',
  // Simplified to 1.5 px at each zoom (exact when zoomed in): a room's hundreds of areas stay cheap to draw.
  sourceOptions: { tolerance: 1.5 },
  sources: {
    shapes: (picture, { language }) => collection([...picture.objects<Area>('areas').values()].map((area) => ({
      type: 'Feature', id: area.id, geometry: area.geometry as Geometry,
      properties: { id: area.id, kind: 'area', areaKind: area.kind, label: localName(area.names, language), organizationId: area.organizationId, colour: organizationColour(area.organizationId) },
    }))),
    // One point per area for its name (see label-point.ts).
    labels: (picture, { language }) => collection([...picture.objects<Area>('areas').values()].flatMap((area): Feature[] => {
      const point = labelPoint(area.geometry)
      return point ? [{ type: 'Feature', id: area.id, geometry: { type: 'Point', coordinates: point }, properties: { id: area.id, label: localName(area.names, language), colour: organizationColour(area.organizationId) } }] : []
    })),
  },
  styleLayers: (source) => [
    // No fill antialiasing: the outline layer draws the edges (one pass less over every area).
    { id: 'areas-fill', type: 'fill', source: source('shapes'), filter: ['==', ['get', 'areaKind'], 'aor'], paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.13, 'fill-antialias': false } },
    { id: 'areas-outline', type: 'line', source: source('shapes'), filter: ['==', ['get', 'areaKind'], 'aor'], paint: { 'line-color': ['get', 'colour'], 'line-width': 2, 'line-opacity': 0.85 } },
    { id: 'areas-joint', type: 'line', source: source('shapes'), filter: ['==', ['get', 'areaKind'], 'joint-security-area'], paint: { 'line-color': '#334155', 'line-width': 2.5, 'line-dasharray': [4, 2] } },
    {
      // From zoom 9: at a whole room's scale hundreds of area names would only hide one another.
      id: 'areas-labels', type: 'symbol', source: source('labels'), minzoom: 9,
      layout: { 'text-field': ['get', 'label'], 'text-font': [regularFont], 'text-size': 11, 'text-max-width': 10 },
      paint: { ...labelPaint, 'text-color': ['get', 'colour'] },
    },
  ],
  count: (picture) => picture.objects('areas').size,
}

const coverageLayer: PictureLayer = {
  id: 'coverage',
  labelKey: 'layers.coverage',
  liveLayers: ['coverage'],
  defaultVisible: true,
  legend: 'coverage',
  sources: {
    parts: (picture) => collection([...picture.objects<CoverageFeature>('coverage').values()].map((part) => ({
      type: 'Feature', id: part.id, geometry: part.geometry as Geometry, properties: { id: part.id, kind: 'coverage', partKind: part.kind, areaKm2: part.areaKm2 },
    }))),
  },
  styleLayers: (source) => [
    // No fill antialiasing: the outline layer draws the edges.
    { id: 'coverage-fill', type: 'fill', source: source('parts'), paint: { 'fill-color': ['match', ['get', 'partKind'], 'gap', coverageColours.gap, coverageColours.overlap], 'fill-opacity': 0.3, 'fill-antialias': false } },
    { id: 'coverage-outline', type: 'line', source: source('parts'), paint: { 'line-color': ['match', ['get', 'partKind'], 'gap', coverageColours.gap, coverageColours.overlap], 'line-width': 1.5, 'line-dasharray': [2, 1] } },
  ],
  count: (picture) => picture.objects('coverage').size,
}

const coordinationLinesLayer: PictureLayer = {
  id: 'coordination-lines',
  labelKey: 'layers.coordination-lines',
  liveLayers: ['coordination-lines'],
  defaultVisible: true,
  // Names are laid along the lines: a tile needs the line well beyond its edge to fit one there.
  sourceOptions: { buffer: 128 },
  sources: {
    lines: (picture, { language }) => collection([...picture.objects<CoordinationLine>('coordination-lines').values()].map((line) => ({
      type: 'Feature', id: line.id, geometry: line.geometry as Geometry, properties: { id: line.id, kind: 'coordination-line', label: localName(line.names, language), colour: organizationColour(line.organizationId) },
    }))),
  },
  styleLayers: (source) => [
    { id: 'coordination-lines-line', type: 'line', source: source('lines'), paint: { 'line-color': '#111827', 'line-width': 2, 'line-dasharray': [6, 2, 1, 2] } },
    { id: 'coordination-lines-labels', type: 'symbol', source: source('lines'), minzoom: 8, layout: { 'symbol-placement': 'line', 'text-field': ['get', 'label'], 'text-font': [regularFont], 'text-size': 11 }, paint: labelPaint },
  ],
  count: (picture) => picture.objects('coordination-lines').size,
}

const movementsLayer: PictureLayer = {
  id: 'movements',
  labelKey: 'layers.movements',
  liveLayers: ['movements'],
  defaultVisible: true,
  legend: 'movement-status',
  sources: {
    routes: (picture) => collection([...picture.objects<Movement>('movements').values()].flatMap((movement): Feature[] => {
      const geometry = (movement.route ?? movement.area) as Geometry | null
      if (!geometry) return []
      return [{ type: 'Feature', id: movement.id, geometry, properties: { id: movement.id, kind: 'movement', status: movement.status, colour: movementStatusColours[movement.status], label: movement.purpose } }]
    })),
  },
  styleLayers: (source) => [
    { id: 'movements-area', type: 'fill', source: source('routes'), filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.15 } },
    { id: 'movements-casing', type: 'line', source: source('routes'), paint: { 'line-color': '#ffffff', 'line-width': 6, 'line-opacity': 0.8 }, layout: { 'line-cap': 'round', 'line-join': 'round' } },
    {
      id: 'movements-line', type: 'line', source: source('routes'), layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 3.5 },
    },
  ],
  count: (picture) => picture.objects('movements').size,
}

const reportsLayer: PictureLayer = {
  id: 'reports',
  labelKey: 'layers.reports',
  liveLayers: ['reports'],
  defaultVisible: true,
  legend: 'report-types',
  sources: {
    locations: (picture) => collection([...picture.objects<Report>('reports').values()].flatMap((report): Feature[] => report.location
      ? [{ type: 'Feature', id: report.id, geometry: report.location as Geometry, properties: { id: report.id, kind: 'report', reportType: report.type, colour: reportTypeColours[report.type], label: report.title } }]
      : [])),
  },
  styleLayers: (source) => [
    { id: 'reports-area', type: 'fill', source: source('locations'), filter: ['!=', ['geometry-type'], 'Point'], paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.2, 'fill-outline-color': ['get', 'colour'] } },
    {
      id: 'reports-points', type: 'circle', source: source('locations'), filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 6, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  ],
  count: (picture) => picture.objects('reports').size,
}

const placesLayer: PictureLayer = {
  id: 'places',
  labelKey: 'layers.places',
  liveLayers: ['places'],
  defaultVisible: true,
  sources: {
    points: (picture, { language }) => collection([...picture.objects<Place>('places').values()].map((place) => ({
      type: 'Feature', id: place.id, geometry: { type: 'Point', coordinates: [place.lon, place.lat] }, properties: { id: place.id, kind: 'place', placeKind: place.kind, label: localName(place.names, language) },
    }))),
  },
  styleLayers: (source) => [
    { id: 'places-dots', type: 'circle', source: source('points'), minzoom: 8, paint: { 'circle-radius': sharedProgram(2.5), 'circle-color': '#57534e' } },
    {
      id: 'places-labels', type: 'symbol', source: source('points'), minzoom: 9.5,
      layout: { 'text-field': ['get', 'label'], 'text-font': [regularFont], 'text-size': 10.5, 'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 0.5 },
      paint: { 'text-color': '#57534e', 'text-halo-color': '#ffffff', 'text-halo-width': 1.2 },
    },
  ],
  count: (picture) => picture.objects('places').size,
}

/** Every picture layer, drawn in this order (bottom first). */
export const pictureLayers: readonly PictureLayer[] = [areasLayer, coverageLayer, placesLayer, coordinationLinesLayer, operationsMapLayer, movementsLayer, reportsLayer, unitsLayer]

export const sourceIdOf = (layer: PictureLayer, key: string) => `${layer.id}:${key}`
