/**
 * The floor under the room screen's time to interactive on the machine and browser measured:
 * MapLibre alone — the same version the room bundles, from node_modules — in a bare page, drawing
 * the offline basemap's land and boundaries (the room's first map files, from the Tansiq server,
 * with the room's source options) over the room's area, with no app code, no labels and no picture.
 * The page sets the marks openRoom reads: panel usable when its script has run, map loaded at
 * MapLibre's 'load', picture drawn at its first 'idle' (every tile loaded and drawn). Interactive
 * is then worked out as for the room (browser-measures.ts), so the two compare directly.
 */
/// <reference lib="dom" />
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { basemapPath } from '../../src/web-client/web-client-schemas.ts'
import { repositoryRoot } from '../../test/support/server-process.ts'
import { instrument, openRoom, type Interactive } from './browser-measures.ts'
import { groundBox } from './web-room-picture.ts'

const maplibreDist = join(repositoryRoot, 'node_modules', 'maplibre-gl', 'dist')
const pagePath = '/bench-maplibre-floor.html'
const filesPath = '/bench-maplibre-floor'

/** The basemap's geometry layers as the room draws them (web/src/features/map/basemap-style.ts), without its labels. */
function floorStyle(baseUrl: string): object {
  const file = (name: string) => `${baseUrl}${basemapPath}/${name}`
  return {
    version: 8,
    sources: {
      country: { type: 'geojson', data: file('country.geojson'), tolerance: 1.5, buffer: 16 },
      boundaries: { type: 'geojson', data: file('boundaries.geojson'), tolerance: 1.5, buffer: 16 },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#d9d6cf' } },
      { id: 'country-land', type: 'fill', source: 'country', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'district-lines', type: 'line', source: 'boundaries', filter: ['==', ['get', 'level'], 2], paint: { 'line-color': '#b7b0a4', 'line-width': 0.8, 'line-dasharray': [3, 2] } },
      { id: 'governorate-lines', type: 'line', source: 'boundaries', filter: ['==', ['get', 'level'], 1], paint: { 'line-color': '#8a8276', 'line-width': 1.2 } },
      { id: 'country-line', type: 'line', source: 'country', paint: { 'line-color': '#5b554c', 'line-width': 2.2 } },
    ],
  }
}

function floorPage(baseUrl: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${filesPath}/maplibre-gl.css">
<style>body { margin: 0 } #map { position: absolute; inset: 0 }</style></head><body><div id="map"></div>
<script type="module">
import { Map, setWorkerUrl } from '${filesPath}/maplibre-gl.mjs'
setWorkerUrl(new URL('${filesPath}/maplibre-gl-worker.mjs', location.href).href)
const map = new Map({ container: 'map', style: ${JSON.stringify(floorStyle(baseUrl))}, bounds: ${JSON.stringify(groundBox)}, fitBoundsOptions: { padding: 24 }, fadeDuration: 0, attributionControl: false })
performance.mark('tansiq:panel-usable')
map.on('load', () => performance.mark('tansiq:map-load'))
map.once('idle', () => performance.mark('tansiq:picture-drawn'))
</script></body></html>`
}

/** Opens the bare MapLibre page `runs` times, each in a new context (first visit). */
export async function measureMapLibreFloor(browser: Browser, baseUrl: string, runs: number): Promise<Interactive[]> {
  const results: Interactive[] = []
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 } })
    await instrument(context)
    await context.route(`${baseUrl}${pagePath}`, (route) => route.fulfill({ contentType: 'text/html', body: floorPage(baseUrl) }))
    await context.route(`${baseUrl}${filesPath}/*`, (route) => {
      const file = new URL(route.request().url()).pathname.split('/').pop()!
      if (!/^maplibre-gl(-worker)?\.(mjs|css)$/.test(file) && file !== 'maplibre-gl-shared.mjs') return route.fulfill({ status: 404 })
      return route.fulfill({ contentType: file.endsWith('.css') ? 'text/css' : 'text/javascript', body: readFileSync(join(maplibreDist, file)) })
    })
    results.push(await openRoom(await context.newPage(), `${baseUrl}${pagePath}`))
    await context.close()
  }
  return results
}
