/**
 * What the after-action report embeds from disk: the fonts (Noto Naskh Arabic for Arabic and
 * Sorani, Noto Sans for Latin, from the @fontsource npm packages, OFL) as @font-face rules with
 * data: URLs, and the simplified district boundaries of the offline basemap. Read once per process.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { reportFontFamilies } from '../core/after-action-report.ts'
import type { ContextBoundary } from '../core/after-action-data.ts'

const require = createRequire(import.meta.url)

// Only the subsets the documents need: Arabic script (with the Sorani letters and Arabic-Indic
// digits) and Latin; bold where headings use it. About 190 KB of WOFF2.
const arabicRange = 'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC'
const latinRange = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD'
const latinExtendedRange = 'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C0, U+2113, U+2C60-2C7F, U+A720-A7FF'

interface FontFile { family: string; packageName: string; file: string; weight: number; range: string }

const fontFiles: readonly FontFile[] = [
  { family: reportFontFamilies.arabic, packageName: '@fontsource/noto-naskh-arabic', file: 'noto-naskh-arabic-arabic-400-normal.woff2', weight: 400, range: arabicRange },
  { family: reportFontFamilies.arabic, packageName: '@fontsource/noto-naskh-arabic', file: 'noto-naskh-arabic-arabic-700-normal.woff2', weight: 700, range: arabicRange },
  { family: reportFontFamilies.latin, packageName: '@fontsource/noto-sans', file: 'noto-sans-latin-400-normal.woff2', weight: 400, range: latinRange },
  { family: reportFontFamilies.latin, packageName: '@fontsource/noto-sans', file: 'noto-sans-latin-700-normal.woff2', weight: 700, range: latinRange },
  { family: reportFontFamilies.latin, packageName: '@fontsource/noto-sans', file: 'noto-sans-latin-ext-400-normal.woff2', weight: 400, range: latinExtendedRange },
]

let fontCss: string | undefined

/** @font-face rules with every report font embedded as a data: URL (read from the npm packages once). */
export function reportFontFaceCss(): string {
  if (fontCss !== undefined) return fontCss
  fontCss = fontFiles.map((font) => {
    const directory = dirname(require.resolve(`${font.packageName}/package.json`))
    const data = readFileSync(join(directory, 'files', font.file)).toString('base64')
    return `@font-face { font-family: '${font.family}'; font-style: normal; font-display: block; font-weight: ${font.weight}; src: url(data:font/woff2;base64,${data}) format('woff2'); unicode-range: ${font.range}; }`
  }).join('\n')
  return fontCss
}

interface BasemapFeature {
  properties: { en?: string; ar?: string; ckb?: string }
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] }
}

const basemapDistricts = fileURLToPath(new URL('../../../reference-data/basemap/districts.geojson', import.meta.url))
let districts: Array<{ feature: BasemapFeature; box: [number, number, number, number] }> | null | undefined

function boxOf(geometry: BasemapFeature['geometry']): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity]
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()
  for (const ring of rings) for (const [lon, lat] of ring) {
    box[0] = Math.min(box[0], lon!); box[1] = Math.min(box[1], lat!); box[2] = Math.max(box[2], lon!); box[3] = Math.max(box[3], lat!)
  }
  return box
}

/**
 * District boundaries (simplified, from reference-data/basemap, Who's On First) whose box meets
 * [west, south, east, north]; none when the basemap is not there.
 */
export function districtBoundariesNear(extent: readonly [number, number, number, number]): ContextBoundary[] {
  if (districts === undefined) {
    try {
      const collection = JSON.parse(readFileSync(basemapDistricts, 'utf8')) as { features: BasemapFeature[] }
      districts = collection.features.map((feature) => ({ feature, box: boxOf(feature.geometry) }))
    } catch {
      districts = null
    }
  }
  if (!districts) return []
  const [west, south, east, north] = extent
  return districts
    .filter(({ box }) => box[0] <= east && box[2] >= west && box[1] <= north && box[3] >= south)
    .map(({ feature }) => ({
      names: { en: feature.properties.en ?? '', ar: feature.properties.ar || null, ckb: feature.properties.ckb || null },
      geometry: feature.geometry as ContextBoundary['geometry'],
    }))
}
