/** Schemas of what the server tells the web client about itself: its tiles, the room's time zone. */
import { z } from 'zod'

/** Optional raster tiles drawn under the offline basemap. */
export const tileSourceSchema = z.object({
  kind: z.enum(['xyz', 'pmtiles']).describe('xyz: a URL template; pmtiles: one file read with HTTP range requests'),
  url: z.string().describe('The XYZ template, or the path of the PMTiles file on this server'),
  attribution: z.string(),
})
export type TileSource = z.infer<typeof tileSourceSchema>

export const clientConfigSchema = z.object({
  version: z.string(),
  roomTimeZone: z.string().describe('IANA time zone of the room, shown beside the user\'s own'),
  tiles: tileSourceSchema.nullable().describe('null: the offline basemap alone'),
})
export type ClientConfig = z.infer<typeof clientConfigSchema>

/** Where the server serves the files of the offline basemap (reference-data/basemap/). */
export const basemapPath = '/basemap'
/** Where the server serves TILE_PMTILES_FILE. */
export const localTilesPath = '/api/tiles/local.pmtiles'
