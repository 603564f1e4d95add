// The drawing tool's sources on the room map (web/src/features/map/drawing/map-drawing.ts): the map
// attaches it while the room opens, and a source set again costs a tiling and a frame, so empty
// sources are not set empty again — neither on attaching nor at later renders with nothing drawn —
// while a shape drawn, then cleared, is drawn and then emptied.
/// <reference lib="dom" />
import { afterEach, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { FeatureCollection } from 'geojson'
import type { Map as MapLibreMap } from 'maplibre-gl'

// Node has no frames, document or media queries: a frame is a timer turn here.
before(() => {
  if (!('document' in globalThis)) Object.defineProperty(globalThis, 'document', { value: new EventTarget(), configurable: true })
  if (!('requestAnimationFrame' in globalThis)) Object.defineProperty(globalThis, 'requestAnimationFrame', { value: (callback: () => void) => setTimeout(callback, 0), configurable: true })
  if (!('cancelAnimationFrame' in globalThis)) Object.defineProperty(globalThis, 'cancelAnimationFrame', { value: (id: ReturnType<typeof setTimeout>) => clearTimeout(id), configurable: true })
  if (!('window' in globalThis)) Object.defineProperty(globalThis, 'window', { value: { matchMedia: () => ({ matches: false }) }, configurable: true })
})

const { attachMapDrawing } = await import('../../web/src/features/map/drawing/map-drawing.ts')
const { drawing } = await import('../../web/src/features/map/drawing/drawing-store.ts')

const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 5))

/** Enough of a MapLibre map for the drawing: sources that record what they are set to, layers, events, the view. */
function fakeMap() {
  const setData: Array<{ source: string; features: number }> = []
  const sources = new Map<string, { setData: (data: FeatureCollection) => void }>()
  const map = {
    addSource: (id: string) => sources.set(id, { setData: (data: FeatureCollection) => setData.push({ source: id, features: data.features.length }) }),
    getSource: (id: string) => sources.get(id),
    addLayer: () => {},
    on: () => {},
    off: () => {},
    once: () => {},
    getBounds: () => ({ getWest: () => 43, getSouth: () => 34, getEast: () => 45, getNorth: () => 36 }),
    getCenter: () => ({ lng: 44, lat: 35 }),
    fitBounds: () => {},
    queryRenderedFeatures: () => [],
    doubleClickZoom: { enable: () => {}, disable: () => {} },
  }
  const container = { dataset: {} as DOMStringMap, classList: { toggle: () => {} }, contains: () => false } as unknown as HTMLElement
  return { map: map as unknown as MapLibreMap, container, setData }
}

describe('the drawing\'s sources on the map', () => {
  let detach = () => {}
  afterEach(() => {
    detach()
    drawing.clear()
  })

  test('attaching with nothing drawn sets no source; a shape is drawn, then emptied once when cleared', async () => {
    const { map, container, setData } = fakeMap()
    detach = attachMapDrawing(map, container)
    await nextFrame()
    assert.deepEqual(setData, [], 'the sources were created empty: nothing to tile or draw')

    drawing.start('movement-form', 'route', [[44.1, 35.1], [44.2, 35.2]])
    await nextFrame()
    assert.deepEqual(setData, [{ source: 'drawing:shape', features: 1 }, { source: 'drawing:handles', features: 3 }], 'the route and its two points and one midpoint')

    setData.length = 0
    drawing.clear()
    await nextFrame()
    assert.deepEqual(setData, [{ source: 'drawing:shape', features: 0 }, { source: 'drawing:handles', features: 0 }])

    setData.length = 0
    drawing.setOverlay(null) // a render with nothing drawn, again
    await nextFrame()
    assert.deepEqual(setData, [], 'empty sources are not set empty again')
  })
})
