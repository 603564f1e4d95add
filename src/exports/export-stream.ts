/**
 * Streams a layer as a document: reads the first page before answering (so the CSV columns are
 * known, and a failure to read is still a clean problem+json), then writes each chunk as the
 * source produces it. A Readable pulls from the source only as fast as the client reads, so an
 * export holds one page and one chunk in memory, whatever the size of the layer.
 */
import { Readable } from 'node:stream'
import { setImmediate as nextLoopTurn } from 'node:timers/promises'
import type { LayerQuery, LayerSource } from '../live/layer-source.ts'
import type { Viewer } from '../releasability/released-store.ts'
import { exportLayout, type ExportFeature, type ExportSerialiser } from './core/export-types.ts'

/** Features read before the first byte: the CSV columns are the property keys seen among them (the size of one store page). */
export const exportSampleSize = 500
/** Text gathered before a chunk is written: large enough to spare the socket tiny writes, small enough to flow early. */
const chunkCharacters = 16 * 1024

/** How an export ended: features written, and whether the document is complete (not cut by the client or an error). */
export interface ExportOutcome {
  count: number
  complete: boolean
  error?: unknown
}

/** Opens an export of `source` for `viewer`; resolves once the first page is read, with a stream of the whole document. */
export async function openExport(source: LayerSource, viewer: Viewer, query: LayerQuery, serialiser: ExportSerialiser, onEnd: (outcome: ExportOutcome) => void): Promise<Readable> {
  const iterator = source.list(viewer, query)[Symbol.asyncIterator]()
  const sample: ExportFeature[] = []
  let exhausted = false
  try {
    while (sample.length < exportSampleSize) {
      const next = await iterator.next()
      if (next.done) {
        exhausted = true
        break
      }
      sample.push(source.toFeature(next.value))
    }
  } catch (error) {
    await iterator.return?.()
    throw error
  }
  const layout = exportLayout(source.layer, sample)

  let started = false
  async function* chunks(): AsyncGenerator<Buffer> {
    started = true
    let count = 0
    let complete = false
    let failure: unknown
    let text = serialiser.header(layout)
    try {
      for (const feature of sample.splice(0)) text += serialiser.feature(feature, count++, layout)
      // The first page goes out at once, whatever its size: the client sees the export begin.
      yield Buffer.from(text, 'utf8')
      text = ''
      while (!exhausted) {
        const next = await iterator.next()
        if (next.done) break
        text += serialiser.feature(source.toFeature(next.value), count++, layout)
        if (text.length >= chunkCharacters) {
          yield Buffer.from(text, 'utf8')
          text = ''
          // PGlite answers without returning to the event loop, and a socket takes megabytes before it pushes back:
          // without this turn an export would hold every timer, socket and other request until its end.
          await nextLoopTurn()
        }
      }
      text += serialiser.footer(layout)
      yield Buffer.from(text, 'utf8')
      complete = true
    } catch (error) {
      failure = error
      throw error
    } finally {
      // A client that hangs up ends this generator early: release the source's cursor too.
      if (!complete) await iterator.return?.()
      onEnd(failure === undefined ? { count, complete } : { count, complete, error: failure })
    }
  }
  const stream = Readable.from(chunks(), { objectMode: false })
  // Destroyed before its first read (the client left at once), the generator never runs its finally: close the source here.
  stream.once('close', () => {
    if (started) return
    Promise.resolve(iterator.return?.()).catch(() => undefined)
    onEnd({ count: 0, complete: false })
  })
  return stream
}
