/**
 * What the room's map fetches before it can draw: MapLibre's worker script and the offline
 * basemap's files (reference-data/basemap/, served at /basemap). A room that starts opening fetches
 * them ahead into the browser's cache (room-opening.ts), while the server is not yet busy reading
 * the picture for the live socket; both are cached (the worker immutable, the basemap a day).
 */
import workerScript from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url'
import { basemapPath } from '../../../../src/web-client/web-client-schemas.ts'

export const mapWorkerUrl = new URL(workerScript, location.href).href

export const basemapFiles = {
  country: 'country.geojson',
  boundaries: 'boundaries.geojson',
  adminLabels: 'admin-labels.geojson',
  towns: 'places.geojson',
} as const

export const basemapFileUrl = (file: string) => `${location.origin}${basemapPath}/${file}`

/** Fetches the map's first files into the HTTP cache; failures are left to the map, which reports them. */
export function prefetchMapAssets(): void {
  for (const url of [mapWorkerUrl, ...Object.values(basemapFiles).map(basemapFileUrl)]) {
    void fetch(url).then((response) => response.arrayBuffer()).catch(() => {})
  }
}
