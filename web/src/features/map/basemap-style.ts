/**
 * The map's style: Tansiq's offline basemap (outline of Iraq, governorate and district boundaries, towns;
 * reference-data/basemap/, served at /basemap), optionally over an operator's raster tiles.
 * Nothing comes from the internet: labels are drawn from the fonts the app ships, declared as the
 * style's `font-faces` (MapLibre shapes Arabic script and orders right-to-left text itself), so
 * no glyph server is needed.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl'
import arabicBold from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2?url'
import arabicRegular from '@fontsource/noto-sans-arabic/files/noto-sans-arabic-arabic-400-normal.woff2?url'
import latinBold from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url'
import latinRegular from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url'
import type { TileSource } from '../../api/server-types.ts'
import type { Language } from '../../i18n/i18n.ts'
import { basemapFileUrl, basemapFiles } from './map-assets.ts'

export const regularFont = 'Noto Sans Regular'
export const boldFont = 'Noto Sans Bold'

/**
 * How far beyond its edge each tile of the map's GeoJSON sources (basemap and picture) holds
 * features, in pixels of a 512-px tile (MapLibre's default is 128). Lines and fills are cut at the
 * tile's edge when drawn, and a symbol is drawn by the tile its anchor is in, so a few pixels are
 * enough; with 128, every feature near an edge is laid out and drawn once more per tile it reaches —
 * about twice the vertices of the areas, whose drawing is most of a frame's time on a software
 * renderer (bench/web-room.bench.ts). Names laid along lines need more (their layers say so).
 */
export const tileBuffer = 16

const arabicRanges = ['U+0600-06FF', 'U+0750-077F', 'U+08A0-08FF', 'U+FB50-FDFF', 'U+FE70-FEFF', 'U+200C-200F']
const latinRanges = ['U+0000-024F', 'U+2000-206F', 'U+2212']

/** Attribution the data's licences require (reference-data/basemap/, NOTICE). */
export const basemapAttribution =
  'Boundaries and places: <a href="https://whosonfirst.org">Who\'s On First</a> (<a href="https://github.com/whosonfirst-data/whosonfirst-data/blob/master/LICENSE.md">licence</a>), '
  + 'including <a href="https://www.geonames.org">GeoNames</a> (CC BY 4.0) and Quattroshapes (CC BY); GeoNames cities500 (CC BY 4.0)'

/** The label of a feature with `en`, `ar`, `ckb` properties in the reader's language (Sorani falls back to Arabic script, then English). */
export function labelIn(language: Language): ExpressionSpecification {
  const present = (key: string): ExpressionSpecification => ['!=', ['coalesce', ['get', key], ''], '']
  if (language === 'en') return ['coalesce', ['get', 'en'], '']
  if (language === 'ar') return ['case', present('ar'), ['get', 'ar'], ['coalesce', ['get', 'en'], '']]
  return ['case', present('ckb'), ['get', 'ckb'], present('ar'), ['get', 'ar'], ['coalesce', ['get', 'en'], '']]
}

/** Ids of the basemap's layers that show text, whose language follows the reader's. */
export const basemapLabelLayers = ['governorate-labels', 'district-labels', 'town-labels'] as const

/**
 * A paint value written as data-driven: it reads a property (`shared`) no feature has, so it is
 * always `value`. MapLibre compiles a shader program for each mix of constant and data-driven paint
 * properties; written so, the basemap's land and lines and the places' dots use the same programs as
 * the picture's data-coloured fills and lines and the towns' ranked dots. On a software renderer
 * each program costs ≈ 70 ms to compile while the room opens (12 → 9 for the large room).
 */
export function sharedProgram<T extends string | number>(value: T): ExpressionSpecification {
  return ['coalesce', ['get', 'shared'], value]
}

const colours = {
  outside: '#d9d6cf',
  land: '#f4f1ea',
  governorate: '#8a8276',
  district: '#b7b0a4',
  country: '#5b554c',
  label: '#4a443b',
  halo: '#f8f6f1',
}

function tileSource(tiles: TileSource): SourceSpecification {
  if (tiles.kind === 'pmtiles') return { type: 'raster', url: `pmtiles://${location.origin}${tiles.url}`, tileSize: 256, attribution: tiles.attribution }
  return { type: 'raster', tiles: [tiles.url], tileSize: 256, maxzoom: 19, attribution: tiles.attribution }
}

export function basemapStyle(language: Language, tiles: TileSource | null): StyleSpecification {
  const label = labelIn(language)
  const sources: Record<string, SourceSpecification> = {
    // Boundaries simplified to 1.5 px at each zoom (MapLibre's default is 0.375): far fewer vertices to draw.
    country: { type: 'geojson', data: basemapFileUrl(basemapFiles.country), tolerance: 1.5, buffer: tileBuffer },
    // Each internal border once, marked governorate (1) or district (2): scripts/build-basemap.ts.
    boundaries: { type: 'geojson', data: basemapFileUrl(basemapFiles.boundaries), tolerance: 1.5, buffer: tileBuffer },
    'admin-labels': { type: 'geojson', data: basemapFileUrl(basemapFiles.adminLabels) },
    towns: { type: 'geojson', data: basemapFileUrl(basemapFiles.towns) },
  }
  const layers: LayerSpecification[] = [
    { id: 'background', type: 'background', paint: { 'background-color': colours.outside } },
    // No fill antialiasing: the country line draws the edge (one shader program and one pass fewer).
    { id: 'country-land', type: 'fill', source: 'country', paint: { 'fill-color': sharedProgram(colours.land), 'fill-opacity': tiles ? 0 : 1, 'fill-antialias': false } },
  ]
  if (tiles) {
    sources.tiles = tileSource(tiles)
    layers.push({ id: 'tiles', type: 'raster', source: 'tiles', paint: { 'raster-opacity': 0.9 } })
  }
  layers.push(
    { id: 'district-lines', type: 'line', source: 'boundaries', filter: ['==', ['get', 'level'], 2], minzoom: 6, paint: { 'line-color': colours.district, 'line-width': 0.8, 'line-dasharray': [3, 2] } },
    { id: 'governorate-lines', type: 'line', source: 'boundaries', filter: ['==', ['get', 'level'], 1], paint: { 'line-color': sharedProgram(colours.governorate), 'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.8, 10, 1.8] } },
    { id: 'country-line', type: 'line', source: 'country', paint: { 'line-color': sharedProgram(colours.country), 'line-width': 2.2 } },
    {
      id: 'governorate-labels', type: 'symbol', source: 'admin-labels', filter: ['==', ['get', 'level'], 1], maxzoom: 9,
      layout: { 'text-field': label, 'text-font': [boldFont], 'text-size': 13, 'text-letter-spacing': 0.05, 'text-max-width': 8 },
      paint: { 'text-color': '#7a7266', 'text-halo-color': colours.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'district-labels', type: 'symbol', source: 'admin-labels', filter: ['==', ['get', 'level'], 2], minzoom: 8.5,
      layout: { 'text-field': label, 'text-font': [regularFont], 'text-size': 11, 'text-max-width': 8 },
      paint: { 'text-color': '#8c8477', 'text-halo-color': colours.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'town-dots', type: 'circle', source: 'towns', filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6.5, 2, 8.5, 3]],
      paint: { 'circle-radius': ['match', ['get', 'rank'], 1, 4, 2, 3, 2.5], 'circle-color': colours.label, 'circle-stroke-color': colours.halo, 'circle-stroke-width': 1 },
    },
    {
      id: 'town-labels', type: 'symbol', source: 'towns', filter: ['<=', ['get', 'rank'], ['step', ['zoom'], 1, 6.5, 2, 8.5, 3]],
      layout: {
        'text-field': label, 'text-font': [regularFont],
        'text-size': ['match', ['get', 'rank'], 1, 14, 2, 12, 11], 'text-variable-anchor': ['top', 'bottom', 'left', 'right'], 'text-radial-offset': 0.6,
        'symbol-sort-key': ['get', 'rank'], 'text-max-width': 8,
      },
      paint: { 'text-color': colours.label, 'text-halo-color': colours.halo, 'text-halo-width': 1.5 },
    },
  )
  const absolute = (url: string) => new URL(url, location.href).href
  return {
    version: 8,
    'font-faces': {
      [regularFont]: [{ url: absolute(latinRegular), 'unicode-range': latinRanges }, { url: absolute(arabicRegular), 'unicode-range': arabicRanges }],
      [boldFont]: [{ url: absolute(latinBold), 'unicode-range': latinRanges }, { url: absolute(arabicBold), 'unicode-range': arabicRanges }],
    },
    sources,
    layers,
  }
}
