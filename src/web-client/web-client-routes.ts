/**
 * Serves the web client: the built app (web/dist) at `/` with a fallback to its index.html for the
 * app's own paths, the offline basemap's files, the optional local tile file, and the small
 * configuration the client reads at start. Nothing here ever answers under /api/ but the two API
 * routes it declares: an unknown /api path stays a problem+json 404.
 */
import { existsSync, readFileSync, statSync } from 'node:fs'
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyReply } from 'fastify'
import type { Config } from '../platform/config.ts'
import { contentEtag, sendProblem, type TansiqServer } from '../platform/http/http-server.ts'
import { basemapPath, clientConfigSchema, localTilesPath, type ClientConfig } from './web-client-schemas.ts'

/** The built app; `npm start` (scripts/build-web.mjs) builds it when missing or stale. */
export const webDistDirectory = fileURLToPath(new URL('../../web/dist/', import.meta.url))
const basemapDirectory = fileURLToPath(new URL('../../reference-data/basemap/', import.meta.url))

/** A path under `root` for a URL path, or null when it would leave it. */
function fileUnder(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const relative = normalize(decoded).replace(/^([/\\])+/, '')
  if (relative.split(/[/\\]/).includes('..')) return null
  const full = join(root, relative)
  return full.startsWith(root) ? relative.split(sep).join('/') : null
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

interface CompressedFile {
  raw: Buffer
  br: Buffer
  gzip: Buffer
  etag: string
}

/**
 * A basemap file with its brotli and gzip forms, made once per process on its first request and kept
 * (the basemap is a few hundred KB of GeoJSON that compresses to a quarter; it never changes while
 * the server runs).
 */
function compressedFile(cache: Map<string, CompressedFile>, path: string): CompressedFile {
  let file = cache.get(path)
  if (!file) {
    const raw = readFileSync(path)
    file = {
      raw,
      br: brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 9, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
      gzip: gzipSync(raw, { level: 9 }),
      etag: contentEtag(raw),
    }
    cache.set(path, file)
  }
  return file
}

/** The encoding to send for an Accept-Encoding header: brotli, then gzip, else none. */
export function chosenEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  const accepted = new Map<string, number>()
  for (const part of (acceptEncoding ?? '').toLowerCase().split(',')) {
    const [name, ...parameters] = part.trim().split(';')
    if (!name) continue
    const quality = parameters.map((parameter) => /^\s*q=([0-9.]+)\s*$/.exec(parameter)?.[1]).find((value) => value !== undefined)
    accepted.set(name, quality === undefined ? 1 : Number(quality))
  }
  for (const encoding of ['br', 'gzip'] as const) if ((accepted.get(encoding) ?? accepted.get('*') ?? 0) > 0) return encoding
  return null
}

/**
 * The page's Content-Security-Policy: everything from this origin (the live WebSocket included);
 * MapLibre's workers are blobs; a configured tile server's origin is added where tiles are fetched.
 */
export function contentSecurityPolicy(config: Config): string {
  const tileOrigin = config.TILE_URL ? new URL(config.TILE_URL.replaceAll(/\{[a-z]\}/g, '0')).origin : ''
  return [
    "default-src 'self'",
    `connect-src 'self' ${tileOrigin}`.trim(),
    `img-src 'self' data: blob: ${tileOrigin}`.trim(),
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ')
}

const notBuiltPage = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Tansiq</title>
<body style="font-family: sans-serif; max-width: 40rem; margin: 4rem auto; line-height: 1.5">
<h1>The web client is not built yet</h1>
<p>Build it with <code>npm run build:web</code> and reload this page (<code>npm start</code> builds it for you).
The API is available under <a href="/api/openapi.json">/api</a>.</p>
<p dir="rtl" lang="ar">واجهة الويب غير مبنية بعد: نفّذ <code>npm run build:web</code> ثم أعد تحميل الصفحة.</p>
</body></html>
`

/** Registers the web client's routes: call after every /api route is registered. */
export async function registerWebClientRoutes(app: TansiqServer, config: Config, version: string, options: { distDirectory?: string } = {}): Promise<void> {
  const distDirectory = options.distDirectory ?? webDistDirectory
  // Only reply.sendFile: each route below chooses its root and cache policy.
  // preCompressed: the build leaves .br and .gz beside each asset (scripts/build-web.mjs).
  await app.register(fastifyStatic, { root: basemapDirectory, serve: false, preCompressed: true })
  const policy = contentSecurityPolicy(config)

  const clientConfig: ClientConfig = {
    version,
    roomTimeZone: config.ROOM_TIME_ZONE,
    tiles: config.TILE_URL
      ? { kind: 'xyz', url: config.TILE_URL, attribution: config.TILE_ATTRIBUTION }
      : config.TILE_PMTILES_FILE ? { kind: 'pmtiles', url: localTilesPath, attribution: config.TILE_ATTRIBUTION } : null,
  }
  app.get('/api/client-config', {
    config: { access: 'public' },
    schema: { tags: ['web client'], summary: 'What the web client needs before sign-in: tiles, the room\'s time zone, the version', response: { 200: clientConfigSchema } },
  }, async () => clientConfig)

  if (config.TILE_PMTILES_FILE && !config.TILE_URL) {
    const tilesFile = config.TILE_PMTILES_FILE
    if (!isFile(tilesFile)) app.log.warn(`TILE_PMTILES_FILE ${tilesFile} is not a readable file: the map shows the offline basemap alone`)
    app.get(localTilesPath, { schema: { hide: true } }, async (request, reply) => {
      if (!isFile(tilesFile)) return sendProblem(reply, request, 'not-found', 'The configured tile file is missing')
      // Range requests are answered by @fastify/send (206 with the requested bytes).
      return reply.sendFile(tilesFile.split(/[/\\]/).pop()!, join(tilesFile, '..'), { maxAge: 3_600_000 })
    })
  }

  const basemapFiles = new Map<string, CompressedFile>()
  app.get(`${basemapPath}/:file`, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const file = fileUnder(basemapDirectory, (request.params as { file: string }).file)
    if (!file || extname(file) !== '.geojson' || !isFile(join(basemapDirectory, file))) return sendProblem(reply, request, 'not-found', 'No such basemap file')
    // Compressed for the browser that accepts it, revalidated by ETag after a day.
    const content = compressedFile(basemapFiles, join(basemapDirectory, file))
    reply.header('cache-control', 'public, max-age=86400').header('etag', content.etag).header('vary', 'accept-encoding').type('application/geo+json')
    if (request.headers['if-none-match'] === content.etag) return reply.code(304).send()
    const encoding = chosenEncoding(request.headers['accept-encoding'])
    if (encoding) reply.header('content-encoding', encoding)
    return reply.send(encoding === 'br' ? content.br : encoding === 'gzip' ? content.gzip : content.raw)
  })

  const sendIndex = (reply: FastifyReply) => {
    if (!isFile(join(distDirectory, 'index.html'))) return reply.code(503).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(notBuiltPage)
    return reply.header('content-security-policy', policy).header('cache-control', 'no-cache').sendFile('index.html', distDirectory, { cacheControl: false })
  }

  // Everything else that is not an API path: a file of the built app, or the app's index.html,
  // whose router then shows the right screen (/rooms/kirkuk …).
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0]!
    if (path === '/api' || path.startsWith('/api/')) return sendProblem(reply, request, 'route-not-found', `No route ${request.method} ${path}`)
    const file = fileUnder(distDirectory, path)
    if (file === null) return sendProblem(reply, request, 'not-found', 'No such file')
    if (file !== '' && file !== 'index.html' && existsSync(distDirectory) && isFile(join(distDirectory, file))) {
      // Vite names built assets by their content hash: they never change under the same name.
      const hashed = file.startsWith('assets/')
      return reply.sendFile(file, distDirectory, hashed ? { maxAge: 31_536_000_000, immutable: true } : { maxAge: 0 })
    }
    // A missing asset is an error, not the app: only extension-less paths are the app's own routes.
    if (extname(path) !== '') return sendProblem(reply, request, 'not-found', `No file ${path}`)
    return sendIndex(reply)
  })
}
