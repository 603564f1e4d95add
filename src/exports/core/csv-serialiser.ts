/**
 * CSV (RFC 4180) for spreadsheets: UTF-8 with a byte-order mark so Excel reads Arabic and Kurdish
 * right, CRLF line ends, and text cells that a spreadsheet would run as a formula defused.
 */
import { propertyText, type ExportFeature, type ExportLayout, type ExportSerialiser } from './export-types.ts'
import { toWkt } from './wkt.ts'

const byteOrderMark = '\uFEFF'
/** Leading characters that make Excel, LibreOffice or Sheets evaluate a cell (OWASP CSV injection). */
const formulaStart = /^[=+\-@\t\r]/

/** One CSV cell: text that could start a formula gets a leading apostrophe; numbers stay numbers. */
export function csvCell(value: unknown): string {
  let text = propertyText(value)
  // A number such as -3.5 is data, not a formula: only text is defused, so numeric columns still sum.
  if (typeof value !== 'number' && typeof value !== 'bigint' && formulaStart.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** One CSV record, CRLF-terminated. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`
}

/** The header names: a property called `id` or `wkt` is renamed so every name stays unique. */
function headerNames(layout: ExportLayout): string[] {
  return ['id', ...layout.columns.map((column) => (column === 'id' || column === 'wkt' ? `property:${column}` : column)), 'wkt']
}

/** The CSV export: id, the layout's property columns, then the geometry as WKT. */
export const csvSerialiser: ExportSerialiser = {
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  header: (layout) => `${byteOrderMark}${csvRow(headerNames(layout))}`,
  feature: (feature: ExportFeature, _index, layout) => csvRow([feature.id, ...layout.columns.map((column) => feature.properties[column]), toWkt(feature.geometry)]),
  footer: () => '',
}
