/** KML 2.2 (OGC 07-147r2): one Placemark per feature, its properties as ExtendedData. */
import { featureName, formatNumber, propertyText, type ExportGeometry, type ExportPosition, type ExportSerialiser } from './export-types.ts'

// Characters XML 1.0 forbids even as references (C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const notXmlCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** Text safe inside an XML element or double-quoted attribute; characters XML cannot carry become U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(notXmlCharacter, '\uFFFD').replace(/[&<>"\t\n\r]/g, (character) => xmlEntities[character]!)
}

// Tab, LF and CR as references: a parser would otherwise normalise them away (CR always, all three in attributes).
const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' }

function coordinates(positions: readonly ExportPosition[]): string {
  return `<coordinates>${positions.map((position) => position.slice(0, 3).map(formatNumber).join(',')).join(' ')}</coordinates>`
}

function polygon(rings: readonly (readonly ExportPosition[])[]): string {
  const [outer, ...holes] = rings
  if (!outer) return '<Polygon/>'
  const inner = holes.map((hole) => `<innerBoundaryIs><LinearRing>${coordinates(hole)}</LinearRing></innerBoundaryIs>`).join('')
  return `<Polygon><outerBoundaryIs><LinearRing>${coordinates(outer)}</LinearRing></outerBoundaryIs>${inner}</Polygon>`
}

/** The KML geometry element of a GeoJSON geometry; several parts become a MultiGeometry. */
export function kmlGeometry(geometry: ExportGeometry): string {
  switch (geometry.type) {
    case 'Point': return `<Point>${coordinates([geometry.coordinates])}</Point>`
    case 'LineString': return `<LineString>${coordinates(geometry.coordinates)}</LineString>`
    case 'Polygon': return polygon(geometry.coordinates)
    case 'MultiPoint': return `<MultiGeometry>${geometry.coordinates.map((position) => `<Point>${coordinates([position])}</Point>`).join('')}</MultiGeometry>`
    case 'MultiLineString': return `<MultiGeometry>${geometry.coordinates.map((line) => `<LineString>${coordinates(line)}</LineString>`).join('')}</MultiGeometry>`
    case 'MultiPolygon': return `<MultiGeometry>${geometry.coordinates.map(polygon).join('')}</MultiGeometry>`
    case 'GeometryCollection': return `<MultiGeometry>${geometry.geometries.map(kmlGeometry).join('')}</MultiGeometry>`
  }
}

const data = (name: string, value: string) => `<Data name="${escapeXml(name)}"><value>${escapeXml(value)}</value></Data>`

/** The KML export: a Document named after the layer; Placemarks named by English name or id. */
export const kmlSerialiser: ExportSerialiser = {
  mediaType: 'application/vnd.google-earth.kml+xml',
  extension: 'kml',
  header: (layout) => `<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2">\n<Document>\n<name>${escapeXml(`Tansiq ${layout.layer}`)}</name>\n`,
  feature: (feature) => {
    const extended = [data('id', feature.id), ...Object.entries(feature.properties).map(([key, value]) => data(key, propertyText(value)))].join('')
    return `<Placemark><name>${escapeXml(featureName(feature))}</name><ExtendedData>${extended}</ExtendedData>${feature.geometry ? kmlGeometry(feature.geometry) : ''}</Placemark>\n`
  },
  footer: () => '</Document>\n</kml>\n',
}
