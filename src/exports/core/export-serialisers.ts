/** The export formats, by the name used in URLs. */
import { csvSerialiser } from './csv-serialiser.ts'
import type { ExportSerialiser } from './export-types.ts'
import { geojsonSerialiser } from './geojson-serialiser.ts'
import { kmlSerialiser } from './kml-serialiser.ts'

export const exportFormats = ['geojson', 'csv', 'kml'] as const
export type ExportFormat = (typeof exportFormats)[number]

export const exportSerialisers: Readonly<Record<ExportFormat, ExportSerialiser>> = { geojson: geojsonSerialiser, csv: csvSerialiser, kml: kmlSerialiser }
