/**
 * What every export format works on: a GeoJSON feature of any layer, and the layout an export
 * decides once from its first page (the CSV columns). Plain data, so serialisers stay pure.
 */

/** A position: [longitude, latitude] or [longitude, latitude, altitude] (RFC 7946). */
export type ExportPosition = readonly number[]

/** Any RFC 7946 geometry a layer may give, not only those Tansiq stores today. */
export type ExportGeometry =
  | { type: 'Point'; coordinates: ExportPosition }
  | { type: 'MultiPoint'; coordinates: readonly ExportPosition[] }
  | { type: 'LineString'; coordinates: readonly ExportPosition[] }
  | { type: 'MultiLineString'; coordinates: readonly (readonly ExportPosition[])[] }
  | { type: 'Polygon'; coordinates: readonly (readonly ExportPosition[])[] }
  | { type: 'MultiPolygon'; coordinates: readonly (readonly (readonly ExportPosition[])[])[] }
  | { type: 'GeometryCollection'; geometries: readonly ExportGeometry[] }

/** A feature as a LayerSource gives it. */
export interface ExportFeature {
  id: string
  geometry: ExportGeometry | null
  properties: Readonly<Record<string, unknown>>
}

/** What an export fixes before its first byte: the layer's name and the CSV property columns. */
export interface ExportLayout {
  layer: string
  /** Property keys in order of first appearance in the sample; keys first seen later are not columns. */
  columns: readonly string[]
}

/** One export format: pure text for the start, each feature and the end of a document. */
export interface ExportSerialiser {
  mediaType: string
  extension: string
  header(layout: ExportLayout): string
  /** The text of the `index`-th feature (0-based), separators included. */
  feature(feature: ExportFeature, index: number, layout: ExportLayout): string
  footer(layout: ExportLayout): string
}

/** The layout of an export: property keys of the sample features, in order of first appearance. */
export function exportLayout(layer: string, sample: readonly ExportFeature[]): ExportLayout {
  const columns = new Set<string>()
  for (const feature of sample) for (const key of Object.keys(feature.properties)) columns.add(key)
  return { layer, columns: [...columns] }
}

/** A property value as plain text: empty for null, JSON for objects and arrays. */
export function propertyText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value) : ''
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return JSON.stringify(value) ?? ''
}

/** A number in plain decimal notation: readers of WKT, KML and spreadsheets differ on exponents. */
export function formatNumber(value: number): string {
  const text = String(value)
  const match = /^(-?)(\d)(?:\.(\d+))?e-(\d+)$/.exec(text)
  if (!match) return text
  // Only magnitudes below 1e-6 reach here (String() writes large ones plainly up to 1e21): shift the point by hand, digit for digit.
  const [, sign, first, rest = '', exponent] = match
  return `${sign}0.${'0'.repeat(Number(exponent) - 1)}${first}${rest}`
}

/** The display name of a feature: its English name when it has one, else its id. */
export function featureName(feature: ExportFeature): string {
  const { properties } = feature
  const names = properties.names
  const candidates = [properties.nameEn, properties.name, typeof names === 'object' && names !== null ? (names as Record<string, unknown>).en : undefined, properties.title]
  for (const candidate of candidates) if (typeof candidate === 'string' && candidate.trim() !== '') return candidate
  return feature.id
}
