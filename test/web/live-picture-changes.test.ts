// The room's live picture tells its listeners, once per frame, which objects of which layers
// changed (web/src/live/live-picture.ts), so the map sends MapLibre only those; and the map drops
// to half resolution while it moves where WebGL is drawn by the CPU (web/src/features/map/motion-resolution.ts),
// where an update is drawn once its sources have loaded, not once per tile.
/// <reference lib="dom" />
import { before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Map as MapLibreMap } from 'maplibre-gl'

// Node has no frames or document: a frame is a timer turn here, and the page is visible.
before(() => {
  if (!('document' in globalThis)) Object.defineProperty(globalThis, 'document', { value: Object.assign(new EventTarget(), { visibilityState: 'visible' }), configurable: true })
  if (!('requestAnimationFrame' in globalThis)) Object.defineProperty(globalThis, 'requestAnimationFrame', { value: (callback: () => void) => setTimeout(callback, 0), configurable: true })
})

const { LivePicture } = await import('../../web/src/live/live-picture.ts')
const { attachMotionResolution } = await import('../../web/src/features/map/motion-resolution.ts')

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 5))
const position = (unitId: string, lon: number) => ({ unitId, lon, lat: 35, reportedAt: '2025-03-11T08:00:00Z' })

describe('changes of the live picture', () => {
  test('many messages in a frame are told once, with the ids that changed per layer', async () => {
    const picture = new LivePicture()
    const told: Array<{ layers: string[]; ids: Record<string, string[] | 'all'> }> = []
    picture.subscribe((layers, ids) => told.push({ layers: [...layers].sort(), ids: Object.fromEntries([...ids].map(([layer, set]) => [layer, set === 'all' ? 'all' : [...set].sort()])) }))
    let eventId = 0
    for (const [unitId, lon] of [['u1', 44.1], ['u2', 44.2], ['u1', 44.3]] as const) {
      picture.delta({ type: 'delta', eventId: ++eventId, layer: 'positions', kind: 'upsert', id: unitId, data: position(unitId, lon) })
    }
    picture.delta({ type: 'delta', eventId: ++eventId, layer: 'units', kind: 'delete', id: 'u3', data: null })
    assert.equal(told.length, 0, 'nothing is told before the frame')
    await nextFrame()
    assert.deepEqual(told, [{ layers: ['positions', 'units'], ids: { positions: ['u1', 'u2'], units: ['u3'] } }])
    assert.deepEqual(picture.trail('u1'), [[44.1, 35], [44.3, 35]])

    // The next frame tells only what changed since.
    picture.delta({ type: 'delta', eventId: eventId + 1, layer: 'positions', kind: 'upsert', id: 'u2', data: position('u2', 44.25) })
    await nextFrame()
    assert.deepEqual(told[1], { layers: ['positions'], ids: { positions: ['u2'] } })
  })

  test('a snapshot changes its layers whole', async () => {
    const picture = new LivePicture()
    const told: Array<Record<string, string[] | 'all'>> = []
    picture.subscribe((_layers, ids) => told.push(Object.fromEntries([...ids].map(([layer, set]) => [layer, set === 'all' ? 'all' : [...set]]))))
    picture.delta({ type: 'delta', eventId: 1, layer: 'units', kind: 'upsert', id: 'u1', data: { id: 'u1' } })
    picture.beginSnapshot(['units', 'positions'])
    picture.snapshotItems('units', [{ id: 'u1' }, { id: 'u2' }])
    picture.snapshotItems('positions', [position('u2', 44)])
    picture.endSnapshot()
    await nextFrame()
    assert.deepEqual(told, [{ units: 'all', positions: 'all' }])
    assert.equal(picture.objects('units').size, 2)
    assert.ok(picture.loaded)
  })
})

/** Enough of a MapLibre map for the motion resolution: events, pixel ratio, movement, the renderer's name, frames drawn, sources loading. */
function fakeMap(renderer: string) {
  const handlers = new Map<string, Set<(event?: unknown) => void>>()
  const fire = (type: string, event?: unknown) => {
    for (const handler of [...(handlers.get(type) ?? [])]) handler(event)
  }
  const state = { ratio: 1, moving: false, ratios: [] as number[], drawn: 0, repaints: 0, gesturesStopped: 0, loading: new Set<string>() }
  const gl = { RENDERER: 0x1f01, getExtension: () => ({ UNMASKED_RENDERER_WEBGL: 0x9246 }), getParameter: () => renderer }
  class Painter {
    context = { gl }
    render() {
      state.drawn++
    }
  }
  const map = {
    painter: new Painter(),
    triggerRepaint: () => void state.repaints++,
    getPixelRatio: () => state.ratio,
    // As MapLibre's: a new pixel ratio resizes the map, which outside a camera animation stops the
    // gestures in progress and is told as a move (movestart, moveend).
    setPixelRatio: (ratio: number) => {
      state.ratio = ratio
      state.ratios.push(ratio)
      state.gesturesStopped++
      fire('movestart')
      fire('moveend')
    },
    isMoving: () => state.moving,
    getSource: (id: string) => (id.startsWith('units:') ? {} : undefined),
    isSourceLoaded: (id: string) => !state.loading.has(id),
    on: (type: string, handler: (event?: unknown) => void) => void (handlers.get(type) ?? handlers.set(type, new Set()).get(type)!).add(handler),
    off: (type: string, handler: (event?: unknown) => void) => void handlers.get(type)?.delete(handler),
  }
  return { map: map as unknown as MapLibreMap, state, fire }
}

/** The same with MapLibre 6's inside of setPixelRatio: the ratio, and a resize of the canvas alone. */
function fakeMapWithCanvasResize(renderer: string) {
  const fake = fakeMap(renderer)
  const inside = fake.map as unknown as { _overridePixelRatio: number | null; _resizeInternal(): void; getPixelRatio(): number }
  inside._overridePixelRatio = null
  inside._resizeInternal = () => {
    fake.state.ratio = inside._overridePixelRatio ?? 1
    fake.state.ratios.push(fake.state.ratio)
  }
  return fake
}

describe('the map\'s resolution while it moves', () => {
  test('drawn by the CPU: reduced resolution while the room opens and while moving, sharp once still', async () => {
    const { map, state, fire } = fakeMap('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)), SwiftShader driver)')
    const element = { dataset: {} as Record<string, string> } as HTMLElement
    const motion = attachMotionResolution(map, element)
    try {
      assert.equal(element.dataset.renderer, 'software')
      assert.equal(state.ratio, 0.4, 'the room opens at reduced resolution')
      assert.equal(motion.slowRenderer, true)
      assert.equal(motion.finishStartup(), true, 'the complete picture is drawn sharp')
      assert.equal(state.ratio, 1)
      assert.equal(motion.finishStartup(), false)
      state.moving = true
      fire('movestart')
      assert.equal(state.ratio, 0.4)
      state.moving = false
      fire('moveend')
      assert.equal(state.ratio, 0.4, 'not between two drags in a row')
      await new Promise((resolve) => setTimeout(resolve, 700))
      assert.equal(state.ratio, 1)
      // Its own resizes are not moves: once sharp it stays sharp (it used to flip every 600 ms, for ever).
      const changes = state.ratios.length
      await new Promise((resolve) => setTimeout(resolve, 1400))
      assert.equal(state.ratio, 1)
      assert.equal(state.ratios.length, changes, 'no resize while nobody moves the map')
    } finally {
      motion.detach()
    }
  })

  test('drawn by the CPU: a drag keeps going when the resolution drops at its start', () => {
    const { map, state, fire } = fakeMapWithCanvasResize('SwiftShader Device')
    const motion = attachMotionResolution(map, { dataset: {} } as HTMLElement)
    try {
      assert.equal(motion.finishStartup(), true)
      assert.equal(state.ratio, 1)
      state.moving = true
      fire('movestart') // a drag begins
      assert.equal(state.ratio, 0.4)
      assert.equal(state.gesturesStopped, 0, 'the drag was not stopped')
    } finally {
      motion.detach()
    }
  })

  test('drawn by the CPU: a room that opens quickly is drawn once, complete', async () => {
    const { map, state } = fakeMap('SwiftShader Device')
    const element = { dataset: {} as Record<string, string> } as HTMLElement
    const motion = attachMotionResolution(map, element)
    const painter = (map as unknown as { painter: { render(): void } }).painter
    assert.equal(element.dataset.opening, 'true', 'the map tells it is being drawn')
    for (let frame = 0; frame < 5; frame++) {
      painter.render() // tiles arriving: updates, nothing drawn
      await new Promise((resolve) => setTimeout(resolve, 80))
    }
    assert.equal(state.drawn, 0, 'no progress frame within the first 400 ms')
    assert.equal(motion.finishStartup(), true)
    assert.equal(element.dataset.opening, undefined)
    assert.ok(state.repaints > 0, 'the complete picture is drawn at once')
    painter.render()
    assert.equal(state.drawn, 1)
    motion.detach()
  })

  test('drawn by the CPU: a slow opening shows its progress now and then', async () => {
    const { map, state } = fakeMap('SwiftShader Device')
    const element = { dataset: {} as Record<string, string> } as HTMLElement
    const motion = attachMotionResolution(map, element, { firstDrawMs: 150, drawEveryMs: 100 })
    const painter = (map as unknown as { painter: { render(): void } }).painter
    for (let frame = 0; frame < 5; frame++) painter.render()
    assert.equal(state.drawn, 0, 'nothing drawn before the first progress frame is due')
    await new Promise((resolve) => setTimeout(resolve, 170))
    painter.render()
    painter.render()
    assert.equal(state.drawn, 1, 'one frame shows progress over a slow link')
    await new Promise((resolve) => setTimeout(resolve, 120))
    painter.render()
    painter.render()
    assert.equal(state.drawn, 2, 'and one more each interval')
    assert.equal(element.dataset.opening, 'true')
    assert.equal(motion.finishStartup(), true)
    assert.ok(state.repaints > 0, 'the complete picture is drawn at once')
    for (let frame = 0; frame < 3; frame++) painter.render()
    assert.equal(state.drawn, 5, 'every frame is drawn once the picture is complete')
    motion.detach()
  })

  test('drawn by the CPU: moving the map while the room opens draws every frame from then on', () => {
    const { map, state, fire } = fakeMap('SwiftShader Device')
    const motion = attachMotionResolution(map, { dataset: {} } as HTMLElement)
    const painter = (map as unknown as { painter: { render(): void } }).painter
    painter.render()
    assert.equal(state.drawn, 0)
    state.moving = true
    fire('movestart')
    painter.render()
    painter.render()
    assert.equal(state.drawn, 2)
    assert.equal(state.ratio, 0.4, 'reduced resolution while it moves')
    assert.equal(motion.finishStartup(), false, 'already ended')
    motion.detach()
  })

  test('drawn by the CPU: an update is drawn once its sources have loaded, not once per tile', async () => {
    const { map, state, fire } = fakeMap('SwiftShader Device')
    const motion = attachMotionResolution(map, { dataset: {} } as HTMLElement)
    const painter = (map as unknown as { painter: { render(): void } }).painter
    motion.finishStartup()
    state.drawn = 0
    state.repaints = 0
    motion.holdUntilLoaded(['units:points', 'units:trails'])
    state.loading = new Set(['units:points', 'units:trails'])
    painter.render() // the worker has the update: tiles reload
    state.loading.delete('units:trails')
    painter.render() // the trails' tiles are laid out
    assert.equal(state.drawn, 0, 'no frame while the update is half laid out')
    state.loading.clear()
    painter.render() // the last tile arrives: its symbols are placed in this frame
    assert.equal(state.drawn, 0)
    assert.equal(state.repaints, 1, 'the next frame, with the symbols placed, is asked for')
    painter.render()
    assert.equal(state.drawn, 1, 'and drawn')
    painter.render()
    assert.equal(state.drawn, 2, 'frames are drawn again once the update is')

    // A source that never loads holds frames for a second at most.
    motion.holdUntilLoaded(['units:points'])
    state.loading.add('units:points')
    painter.render()
    assert.equal(state.drawn, 2)
    await new Promise((resolve) => setTimeout(resolve, 1100))
    assert.equal(state.repaints, 2, 'a frame is asked for at the limit')
    painter.render()
    assert.equal(state.drawn, 3)

    // Another source's change — the drawing tool's shape following the pointer — is drawn at once.
    motion.holdUntilLoaded(['units:points'])
    painter.render()
    assert.equal(state.drawn, 3)
    fire('sourcedata', { sourceId: 'units:points', sourceDataType: 'content' })
    painter.render()
    assert.equal(state.drawn, 3, 'the held source itself does not end the hold')
    fire('sourcedata', { sourceId: 'drawing:shape', sourceDataType: 'content' })
    painter.render()
    assert.equal(state.drawn, 4)

    // Moving the map draws every frame, held or not.
    motion.holdUntilLoaded(['units:points'])
    state.moving = true
    fire('movestart')
    painter.render()
    assert.equal(state.drawn, 5)
    motion.detach()
  })

  test('a GPU that keeps up changes nothing', () => {
    const { map, state, fire } = fakeMap('ANGLE (Intel, Mesa Intel(R) UHD Graphics 620, OpenGL 4.6)')
    const element = { dataset: {} as Record<string, string> } as HTMLElement
    const motion = attachMotionResolution(map, element)
    ;(map as unknown as { painter: { render(): void } }).painter.render()
    assert.equal(state.drawn, 1, 'every frame drawn while the room opens')
    motion.finishStartup()
    motion.holdUntilLoaded(['units:points'])
    state.loading.add('units:points')
    ;(map as unknown as { painter: { render(): void } }).painter.render()
    assert.equal(state.drawn, 2, 'and while an update loads')
    state.moving = true
    fire('movestart')
    for (let frame = 0; frame < 10; frame++) fire('render') // frames in the same instant: fast
    assert.deepEqual(state.ratios, [])
    assert.equal(motion.slowRenderer, false)
    assert.equal(element.dataset.renderer, 'gpu')
    motion.detach()
  })
})
