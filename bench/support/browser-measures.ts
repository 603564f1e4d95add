/**
 * What the web client's benchmark measures in the page: marks the app sets, long tasks
 * (PerformanceObserver 'longtask'), frames (requestAnimationFrame), and from a Chromium trace every
 * task of the page's main thread with the part of it spent waiting for the GPU process.
 */
/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs'
import type { Browser, BrowserContext, Page } from 'playwright-core'

/** tsx compiles the bench keeping function names (a `__name` helper): the page gets the helper too. */
export const keepNames = { content: 'globalThis.__name = (target) => target' }

interface PageBench {
  longTasks: Array<[number, number]>
  frames: number[]
  framing: boolean
}

/** Runs in the page before its own scripts: records long tasks from the start, frames on demand. */
function instrumentPage(): void {
  const bench: PageBench = { longTasks: [], frames: [], framing: false }
  ;(window as unknown as { __bench: PageBench }).__bench = bench
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) bench.longTasks.push([entry.startTime, entry.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {
    // no Long Tasks API: the trace still counts
  }
  const frame = (time: number) => {
    if (!bench.framing) return
    bench.frames.push(time)
    requestAnimationFrame(frame)
  }
  ;(window as unknown as { __benchFrames: (on: boolean) => void }).__benchFrames = (on) => {
    const was = bench.framing
    bench.framing = on
    if (on && !was) requestAnimationFrame(frame)
  }
}

export async function instrument(context: BrowserContext): Promise<void> {
  await context.addInitScript(keepNames)
  await context.addInitScript(instrumentPage)
}

export interface Interactive {
  panel: number
  mapLoad: number
  snapshot: number
  pictureDrawn: number
  interactive: number
  /** Long tasks (≥ 50 ms) before interactive: count and longest. */
  longTasks: number
  longest: number
  unitsDrawn: number
  /** CPU time Chromium's processes spent from navigation until the measure (ms; Linux, else NaN). */
  cpu: { renderer: number; gpu: number; all: number }
}

interface ProcessUsage {
  kind: string
  cpuMs: number
}

/**
 * CPU time so far of each Chromium process on the machine, from /proc (Linux; empty elsewhere).
 * The benchmark's browser is the only Chromium running while it measures. A process's kind is its
 * --type (renderer, gpu-process, utility), or browser.
 */
export function chromiumProcesses(): Map<number, ProcessUsage> {
  const found = new Map<number, ProcessUsage>()
  let entries: string[]
  try {
    entries = readdirSync('/proc')
  } catch {
    return found
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8')
      if (!/chrom(e|ium)/.test(commandLine.split('\0')[0] ?? '')) continue
      // Fields after the command's name: utime and stime are the 12th and 13th, in clock ticks (1/100 s on Linux).
      const fields = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')
      const kind = /--type=([a-z-]+)/.exec(commandLine)?.[1] ?? 'browser'
      found.set(Number(entry), { kind, cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 })
    } catch {
      // the process ended meanwhile
    }
  }
  return found
}

/** CPU time spent by Chromium's processes between two readings (a process that started meanwhile counts whole). */
export function chromiumCpuBetween(before: Map<number, ProcessUsage>, after: Map<number, ProcessUsage>): Interactive['cpu'] {
  if (after.size === 0) return { renderer: Number.NaN, gpu: Number.NaN, all: Number.NaN }
  const spent = { renderer: 0, gpu: 0, all: 0 }
  for (const [pid, usage] of after) {
    const ms = usage.cpuMs - (before.get(pid)?.cpuMs ?? 0)
    spent.all += ms
    if (usage.kind === 'renderer') spent.renderer += ms
    if (usage.kind === 'gpu-process') spent.gpu += ms
  }
  return spent
}

/** Navigates to the room and reads the marks once the picture is drawn, and the CPU Chromium spent until then. */
export async function openRoom(page: Page, url: string): Promise<Interactive> {
  const processesBefore = chromiumProcesses()
  await page.goto(url)
  await page.waitForFunction(() => ['tansiq:panel-usable', 'tansiq:map-load', 'tansiq:picture-drawn'].every((name) => performance.getEntriesByName(name).length > 0), undefined, { timeout: 90_000, polling: 100 })
  const cpu = chromiumCpuBetween(processesBefore, chromiumProcesses())
  // A long task running at the last mark is reported when it ends.
  await page.waitForTimeout(500)
  const marks = await page.evaluate(() => {
    const at = (name: string) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN
    const [panel, mapLoad, snapshot, pictureDrawn] = ['tansiq:panel-usable', 'tansiq:map-load', 'tansiq:snapshot-received', 'tansiq:picture-drawn'].map(at) as [number, number, number, number]
    const tasks = [...(window as unknown as { __bench: PageBench }).__bench.longTasks].sort((a, b) => a[0] - b[0])
    let interactive = Math.max(panel, mapLoad, pictureDrawn)
    for (const [start, duration] of tasks) if (start < interactive) interactive = Math.max(interactive, start + duration)
    const before = tasks.filter(([start]) => start < interactive)
    return {
      panel, mapLoad, snapshot, pictureDrawn, interactive,
      longTasks: before.length, longest: Math.max(0, ...before.map(([, duration]) => duration)),
      unitsDrawn: Number(document.querySelector('[data-testid="map"]')?.getAttribute('data-unit-count') ?? 0),
    }
  })
  return { ...marks, cpu }
}

interface TraceEvent { name: string; ph: string; ts: number; dur?: number; pid: number; tid: number; args?: { name?: string } }

export interface MainThreadTask {
  ms: number
  /** Of which waiting for the GPU process (WebGL commands executed, a frame read back). */
  gpuWaitMs: number
}

const gpuWaits = new Set(['CommandBufferProxyImpl::WaitForGetOffset', 'CommandBufferProxyImpl::WaitForToken', 'CommandBufferProxyImpl::WaitForGetOffsetInRange', 'CommandBufferProxyImpl::WaitForTokenInRange'])

/** The top-level tasks of the busiest renderer main thread in a Chromium trace. */
export function mainThreadTasks(trace: Buffer): MainThreadTask[] {
  const events = (JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] }).traceEvents
  const mainThreads = new Set(events.filter((event) => event.ph === 'M' && event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`))
  const byThread = new Map<string, { tasks: TraceEvent[]; waits: TraceEvent[] }>()
  for (const event of events) {
    const key = `${event.pid}:${event.tid}`
    if (event.ph !== 'X' || event.dur === undefined || !mainThreads.has(key)) continue
    const thread = byThread.get(key) ?? { tasks: [], waits: [] }
    byThread.set(key, thread)
    if (event.name === 'ThreadControllerImpl::RunTask' || event.name === 'RunTask') thread.tasks.push(event)
    else if (gpuWaits.has(event.name)) thread.waits.push(event)
  }
  let busiest = { tasks: [] as TraceEvent[], waits: [] as TraceEvent[] }
  let busiestTotal = -1
  for (const thread of byThread.values()) {
    const total = thread.tasks.reduce((sum, task) => sum + task.dur!, 0)
    if (total > busiestTotal) [busiest, busiestTotal] = [thread, total]
  }
  // Top level only: a task nested in another (a nested run loop) is part of its parent.
  const tasks: Array<{ start: number; end: number; wait: number }> = []
  for (const task of busiest.tasks.sort((a, b) => a.ts - b.ts)) {
    if (tasks.length > 0 && task.ts < tasks[tasks.length - 1]!.end) continue
    tasks.push({ start: task.ts, end: task.ts + task.dur!, wait: 0 })
  }
  let index = 0
  let waitEnd = -Infinity
  for (const wait of busiest.waits.sort((a, b) => a.ts - b.ts)) {
    if (wait.ts < waitEnd) continue // nested in a wait already counted
    waitEnd = wait.ts + wait.dur!
    while (index < tasks.length && tasks[index]!.end <= wait.ts) index++
    const task = tasks[index]
    if (task && task.start <= wait.ts) task.wait += Math.min(wait.dur!, task.end - wait.ts)
  }
  return tasks.map((task) => ({ ms: (task.end - task.start) / 1000, gpuWaitMs: task.wait / 1000 }))
}

export interface MeasuredWindow {
  seconds: number
  /** Long tasks (≥ 50 ms) the page observed, ms. */
  longTasks: number[]
  tasks: MainThreadTask[]
  frames: number
  frameGaps: number[]
  deltas: number
  inputEvents: number
}

/**
 * Measures the page for `seconds` while `act` runs (it returns how many input events it sent):
 * long tasks, a trace of the main thread, frames, and the live deltas received.
 */
export async function measureWindow(browser: Browser, page: Page, seconds: number, countDeltas: () => number, act: (until: number) => Promise<number>): Promise<MeasuredWindow> {
  await page.evaluate(() => {
    const bench = (window as unknown as { __bench: PageBench }).__bench
    bench.longTasks.length = 0
    bench.frames.length = 0
    ;(window as unknown as { __benchFrames: (on: boolean) => void }).__benchFrames(true)
  })
  await browser.startTracing(page, { categories: ['toplevel', 'gpu', '__metadata'] })
  const deltasBefore = countDeltas()
  const started = performance.now()
  const inputEvents = await act(started + seconds * 1000)
  const elapsed = (performance.now() - started) / 1000
  const deltas = countDeltas() - deltasBefore
  const trace = await browser.stopTracing()
  const inPage = await page.evaluate(() => {
    ;(window as unknown as { __benchFrames: (on: boolean) => void }).__benchFrames(false)
    const bench = (window as unknown as { __bench: PageBench }).__bench
    const frames = bench.frames
    return { longTasks: bench.longTasks.map(([, duration]) => duration), frames: frames.length, frameGaps: frames.slice(1).map((time, index) => time - frames[index]!) }
  })
  return { seconds: elapsed, ...inPage, tasks: mainThreadTasks(trace), deltas, inputEvents }
}

/** Circles of mouse drags over the map's middle (150 px radius, 48 moves each, one per ~16 ms) until `until`. */
export async function panInCircles(page: Page, until: number): Promise<number> {
  const box = (await page.locator('[data-testid="map"]').boundingBox())!
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2]
  const radius = 150
  let moves = 0
  while (performance.now() < until) {
    await page.mouse.move(cx + radius, cy)
    await page.mouse.down()
    // One circle per drag, so the map ends each drag where it began.
    for (let step = 1; step <= 48 && performance.now() < until; step++) {
      const stepStarted = performance.now()
      const angle = (2 * Math.PI * step) / 48
      await page.mouse.move(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle))
      moves++
      const wait = 16 - (performance.now() - stepStarted)
      if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait))
    }
    await page.mouse.up()
  }
  return moves
}
