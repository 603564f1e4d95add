import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { once } from 'node:events'
import type { AddressInfo } from 'node:net'
import type { Readable } from 'node:stream'
import type { LayerSource } from '../live/layer-source.ts'
import type { Layer } from '../live/picture-change.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import { exportSerialisers } from './core/export-serialisers.ts'
import { exportSampleSize, openExport } from './export-stream.ts'
import { parseCsv } from './export-test-readers.ts'

/** A layer that makes its objects on demand and records how far it got: what an export pulls, it pulls lazily. */
function syntheticLayer(options: { total: number; pauseAfter?: number; pause?: () => Promise<void>; failAfter?: number; padding?: number }) {
  const state = { produced: 0, finished: false, closed: false }
  const padding = 'ب'.repeat(options.padding ?? 0)
  const source: LayerSource<{ id: string; n: number }> = {
    layer: 'coverage' as Layer,
    list: async function* () {
      try {
        for (let n = 0; n < options.total; n++) {
          if (n === options.pauseAfter) await options.pause!()
          if (n === options.failAfter) throw new Error('the store went away')
          state.produced++
          yield { id: `f-${String(n).padStart(7, '0')}`, n }
        }
        state.finished = true
      } finally {
        state.closed = true
      }
    },
    toFeature: (object) => ({ type: 'Feature', id: object.id, geometry: { type: 'Point', coordinates: [44 + object.n / 1e6, 35] }, properties: { n: object.n, nameAr: `وحدة ${object.n}${padding}` } }),
  }
  return { source, state }
}

const viewer = { organizationId: 'peshmerga' }

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

describe('an export is streamed, not built in memory', () => {
  test('a reader that stops reading stops the source: only about a chunk is made ahead of it', async () => {
    const total = 20_000
    const { source, state } = syntheticLayer({ total })
    const stream = await openExport(source, viewer, {}, exportSerialisers.csv, () => {})
    assert.equal(state.produced, exportSampleSize, 'opening reads the first page only')
    const first = (await once(stream, 'readable'), stream.read()) as Buffer
    assert.ok(first.length > 0)
    stream.pause()
    for (let turn = 0; turn < 50; turn++) await new Promise((resolve) => setImmediate(resolve))
    assert.ok(state.produced < 3 * exportSampleSize, `the source made ${state.produced} of ${total} objects while nobody read`)
    const rest = await readAll(stream)
    const rows = parseCsv((first.toString('utf8') + rest).slice(1))
    assert.equal(rows.length, total + 1)
    assert.equal(rows[total]![0], `f-${String(total - 1).padStart(7, '0')}`)
    assert.equal(state.finished, true)
  })

  test('a stream destroyed before its first read closes the source and reports an incomplete export', async () => {
    const { source, state } = syntheticLayer({ total: 2_000 })
    const outcomes: { count: number; complete: boolean }[] = []
    const stream = await openExport(source, viewer, {}, exportSerialisers.kml, (outcome) => outcomes.push(outcome))
    stream.destroy()
    await once(stream, 'close')
    await new Promise((resolve) => setImmediate(resolve))
    assert.equal(state.closed, true)
    assert.equal(state.finished, false)
    assert.deepEqual(outcomes, [{ count: 0, complete: false }])
  })

  test('a complete export reports how many features it wrote', async () => {
    const { source } = syntheticLayer({ total: 1_234 })
    const outcomes: { count: number; complete: boolean }[] = []
    const text = await readAll(await openExport(source, viewer, {}, exportSerialisers.geojson, (outcome) => outcomes.push(outcome)))
    assert.equal(JSON.parse(text).features.length, 1_234)
    assert.deepEqual(outcomes, [{ count: 1_234, complete: true }])
  })

  test('a source failing on its first page fails before any byte is sent', async () => {
    const { source, state } = syntheticLayer({ total: 100, failAfter: 10 })
    await assert.rejects(openExport(source, viewer, {}, exportSerialisers.geojson, () => {}), /the store went away/)
    assert.equal(state.closed, true)
  })
})

describe('exports over a real socket', () => {
  let tansiq: TestTansiq
  let base: string
  let authorization: string
  before(async () => {
    tansiq = await startTestTansiq('pglite')
    await tansiq.app.listen({ port: 0, host: '127.0.0.1' })
    base = `http://127.0.0.1:${(tansiq.app.server.address() as AddressInfo).port}`
    authorization = (await tansiq.login('pesh.watch')).authorization
  })
  after(async () => {
    // fetch's connection pool may have opened a spare socket that never carries a request; it would hold close() for the keep-alive timeout.
    tansiq.app.server.closeAllConnections()
    await tansiq.close()
  })

  test('the client receives the first bytes before the source has produced the rest, then the whole document', async () => {
    const total = 20_000
    let clientHasBytes!: () => void
    const clientGotBytes = new Promise<void>((resolve) => (clientHasBytes = resolve))
    let waitedFor: 'client' | 'timeout' | null = null
    // Halfway the source waits for the client to hold bytes: built in memory, the export would never send any, and this times out.
    const { source, state } = syntheticLayer({
      total,
      pauseAfter: 5_000,
      pause: async () => {
        let timer: NodeJS.Timeout | undefined
        waitedFor = await Promise.race([clientGotBytes.then(() => 'client' as const), new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), 10_000)))])
        clearTimeout(timer)
      },
    })
    tansiq.layers.set('coverage' as Layer, source)
    const response = await fetch(`${base}/api/exports/coverage.geojson`, { headers: { authorization } })
    assert.equal(response.status, 200)
    const reader = response.body!.getReader()
    const chunks: Uint8Array[] = []
    const first = await reader.read()
    assert.equal(first.done, false)
    chunks.push(first.value!)
    assert.equal(state.finished, false, 'the first bytes came before the source finished')
    clientHasBytes()
    for (;;) {
      const next = await reader.read()
      if (next.done) break
      chunks.push(next.value)
    }
    assert.equal(waitedFor, 'client')
    const collection = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    assert.equal(collection.features.length, total)
    assert.equal(collection.features[total - 1].properties.nameAr, `وحدة ${total - 1}`)
  })

  test('an export from a source that never waits on I/O (as the embedded database) still lets the event loop run', async () => {
    // PGlite answers queries without returning to the event loop; an export that never yielded would hold every timer, socket and other request until its end.
    const total = 20_000
    const { source, state } = syntheticLayer({ total })
    let producedWhenTimerFired = -1
    const timedSource: typeof source = {
      ...source,
      list: (...args) => {
        setTimeout(() => (producedWhenTimerFired = state.produced), 0)
        return source.list(...args)
      },
    }
    tansiq.layers.set('coverage' as Layer, timedSource)
    const response = await fetch(`${base}/api/exports/coverage.csv`, { headers: { authorization } })
    const rows = parseCsv((await response.text()).slice(1))
    assert.equal(rows.length, total + 1)
    assert.ok(producedWhenTimerFired >= 0 && producedWhenTimerFired < total, `a timer due at once fired only after ${producedWhenTimerFired} of ${total} objects`)
  })

  test('a client that hangs up stops the source instead of letting it run to the end', async () => {
    const total = 1_000_000
    const { source, state } = syntheticLayer({ total, padding: 50 })
    tansiq.layers.set('coverage' as Layer, source)
    const abort = new AbortController()
    const response = await fetch(`${base}/api/exports/coverage.kml`, { headers: { authorization }, signal: abort.signal })
    const reader = response.body!.getReader()
    await reader.read()
    abort.abort()
    const deadline = Date.now() + 5_000
    while (!state.closed && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
    assert.equal(state.closed, true, 'the source was closed after the client left')
    assert.equal(state.finished, false)
    assert.ok(state.produced < total, `made ${state.produced} of ${total}`)
  })

  test('a source failing mid-export cuts the response: the client never takes it for a complete document', async () => {
    const { source, state } = syntheticLayer({ total: 20_000, failAfter: 3_000 })
    tansiq.layers.set('coverage' as Layer, source)
    const response = await fetch(`${base}/api/exports/coverage.csv`, { headers: { authorization } })
    assert.equal(response.status, 200, 'the first page was read fine')
    await assert.rejects(response.text())
    assert.equal(state.closed, true)
  })
})
