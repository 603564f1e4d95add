// The web client's routes: the built app at / with a fallback for its own paths, never over /api;
// immutable hashed assets; the basemap's files; the client configuration; a local tile file by range.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { loadConfig, type Config } from '../platform/config.ts'
import { createHttpServer, type TansiqServer } from '../platform/http/http-server.ts'
import { chosenEncoding, registerWebClientRoutes } from './web-client-routes.ts'

const validToken = 'a-valid-session-token-0123456789'

async function serverWith(overrides: Partial<Record<keyof Config, string>>, distDirectory: string): Promise<TansiqServer> {
  const config = loadConfig({}, { LOG_LEVEL: 'silent', ...overrides })
  const viewer = { userId: '00000000-0000-4000-8000-000000000001', username: 'pesh.watch', displayName: 'Watch', organizationId: 'peshmerga', role: 'watch-officer' as const, sessionId: 's', csrfToken: 'c', via: 'bearer' as const }
  const app = await createHttpServer({ config, sessions: { resolve: async (token) => (token === validToken ? viewer : null) }, version: '9.9.9' })
  app.get('/api/known', { config: { access: 'public' } }, async () => ({ ok: true }))
  await registerWebClientRoutes(app, config, '9.9.9', { distDirectory })
  await app.ready()
  return app
}

function builtApp(): string {
  const directory = mkdtempSync(join(tmpdir(), 'tansiq-web-dist-'))
  mkdirSync(join(directory, 'assets'))
  writeFileSync(join(directory, 'index.html'), '<!doctype html><title>Tansiq app</title>')
  writeFileSync(join(directory, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(directory, 'assets', 'index-abc123.js.br'), 'brotli bytes')
  return directory
}

test('the app answers its own paths with index.html, and never an /api path', async (t) => {
  const dist = builtApp()
  const app = await serverWith({}, dist)
  t.after(async () => {
    await app.close()
    rmSync(dist, { recursive: true, force: true })
  })
  for (const url of ['/', '/rooms', '/rooms/kirkuk', '/login?next=%2Frooms%2Fkirkuk']) {
    const response = await app.inject({ url })
    assert.equal(response.statusCode, 200, url)
    assert.match(response.body, /Tansiq app/)
    assert.equal(response.headers['cache-control'], 'no-cache')
    assert.match(String(response.headers['content-security-policy']), /default-src 'self'/)
  }
  const asset = await app.inject({ url: '/assets/index-abc123.js' })
  assert.equal(asset.statusCode, 200)
  assert.match(String(asset.headers['cache-control']), /immutable/)
  // The build's compressed copy goes to a browser that accepts it.
  const compressed = await app.inject({ url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } })
  assert.equal(compressed.headers['content-encoding'], 'br')
  assert.equal(compressed.body, 'brotli bytes')

  for (const url of ['/api/unknown', '/api', '/api/rooms/kirkuk/nothing']) {
    const response = await app.inject({ url })
    assert.equal(response.statusCode, 404, url)
    assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8')
    assert.equal(response.json().code, 'route-not-found')
  }
  assert.deepEqual((await app.inject({ url: '/api/known' })).json(), { ok: true })
  // A missing file is not the app; nothing outside the build is served.
  assert.equal((await app.inject({ url: '/assets/missing-0000.js' })).statusCode, 404)
  for (const url of ['/../package.json', '/%2e%2e/package.json', '/assets/%2e%2e%2f%2e%2e%2fpackage.json']) {
    const response = await app.inject({ url })
    assert.ok(!response.body.includes('"name": "tansiq"'), url)
  }
})

test('the encoding sent follows Accept-Encoding: brotli, then gzip, none when refused', () => {
  assert.equal(chosenEncoding('gzip, deflate, br, zstd'), 'br')
  assert.equal(chosenEncoding('gzip'), 'gzip')
  assert.equal(chosenEncoding('br;q=0, gzip;q=0.5'), 'gzip')
  assert.equal(chosenEncoding('*'), 'br')
  assert.equal(chosenEncoding('identity'), null)
  assert.equal(chosenEncoding(undefined), null)
})

test('the basemap and the client configuration are served to everyone', async (t) => {
  const dist = builtApp()
  const app = await serverWith({ TILE_URL: 'https://tiles.example.org/{z}/{x}/{y}.png', TILE_ATTRIBUTION: '© Example tiles' }, dist)
  t.after(async () => {
    await app.close()
    rmSync(dist, { recursive: true, force: true })
  })
  const places = await app.inject({ url: '/basemap/places.geojson' })
  assert.equal(places.statusCode, 200)
  const collection = places.json() as { features: Array<{ properties: { en: string; ar: string } }> }
  const kirkuk = collection.features.find((feature) => feature.properties.en === 'Kirkuk')
  assert.equal(kirkuk?.properties.ar, 'كركوك')
  // Compressed when the browser accepts it (brotli first), the same GeoJSON once decoded; revalidated by ETag.
  const brotli = await app.inject({ url: '/basemap/districts.geojson', headers: { 'accept-encoding': 'gzip, deflate, br' } })
  assert.equal(brotli.headers['content-encoding'], 'br')
  assert.equal(brotli.headers.vary, 'accept-encoding')
  const plain = await app.inject({ url: '/basemap/districts.geojson' })
  assert.equal(plain.headers['content-encoding'], undefined)
  assert.ok(brotli.rawPayload.length < plain.rawPayload.length / 2, `brotli ${brotli.rawPayload.length} of ${plain.rawPayload.length} bytes`)
  assert.deepEqual(brotliDecompressSync(brotli.rawPayload), plain.rawPayload)
  const gzip = await app.inject({ url: '/basemap/districts.geojson', headers: { 'accept-encoding': 'gzip;q=1, br;q=0' } })
  assert.equal(gzip.headers['content-encoding'], 'gzip')
  assert.deepEqual(gunzipSync(gzip.rawPayload), plain.rawPayload)
  const again = await app.inject({ url: '/basemap/districts.geojson', headers: { 'if-none-match': String(plain.headers.etag) } })
  assert.equal(again.statusCode, 304)
  assert.equal((await app.inject({ url: '/basemap/nothing.geojson' })).statusCode, 404)
  assert.equal((await app.inject({ url: '/basemap/..%2F..%2Fpackage.json' })).statusCode, 404)

  const config = await app.inject({ url: '/api/client-config' })
  assert.deepEqual(config.json(), { version: '9.9.9', roomTimeZone: 'Asia/Baghdad', tiles: { kind: 'xyz', url: 'https://tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example tiles' } })
  // The tile server's origin is allowed where the map fetches tiles, nothing more.
  const policy = String((await app.inject({ url: '/' })).headers['content-security-policy'])
  assert.match(policy, /connect-src 'self' https:\/\/tiles\.example\.org/)
  assert.match(policy, /img-src 'self' data: blob: https:\/\/tiles\.example\.org/)
})

test('a local PMTiles file is read by range; a missing build says how to build it', async (t) => {
  const dist = mkdtempSync(join(tmpdir(), 'tansiq-web-none-'))
  const tiles = join(dist, 'local.pmtiles')
  writeFileSync(tiles, Buffer.from('PMTiles0123456789'))
  const app = await serverWith({ TILE_PMTILES_FILE: tiles }, join(dist, 'not-built'))
  t.after(async () => {
    await app.close()
    rmSync(dist, { recursive: true, force: true })
  })
  assert.equal((await app.inject({ url: '/api/client-config' })).json().tiles.kind, 'pmtiles')
  // Tiles are for signed-in users, like the rest of /api.
  assert.equal((await app.inject({ url: '/api/tiles/local.pmtiles' })).statusCode, 401)
  const range = await app.inject({ url: '/api/tiles/local.pmtiles', headers: { authorization: `Bearer ${validToken}`, range: 'bytes=0-6' } })
  assert.equal(range.statusCode, 206)
  assert.equal(range.body, 'PMTiles')

  const page = await app.inject({ url: '/rooms/kirkuk' })
  assert.equal(page.statusCode, 503)
  assert.match(page.body, /npm run build:web/)
})
