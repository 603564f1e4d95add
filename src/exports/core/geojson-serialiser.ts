/** GeoJSON (RFC 7946) FeatureCollection, written one feature at a time. */
import type { ExportSerialiser } from './export-types.ts'

/** The GeoJSON export: a FeatureCollection whose `name` member is the layer (as GDAL reads it). */
export const geojsonSerialiser: ExportSerialiser = {
  mediaType: 'application/geo+json',
  extension: 'geojson',
  header: (layout) => `{"type":"FeatureCollection","name":${JSON.stringify(layout.layer)},"features":[\n`,
  feature: (feature, index) => `${index === 0 ? '' : ',\n'}${JSON.stringify({ type: 'Feature', id: feature.id, geometry: feature.geometry, properties: feature.properties })}`,
  footer: () => '\n]}\n',
}
