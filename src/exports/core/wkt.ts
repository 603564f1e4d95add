/** Well-known text (OGC 06-103r4) of a GeoJSON geometry, for the CSV `wkt` column. */
import { formatNumber, type ExportGeometry, type ExportPosition } from './export-types.ts'

function positions(geometry: ExportGeometry): ExportPosition[] {
  switch (geometry.type) {
    case 'Point': return [geometry.coordinates]
    case 'MultiPoint': case 'LineString': return [...geometry.coordinates]
    case 'MultiLineString': case 'Polygon': return geometry.coordinates.flat()
    case 'MultiPolygon': return geometry.coordinates.flat(2)
    case 'GeometryCollection': return geometry.geometries.flatMap(positions)
  }
}

/** The WKT of a geometry; empty text for none. Altitudes give `Z` geometries when every position has one. */
export function toWkt(geometry: ExportGeometry | null): string {
  if (geometry === null) return ''
  const all = positions(geometry)
  const hasZ = all.length > 0 && all.every((position) => position.length >= 3)
  return wkt(geometry, hasZ)
}

function wkt(geometry: ExportGeometry, hasZ: boolean): string {
  const tag = (name: string) => (hasZ ? `${name} Z` : name)
  const point = (position: ExportPosition) => position.slice(0, hasZ ? 3 : 2).map(formatNumber).join(' ')
  const line = (line: readonly ExportPosition[]) => `(${line.map(point).join(', ')})`
  const polygon = (rings: readonly (readonly ExportPosition[])[]) => `(${rings.map(line).join(', ')})`
  const body = (text: string, empty: boolean) => (empty ? 'EMPTY' : text)
  switch (geometry.type) {
    case 'Point': return `${tag('POINT')} ${body(`(${point(geometry.coordinates)})`, geometry.coordinates.length < 2)}`
    case 'MultiPoint': return `${tag('MULTIPOINT')} ${body(`(${geometry.coordinates.map((position) => `(${point(position)})`).join(', ')})`, geometry.coordinates.length === 0)}`
    case 'LineString': return `${tag('LINESTRING')} ${body(line(geometry.coordinates), geometry.coordinates.length === 0)}`
    case 'MultiLineString': return `${tag('MULTILINESTRING')} ${body(`(${geometry.coordinates.map(line).join(', ')})`, geometry.coordinates.length === 0)}`
    case 'Polygon': return `${tag('POLYGON')} ${body(polygon(geometry.coordinates), geometry.coordinates.length === 0)}`
    case 'MultiPolygon': return `${tag('MULTIPOLYGON')} ${body(`(${geometry.coordinates.map(polygon).join(', ')})`, geometry.coordinates.length === 0)}`
    case 'GeometryCollection': return `${tag('GEOMETRYCOLLECTION')} ${body(`(${geometry.geometries.map((member) => wkt(member, hasZ)).join(', ')})`, geometry.geometries.length === 0)}`
  }
}
