/**
 * Keeps the map responsive where WebGL is drawn by the CPU (no GPU: SwiftShader or llvmpipe, as in
 * virtual desktops and headless test machines) or the GPU is too slow for the picture. There a
 * frame of a large picture takes a few hundred ms, and when the browser composites in software it
 * also holds the page until it is drawn. So, on such a renderer:
 *  - while the map is dragged or zoomed it is drawn at 0.4 of its resolution (a sixth of the pixels
 *    to shade), and sharp again once it has been still for a moment;
 *  - while the room opens (basemap and picture arriving tile by tile, each asking for a frame),
 *    frames only update (tiles asked for, symbols placed) and are not drawn, and the first complete
 *    picture is drawn once, sharp (`finishStartup`). Only an opening slower than
 *    `startupFirstDrawMs` shows progress: a frame at reduced resolution then, and every
 *    `startupDrawEveryMs` after. Each such frame costs hundreds of ms of the CPU the opening needs
 *    (a frame every 350 ms put the large room's picture off by ≈ 0.5 s; one due at 2 s, as the
 *    picture was nearly complete, by ≈ 1 s: the first frame compiles every shader program).
 *    Meanwhile the map element carries `data-opening`, for a notice that the map is being drawn.
 *    The user moving the map, or `startupLimitMs` passing without a complete picture, ends this
 *    at once;
 *  - when live updates change a source while the map is still, its tiles are laid out again one by
 *    one, each asking for a frame (four frames of a few hundred ms per update of the units): frames
 *    wait until the updated sources have loaded (`holdUntilLoaded`, at most `holdLimitMs`), so an
 *    update is drawn once; a change of another source (the drawing tool's shape) is drawn at once.
 * With a GPU that draws frames in time nothing changes.
 */
import type { Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl'

/** Frames further apart than this while moving mean the renderer cannot keep up. */
const slowFrameMs = 70
/** How many slow frames while moving before the resolution is lowered (on a GPU). */
const slowFramesToReduce = 3
/** Still for this long: drawn sharp again (not between two drags in a row). */
const sharpAfterStillMs = 600
/** The resolution while moving (and while the room opens), of the full one: at half, frames of a 2,000-unit room still took ~100 ms. */
const reducedRatio = 0.4
/** While the room opens on such a renderer, no frame is drawn this long, in case the picture completes first… */
const startupFirstDrawMs = 4000
/** …then one this often, to show progress, until it does. */
const startupDrawEveryMs = 1000
/** The room's opening ends by this time even without a complete picture (e.g. no live connection). */
const startupLimitMs = 6000
/** Frames wait at most this long for updated sources to load (a frame then shows what has loaded). */
const holdLimitMs = 1000

/** Whether WebGL is drawn by the CPU (the renderer's name, where the browser tells it). */
export function softwareRenderer(map: MapLibreMap): boolean {
  const gl = map.painter?.context?.gl as WebGLRenderingContext | WebGL2RenderingContext | undefined
  if (!gl) return false
  const info = gl.getExtension('WEBGL_debug_renderer_info')
  const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '')
  return /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(name)
}

export interface MotionResolution {
  /** Whether the renderer was found slow (software, or frames too far apart while moving). */
  readonly slowRenderer: boolean
  /** The first picture is complete: draw sharp from now on. True when that changes the resolution (the next frame is the sharp one). */
  finishStartup(): boolean
  /** Sources just given new data: on a slow renderer, while the map is still, no frame is drawn until they have loaded. */
  holdUntilLoaded(sourceIds: readonly string[]): void
  detach(): void
}

/** MapLibre's painter: its `render` draws a frame (the map's own `_render` updates, then calls it). */
type Painter = { render?: (...args: unknown[]) => void }

/** How often frames are drawn while the room opens (the defaults above; tests set shorter ones). */
export interface OpeningFrames {
  firstDrawMs: number
  drawEveryMs: number
}

/** Call right after creating the map (before its style loads). */
export function attachMotionResolution(map: MapLibreMap, element: HTMLElement, opening: OpeningFrames = { firstDrawMs: startupFirstDrawMs, drawEveryMs: startupDrawEveryMs }): MotionResolution {
  const fullRatio = map.getPixelRatio()
  let slow = softwareRenderer(map)
  let starting = slow
  let reduced = false
  let slowFrames = 0
  let lastFrame = 0
  let sharpTimer: ReturnType<typeof setTimeout> | null = null
  element.dataset.renderer = slow ? 'software' : 'gpu'

  // MapLibre's setPixelRatio resizes the map as a whole: outside a camera animation that stops the
  // gestures in progress (a drag ends after its first move) and is told as a move (movestart,
  // moveend). So the canvas is resized alone, as setPixelRatio does inside (MapLibre 6); should
  // that ever be missing, setPixelRatio is used and its move events are not taken for the user's.
  let resizing = false
  const internals = map as unknown as { _overridePixelRatio?: number | null; _resizeInternal?: (constrainTransform?: boolean) => void }
  const applyRatio = (ratio: number) => {
    if (typeof internals._resizeInternal === 'function' && '_overridePixelRatio' in internals) {
      internals._overridePixelRatio = ratio
      internals._resizeInternal()
      map.triggerRepaint()
      return
    }
    resizing = true
    try {
      map.setPixelRatio(ratio)
    } finally {
      resizing = false
    }
  }
  const setReduced = (on: boolean) => {
    if (on === reduced) return false
    reduced = on
    element.dataset.resolution = on ? 'reduced' : 'full'
    applyRatio(on ? fullRatio * reducedRatio : fullRatio)
    return true
  }

  // Frames that only update (tiles asked for, symbols placed) and are not drawn: while starting, all
  // but the progress frames of a slow opening; then, while sources updated by live changes load.
  const painter = (map as unknown as { painter?: Painter }).painter
  const draw = painter?.render?.bind(painter)
  let nextOpeningDrawAt = performance.now() + opening.firstDrawMs
  const held = new Set<string>()
  let holdTimer: ReturnType<typeof setTimeout> | null = null
  const releaseHold = () => {
    held.clear()
    if (holdTimer) clearTimeout(holdTimer)
    holdTimer = null
  }
  /** Ends the hold and asks for the frame that draws what was held. */
  const drawHeld = () => {
    releaseHold()
    map.triggerRepaint()
  }
  const holding = () => {
    if (held.size === 0) return false
    if (map.isMoving()) {
      releaseHold()
      return false
    }
    if ([...held].every((id) => !map.getSource(id) || map.isSourceLoaded(id))) {
      // The last tile arrived in this frame, which places its symbols; MapLibre then asks for
      // another frame to show them placed. That next one is drawn, instead of both.
      drawHeld()
    }
    return true
  }
  if (painter && draw) {
    painter.render = (...args: unknown[]) => {
      if (starting ? performance.now() < nextOpeningDrawAt : holding()) return
      if (starting) nextOpeningDrawAt = performance.now() + opening.drawEveryMs
      draw(...args)
    }
  }
  const endStartup = () => {
    if (!starting) return false
    starting = false
    delete element.dataset.opening
    clearTimeout(startupLimit)
    map.triggerRepaint()
    return !map.isMoving() && setReduced(false)
  }
  const startupLimit = setTimeout(endStartup, startupLimitMs)

  const onMoveStart = () => {
    if (resizing) return
    if (sharpTimer) clearTimeout(sharpTimer)
    sharpTimer = null
    lastFrame = 0
    endStartup() // someone moves the map: every frame is drawn from now on
    if (slow) setReduced(true)
  }
  const onRender = () => {
    if (slow || !map.isMoving()) return
    const now = performance.now()
    if (lastFrame > 0 && now - lastFrame > slowFrameMs && ++slowFrames >= slowFramesToReduce) {
      slow = true
      setReduced(true)
    }
    lastFrame = now
  }
  const onMoveEnd = () => {
    if (resizing || !reduced || starting) return
    if (sharpTimer) clearTimeout(sharpTimer)
    sharpTimer = setTimeout(() => {
      sharpTimer = null
      if (!map.isMoving()) setReduced(false)
    }, sharpAfterStillMs)
  }
  if (starting) {
    element.dataset.opening = 'true'
    setReduced(true)
  }
  // Another source changing (the drawing tool's shape following the pointer, say) is drawn at once.
  const onSourceData = (event: MapSourceDataEvent) => {
    if (held.size > 0 && event.sourceDataType === 'content' && !held.has(event.sourceId)) drawHeld()
  }
  map.on('movestart', onMoveStart)
  map.on('render', onRender)
  map.on('moveend', onMoveEnd)
  map.on('sourcedata', onSourceData)
  return {
    get slowRenderer() {
      return slow
    },
    finishStartup: endStartup,
    holdUntilLoaded(sourceIds) {
      if (!slow || starting || !draw || map.isMoving()) return
      for (const id of sourceIds) held.add(id)
      // However long the sources take, a frame is drawn at the limit.
      holdTimer ??= setTimeout(drawHeld, holdLimitMs)
    },
    detach() {
      if (sharpTimer) clearTimeout(sharpTimer)
      releaseHold()
      delete element.dataset.opening
      if (painter && Object.hasOwn(painter, 'render')) delete painter.render
      clearTimeout(startupLimit)
      map.off('movestart', onMoveStart)
      map.off('render', onRender)
      map.off('moveend', onMoveEnd)
      map.off('sourcedata', onSourceData)
    },
  }
}
