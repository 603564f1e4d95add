// The room screen in a browser with a large picture (issue 6, "Numbers"): a Tansiq server on the
// embedded database (PGlite) in this process holds a room with BENCH_UNITS units (2,000) that each
// have a position and BENCH_AREAS areas of responsibility (500), all released to the room, created
// through the HTTP API; Debian's Chromium (headless, 1366 × 768, WebGL drawn by the CPU: SwiftShader)
// shows the room to a JOC watch officer; a load generator posts BENCH_RATE position reports a
// second (200) through POST /api/tracks/batch over HTTP, a batch every 100 ms. Measured:
//
//  0. The floor under it: MapLibre alone in a bare page, drawing the basemap's land and boundaries
//     over the room's area (support/maplibre-floor.ts), BENCH_RUNS times — what this machine and
//     browser take before any of Tansiq's code or picture; marks and interactive as below.
//  1. Time to interactive, BENCH_RUNS times (5) on a first visit (new browser context, empty HTTP
//     cache, signed in) and on a reload (assets cached), first with no reports arriving (the issue's
//     "interactive within 2 s of navigation"), then again with the load generator running
//     (from then on until the end of the set-up's measures). Navigation to /rooms/kirkuk, then the marks
//     the app sets (performance.mark):
//       panel usable    tansiq:panel-usable      the room loaded and the side panel rendered
//       map loaded      tansiq:map-load          MapLibre's 'load': style, basemap and picture layers set up
//       snapshot        tansiq:snapshot-received the live picture's first snapshot complete (not a condition)
//       picture drawn   tansiq:picture-drawn     every visible layer's sources set from that snapshot
//                                                (all units, all areas) and a frame rendered with them loaded
//     interactive = the latest of panel usable, map loaded and picture drawn, pushed past the end of
//     any long task (≥ 50 ms) still running then: the main thread is free to handle input.
//     Beside it, the CPU time Chromium's processes spent until the picture was drawn (/proc): what
//     opening the room costs whatever else the machine is doing, to compare runs on other machines.
//  2. Panning: BENCH_PAN_SECONDS (10) of continuous mouse drags over the map (circles of 150 px,
//     a mouse event every ~16 ms) while the reports keep arriving; then BENCH_IDLE_SECONDS (5) of
//     reports arriving with nobody touching the map. Long tasks from the page's
//     PerformanceObserver('longtask') (tasks ≥ 50 ms); every task of the page's main thread from a
//     Chromium trace ('toplevel'), with the part spent waiting for the GPU process ('gpu'); frames
//     from requestAnimationFrame; live position updates received over the page's WebSocket.
//
// Two browser set-ups (BENCH_MODES, default both):
//   software-compositing  the flags the end-to-end tests use (--disable-gpu, SwiftShader WebGL): the
//                         page's compositor is in software, so each WebGL frame is read back into
//                         the page's main thread, which waits until the CPU has drawn it — the
//                         frame's whole drawing time is main-thread time.
//   gpu-compositing       the same without --disable-gpu: SwiftShader also composites, and a WebGL frame
//                         is handed over without a read-back, as with a hardware GPU; the drawing
//                         still takes the CPU, off the page's main thread.
// The machine's two cores are shared by the server, the load generator, Chromium's renderer and its
// GPU process; the figures are pessimistic for a laptop with a GPU.
// Run: node --import tsx bench/web-room.bench.ts
/// <reference lib="dom" />
import { spawnSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'
import { browserTestArguments, chromiumPath, newUserContext, signIn, startBrowserTestServer } from '../test/e2e/support/browser.ts'
import { repositoryRoot } from '../test/support/server-process.ts'
import { webDistDirectory } from '../src/web-client/web-client-routes.ts'
import { percentile } from './support/bench-statistics.ts'
import { bundleFiles, bundleTable } from './support/bundle-sizes.ts'
import { instrument, measureWindow, openRoom, panInCircles, type Interactive, type MeasuredWindow } from './support/browser-measures.ts'
import { measureMapLibreFloor } from './support/maplibre-floor.ts'
import { roomId, seedRoomPicture, startLoadGenerator, type LoadGenerator } from './support/web-room-picture.ts'

const unitCount = Number(process.env.BENCH_UNITS ?? 2000)
const areaCount = Number(process.env.BENCH_AREAS ?? 500)
const rate = Number(process.env.BENCH_RATE ?? 200)
const runs = Number(process.env.BENCH_RUNS ?? 5)
const panSeconds = Number(process.env.BENCH_PAN_SECONDS ?? 10)
const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 5)
const modes = (process.env.BENCH_MODES ?? 'software-compositing,gpu-compositing').split(',') as Mode[]
type Mode = 'software-compositing' | 'gpu-compositing'

function launch(mode: Mode): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: browserTestArguments({ gpuCompositing: mode === 'gpu-compositing' }),
  })
}

const ms = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '—')
const cell = (values: number[]) => `${ms(percentile(values, 50))} [${ms(Math.min(...values))}–${ms(Math.max(...values))}]`

function interactiveRow(label: string, results: Interactive[]): string {
  const column = (pick: (result: Interactive) => number) => cell(results.map(pick))
  const cpu = (pick: (result: Interactive) => number) => ms(percentile(results.map(pick), 50))
  return `| ${label} | ${column((r) => r.panel)} | ${column((r) => r.mapLoad)} | ${column((r) => r.snapshot)} | ${column((r) => r.pictureDrawn)} | **${column((r) => r.interactive)}** | ${column((r) => r.longTasks)} | ${column((r) => r.longest)} | ${cpu((r) => r.cpu.renderer)} / ${cpu((r) => r.cpu.gpu)} / ${cpu((r) => r.cpu.all)} | ${Math.min(...results.map((r) => r.unitsDrawn))} |`
}

function windowRow(label: string, window: MeasuredWindow): string {
  const all = window.tasks.map((task) => task.ms)
  const own = window.tasks.map((task) => task.ms - task.gpuWaitMs)
  const longest = Math.max(0, ...all, ...window.longTasks)
  const busy = all.reduce((sum, value) => sum + value, 0)
  const waiting = window.tasks.reduce((sum, task) => sum + task.gpuWaitMs, 0)
  return `| ${label} | ${window.seconds.toFixed(1)} s, ${Math.round(window.deltas / window.seconds)} updates/s${window.inputEvents ? `, ${window.inputEvents} moves` : ''} | ${all.length.toLocaleString('en')} | ${percentile(all, 99).toFixed(0)} / **${ms(longest)}** | ${window.longTasks.length} / **${window.longTasks.filter((duration) => duration > 100).length}** | ${Math.round((busy / (window.seconds * 1000)) * 100)} % (${Math.round((waiting / (window.seconds * 1000)) * 100)} % GPU) | ${percentile(own, 99).toFixed(0)} / ${ms(Math.max(0, ...own))} / ${own.filter((value) => value > 100).length} | ${(window.frames / window.seconds).toFixed(0)}/s, gap p99 ${ms(percentile(window.frameGaps, 99))} |`
}

/** Time to interactive, `runs` times on a first visit (new context, empty cache) and `runs` times on a reload (assets cached). */
async function interactiveRuns(browser: Browser, url: string, storageState: StorageState): Promise<{ firstVisits: Interactive[]; reloads: Interactive[] }> {
  const firstVisits: Interactive[] = []
  for (let run = 0; run < runs; run++) {
    const fresh = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Asia/Baghdad', storageState })
    await instrument(fresh)
    firstVisits.push(await openRoom(await fresh.newPage(), url))
    await fresh.close()
  }
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Asia/Baghdad', storageState })
  await instrument(context)
  const warmUp = await context.newPage() // fills this context's cache
  await openRoom(warmUp, url)
  await warmUp.close()
  const reloads: Interactive[] = []
  for (let run = 0; run < runs; run++) {
    const page = await context.newPage()
    reloads.push(await openRoom(page, url))
    await page.close()
  }
  await context.close()
  return { firstVisits, reloads }
}

type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>

async function measureMode(mode: Mode, baseUrl: string, storageState: StorageState, startLoad: () => LoadGenerator): Promise<string[]> {
  const browser = await launch(mode)
  const url = `${baseUrl}/rooms/${roomId}`
  let load: LoadGenerator | null = null
  try {
    // What the machine allows: MapLibre alone drawing the basemap, no app and no picture.
    const floor = await measureMapLibreFloor(browser, baseUrl, runs)
    // The room opened with no position reports arriving, then with BENCH_RATE a second.
    const quiet = await interactiveRuns(browser, url, storageState)
    load = startLoad()
    const busy = await interactiveRuns(browser, url, storageState)
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-GB', timezoneId: 'Asia/Baghdad', storageState })
    await instrument(context)
    const page = await context.newPage()
    let deltas = 0
    page.on('websocket', (socket) => socket.on('framereceived', (frame) => {
      const text = String(frame.payload)
      for (let at = text.indexOf('"type":"delta"'); at !== -1; at = text.indexOf('"type":"delta"', at + 1)) deltas++
    }))
    await openRoom(page, url)
    await page.waitForTimeout(2000)
    const panning = await measureWindow(browser, page, panSeconds, () => deltas, (until) => panInCircles(page, until))
    await page.waitForTimeout(1500)
    const idle = await measureWindow(browser, page, idleSeconds, () => deltas, async (until) => {
      await page.waitForTimeout(until - performance.now())
      return 0
    })
    await context.close()
    const sent = await load.stop()
    load = null
    return [
      `\n### ${mode} (${browser.version()})\n`,
      '| visit | panel usable | map loaded | snapshot | picture drawn | **interactive** | long tasks before | longest | Chromium CPU until drawn: renderer / GPU / all | units drawn |',
      '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
      interactiveRow('floor: MapLibre alone, basemap boundaries only, no app (first visit)', floor),
      interactiveRow('first visit (empty cache)', quiet.firstVisits),
      interactiveRow('reload (assets cached)', quiet.reloads),
      interactiveRow(`first visit, ${rate} reports/s arriving`, busy.firstVisits),
      interactiveRow(`reload, ${rate} reports/s arriving`, busy.reloads),
      `\n(ms from navigation; median [min–max] of ${runs} runs. CPU: ms of CPU time Chromium's renderer, GPU and all processes spent from navigation until the picture was drawn, medians — on two cores, more than twice the time to interactive means the page waited for the CPU)\n`,
      '| while | measured | main-thread tasks | p99 / max ms | long tasks / > 100 ms | main thread busy (of it waiting for the GPU process) | without the GPU wait: p99 / max ms / > 100 ms | frames |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      windowRow('panning', panning),
      windowRow('updates only', idle),
      `\nLong tasks while panning (ms): ${panning.longTasks.map((duration) => Math.round(duration)).sort((a, b) => b - a).join(', ') || 'none'}`,
      `\nLoad generator: ${sent.sent} reports in ${sent.requests} requests over ${sent.seconds.toFixed(0)} s (${Math.round(sent.sent / sent.seconds)}/s), ${sent.refused} refused, request p99 ${ms(sent.p99RequestMs)} ms; load average now ${loadavg()[0]!.toFixed(1)}`,
    ]
  } finally {
    await load?.stop()
    await browser.close()
  }
}

/**
 * What a first write to newly allocated memory costs on this machine, per 4 KB page: a browser
 * opening a page faults in hundreds of MB. On a bare machine it is about a µs of kernel time per
 * page; in some virtual machines it is ten times that, which slows everything a browser does.
 */
function freshPageMicroseconds(): number {
  const pages = 32_768 // 128 MB
  const started = performance.now()
  const memory = Buffer.alloc(pages * 4096)
  for (let page = 0; page < pages; page++) memory[page * 4096] = 1
  return ((performance.now() - started) * 1000) / pages
}

async function main(): Promise<void> {
  // The benchmark measures the built client: build it when its sources changed.
  const build = spawnSync(process.execPath, ['scripts/build-web.mjs', '--if-stale'], { cwd: repositoryRoot, stdio: 'inherit' })
  if (build.status !== 0) throw new Error('the web client did not build')
  console.log(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, Node ${process.version}, load ${loadavg().map((value) => value.toFixed(1)).join(' ')}; first write to fresh memory ${freshPageMicroseconds().toFixed(1)} µs per 4 KB page; storage: PGlite (embedded), in this process`)
  console.log(`\nBundle (web/dist/assets; what a browser is sent is the brotli copy):\n\n${bundleTable(bundleFiles(webDistDirectory))}\n`)
  console.log(`Picture: ${unitCount} units with positions and ${areaCount} areas of responsibility, released to the room; ${rate} position reports/s`)

  const server = await startBrowserTestServer()
  try {
    const seeded = await seedRoomPicture(server.tansiq, unitCount, areaCount)
    console.log(`Seeded through the API in ${(seeded.seconds.units + seeded.seconds.positions + seeded.seconds.areas).toFixed(1)} s (units ${seeded.seconds.units.toFixed(1)} s, first positions ${seeded.seconds.positions.toFixed(1)} s, areas ${seeded.seconds.areas.toFixed(1)} s)`)

    // Signed in once; each browser context starts from that session.
    const signInBrowser = await launch('software-compositing')
    const signInContext = await newUserContext(signInBrowser)
    await signIn(await signInContext.newPage(), server.baseUrl, 'joc.watch')
    const storageState = await signInContext.storageState()
    await signInBrowser.close()

    const lines: string[] = []
    for (const mode of modes) lines.push(...await measureMode(mode, server.baseUrl, storageState, () => startLoadGenerator(server.baseUrl, seeded, rate)))
    console.log(lines.join('\n'))
  } finally {
    await server.tansiq.close()
  }
}

await main()
