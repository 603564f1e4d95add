// The map of an after-action report as inline SVG: district boundaries for context, objective
// areas, axes of advance with arrowheads, gazetteer places labelled in the report's language, a
// scale bar and a north arrow. Equirectangular around the operation's middle latitude: at the
// tens of kilometres an operation spans, its distortion is far below what a printed map shows.
import type { DocumentLocale } from '../../language/locale-format.ts'
import { formatNumber } from '../../language/locale-format.ts'
import { placeName, type AfterActionReportData, type NearbyPlace } from './after-action-data.ts'
import { reportLabels } from './after-action-labels.ts'
import { escapeHtml } from './after-action-escape.ts'

/** Colours of the participants, in their order in the report (lead first). */
export const participantColours: readonly string[] = ['#1f5fa8', '#b03a2e', '#2e7d32', '#7b4fa0', '#a06a00', '#00796b']
const neutralColour = '#444444'

/** The colour of an organization on the map and in the legend. */
export function colourOf(data: Pick<AfterActionReportData, 'participants'>, organizationId: string | null): string {
  if (organizationId === null) return neutralColour
  const index = data.participants.findIndex((participant) => participant.organizationId === organizationId)
  return index < 0 ? neutralColour : participantColours[index % participantColours.length]!
}

type LonLat = readonly [number, number]
interface Extent { west: number; south: number; east: number; north: number }

const width = 1000
const height = 600
const kmPerDegree = 111.32

function extentOf(points: readonly LonLat[]): Extent | null {
  if (points.length === 0) return null
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity
  for (const [lon, lat] of points) {
    west = Math.min(west, lon); east = Math.max(east, lon); south = Math.min(south, lat); north = Math.max(north, lat)
  }
  return { west, south, east, north }
}

const landmarkKinds = new Set<NearbyPlace['kind']>(['district', 'subdistrict', 'town'])

/** The part of the world the map shows: the operation's geometries, or its places when it has none, padded. */
export function mapExtent(data: Pick<AfterActionReportData, 'objectives' | 'axes' | 'places'>): Extent {
  const points: LonLat[] = []
  for (const objective of data.objectives) for (const polygon of objective.geometry.coordinates) for (const position of polygon[0] ?? []) points.push([position[0], position[1]])
  for (const axis of data.axes) for (const position of axis.geometry.coordinates) points.push([position[0], position[1]])
  // Towns and administrative seats close by give the reader their bearings: the frame takes them in.
  const landmarks = data.places.filter((place) => place.insideObjective || (place.distanceKm <= 12 && landmarkKinds.has(place.kind)))
  for (const place of points.length === 0 ? data.places : landmarks) points.push([place.lon, place.lat])
  // Nothing at all to show: the strip between Kifri and Tuz Khurmatu of the reference scenario.
  const core = extentOf(points) ?? { west: 44.6, south: 34.65, east: 45.0, north: 34.95 }
  const padX = Math.max((core.east - core.west) * 0.15, 0.03)
  const padY = Math.max((core.north - core.south) * 0.15, 0.03)
  return { west: core.west - padX, south: core.south - padY, east: core.east + padX, north: core.north + padY }
}

interface Projection {
  project(lon: number, lat: number): [number, number]
  kmPerUnit: number
  extent: Extent
}

function projectionFor(extent: Extent): Projection {
  const middleLatitude = (extent.south + extent.north) / 2
  const cosine = Math.cos((middleLatitude * Math.PI) / 180)
  const spanX = (extent.east - extent.west) * cosine
  const spanY = extent.north - extent.south
  const scale = Math.min(width / spanX, height / spanY)
  const offsetX = (width - spanX * scale) / 2
  const offsetY = (height - spanY * scale) / 2
  // What the frame shows, widened to the frame's aspect, so that places just outside the core still appear.
  const shown: Extent = {
    west: extent.west - offsetX / scale / cosine, east: extent.east + offsetX / scale / cosine,
    south: extent.south - offsetY / scale, north: extent.north + offsetY / scale,
  }
  return {
    project: (lon, lat) => [offsetX + (lon - extent.west) * cosine * scale, offsetY + (extent.north - lat) * scale],
    kmPerUnit: kmPerDegree / scale,
    extent: shown,
  }
}

const round = (value: number) => Math.round(value * 10) / 10

function ringPath(ring: readonly (readonly number[])[], projection: Projection): string {
  return ring.map((position, index) => {
    const [x, y] = projection.project(position[0]!, position[1]!)
    return `${index === 0 ? 'M' : 'L'}${round(x)} ${round(y)}`
  }).join('') + 'Z'
}

function polygonsOf(geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }): (readonly (readonly number[])[])[][] {
  return geometry.type === 'Polygon'
    ? [geometry.coordinates as (readonly (readonly number[])[])[]]
    : (geometry.coordinates as (readonly (readonly number[])[])[][])
}

function areaPath(geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown }, projection: Projection): string {
  return polygonsOf(geometry).map((polygon) => polygon.map((ring) => ringPath(ring, projection)).join('')).join('')
}

/** The largest round length (km) whose bar fits in about a quarter of the map's width. */
function scaleBarKm(kmPerUnit: number): number {
  const target = (width * 0.25) * kmPerUnit
  const steps = [0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500]
  let chosen = steps[0]!
  for (const step of steps) if (step <= target) chosen = step
  return chosen
}

const kindRank: Readonly<Record<NearbyPlace['kind'], number>> = { governorate: 0, district: 1, subdistrict: 2, town: 3, village: 4, area: 5, neighbourhood: 6, country: 7 }

/** A rough width of a label, for keeping labels apart (Arabic script runs narrower per letter than its count suggests). */
function labelWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.55
}

/** Renders the map as an SVG element (inline in the report); every name is escaped. */
export function renderOperationMap(data: AfterActionReportData, locale: DocumentLocale): string {
  const projection = projectionFor(mapExtent(data))
  const { extent } = projection
  const rtl = locale !== 'en'
  const parts: string[] = []
  parts.push(`<svg class="operation-map" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(reportLabels.map[locale])}" style="direction:ltr">`)
  const arrowColours = [...new Set(data.axes.map((axis) => colourOf(data, axis.organizationId)))]
  parts.push(`<defs><clipPath id="map-frame"><rect x="0" y="0" width="${width}" height="${height}"/></clipPath>`)
  arrowColours.forEach((colour, index) => parts.push(`<marker id="arrow-${index}" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${colour}"/></marker>`))
  parts.push('<pattern id="hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="8" stroke="currentColor" stroke-width="2" stroke-opacity="0.35"/></pattern></defs>')
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#f7f5ef"/>`)
  parts.push('<g clip-path="url(#map-frame)">')

  // Context: district boundaries that reach into the frame.
  for (const boundary of data.boundaries) {
    parts.push(`<path d="${areaPath(boundary.geometry, projection)}" fill="none" stroke="#9a9a9a" stroke-width="1.2" stroke-dasharray="6 4"/>`)
  }
  for (const objective of data.objectives) {
    const colour = colourOf(data, objective.organizationId)
    parts.push(`<path d="${areaPath(objective.geometry, projection)}" fill="${colour}" fill-opacity="0.12" stroke="${colour}" stroke-width="2.5" fill-rule="evenodd" style="color:${colour}"/>`)
    parts.push(`<path d="${areaPath(objective.geometry, projection)}" fill="url(#hatch)" stroke="none" style="color:${colour}"/>`)
  }
  for (const axis of data.axes) {
    const colour = colourOf(data, axis.organizationId)
    const points = axis.geometry.coordinates.map((position) => projection.project(position[0], position[1]).map(round).join(',')).join(' ')
    parts.push(`<polyline points="${points}" fill="none" stroke="${colour}" stroke-width="4" stroke-linecap="round" stroke-linejoin="round" marker-end="url(#arrow-${arrowColours.indexOf(colour)})"/>`)
  }

  // Labels: objective names at their box's middle, axis names at their start, then places; a label that would overlap one already placed is left out.
  const placed: Array<{ x1: number; y1: number; x2: number; y2: number }> = []
  const fits = (x1: number, y1: number, x2: number, y2: number) => {
    if (x1 < 2 || x2 > width - 2 || y1 < 2 || y2 > height - 2) return false
    if (placed.some((box) => x1 < box.x2 && x2 > box.x1 && y1 < box.y2 && y2 > box.y1)) return false
    placed.push({ x1, y1, x2, y2 })
    return true
  }
  const labels: string[] = []
  const text = (x: number, y: number, content: string, options: { size: number; anchor: 'start' | 'middle' | 'end'; weight?: number; colour?: string }) => {
    const w = labelWidth(content, options.size)
    const x1 = options.anchor === 'start' ? x : options.anchor === 'end' ? x - w : x - w / 2
    if (!fits(x1, y - options.size, x1 + w, y + options.size * 0.35)) return false
    labels.push(`<text x="${round(x)}" y="${round(y)}" font-size="${options.size}" text-anchor="${options.anchor}" font-weight="${options.weight ?? 400}" fill="${options.colour ?? '#1b1b1b'}" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">${escapeHtml(content)}</text>`)
    return true
  }
  for (const objective of data.objectives) {
    const ring = objective.geometry.coordinates[0]?.[0] ?? []
    const box = extentOf(ring.map((position) => [position[0], position[1]] as const))
    if (!box) continue
    const [x, y] = projection.project((box.west + box.east) / 2, (box.south + box.north) / 2)
    text(x, y, objective.name, { size: 20, anchor: 'middle', weight: 700, colour: colourOf(data, objective.organizationId) })
  }
  for (const axis of data.axes) {
    const first = axis.geometry.coordinates[0]!
    const [x, y] = projection.project(first[0], first[1])
    text(x, y + 26, axis.name, { size: 17, anchor: 'middle', weight: 700, colour: colourOf(data, axis.organizationId) })
  }
  const places = data.places
    .filter((place) => place.lon >= extent.west && place.lon <= extent.east && place.lat >= extent.south && place.lat <= extent.north)
    .sort((a, b) => Number(b.insideObjective) - Number(a.insideObjective) || kindRank[a.kind] - kindRank[b.kind] || a.distanceKm - b.distanceKm)
    .slice(0, 40)
  for (const place of places) {
    const [x, y] = projection.project(place.lon, place.lat)
    const major = place.kind === 'district' || place.kind === 'subdistrict' || place.kind === 'town' || place.kind === 'governorate'
    const name = placeName(place.names, locale)
    const size = major ? 19 : 16
    // Labels sit after the dot in reading order: to its right in English, to its left in Arabic and Sorani.
    const shown = text(rtl ? x - 9 : x + 9, y + 6, name, { size, anchor: rtl ? 'end' : 'start', weight: major ? 700 : 400 })
    if (shown || place.insideObjective) {
      parts.push(place.kind === 'village' || place.kind === 'area' || place.kind === 'neighbourhood'
        ? `<circle cx="${round(x)}" cy="${round(y)}" r="4.5" fill="#ffffff" stroke="#1b1b1b" stroke-width="2"/>`
        : `<rect x="${round(x - 5.5)}" y="${round(y - 5.5)}" width="11" height="11" fill="#1b1b1b" stroke="#ffffff" stroke-width="1.5"/>`)
    }
  }
  parts.push(...labels)
  parts.push('</g>')

  // Scale bar at the bottom left, north arrow at the top right: map conventions, the same in every language.
  const km = scaleBarKm(projection.kmPerUnit)
  const barLength = km / projection.kmPerUnit
  const barX = 24
  const barY = height - 30
  parts.push(`<g class="scale-bar"><rect x="${barX - 8}" y="${barY - 34}" width="${round(barLength + 16)}" height="50" fill="#ffffff" fill-opacity="0.85"/>`)
  parts.push(`<rect x="${barX}" y="${barY}" width="${round(barLength / 2)}" height="8" fill="#1b1b1b"/><rect x="${round(barX + barLength / 2)}" y="${barY}" width="${round(barLength / 2)}" height="8" fill="#ffffff" stroke="#1b1b1b" stroke-width="1.5"/>`)
  parts.push(`<text x="${round(barX + barLength / 2)}" y="${barY - 10}" font-size="17" text-anchor="middle" fill="#1b1b1b">${escapeHtml(`${formatNumber(km, locale)} ${reportLabels.km[locale]}`)}</text></g>`)
  parts.push(`<g class="north-arrow" transform="translate(${width - 40} 30)"><path d="M0 -18L10 12L0 5L-10 12Z" fill="#1b1b1b"/><text x="0" y="34" font-size="18" font-weight="700" text-anchor="middle" fill="#1b1b1b">${escapeHtml(reportLabels.north[locale])}</text></g>`)
  parts.push(`<rect x="0.75" y="0.75" width="${width - 1.5}" height="${height - 1.5}" fill="none" stroke="#555555" stroke-width="1.5"/>`)
  parts.push('</svg>')
  return parts.join('')
}
