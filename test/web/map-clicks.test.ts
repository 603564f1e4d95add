// The room map's clicks have one taker at a time (web/src/features/map/map-interaction.ts): a
// screen picking a point takes the next click and the drawing tool leaves it; beginning a drawing,
// Escape or another screen's pick cancels a pick in progress, and the picking screen is told.
/// <reference lib="dom" />
import { before, beforeEach, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { MapMouseEvent } from 'maplibre-gl'

// The module listens for Escape on the document: a bare event target stands in for it in Node.
before(() => {
  if (!('document' in globalThis)) Object.defineProperty(globalThis, 'document', { value: new EventTarget(), configurable: true })
})

const { claimNextMapClick, clickIsPicked, mapPickActive, takeClaimedClick } = await import('../../web/src/features/map/map-interaction.ts')
const { drawing } = await import('../../web/src/features/map/drawing/drawing-store.ts')

function click(lng: number, lat: number): MapMouseEvent {
  return { originalEvent: new Event('click'), lngLat: { lng, lat } } as unknown as MapMouseEvent
}

function escapeKey(): Event {
  const event = new Event('keydown', { cancelable: true })
  Object.defineProperty(event, 'key', { value: 'Escape' })
  document.dispatchEvent(event)
  return event
}

describe('one taker of the map\'s clicks', () => {
  beforeEach(() => drawing.clear())

  test('a pick takes the next click; the drawing in progress does not get it and keeps its points', () => {
    drawing.start('movement-form', 'route')
    drawing.update((shape) => ({ ...shape, vertices: [[44.1, 35.1], [44.2, 35.2]] }))
    const picked: Array<{ lon: number; lat: number }> = []
    let cancelled = 0
    claimNextMapClick((point) => picked.push(point), () => cancelled++)
    assert.equal(mapPickActive(), true)
    const event = click(44.5, 35.5)
    assert.equal(clickIsPicked(event), true, 'the drawing leaves a click while a pick waits for it')
    assert.equal(takeClaimedClick(event), true)
    assert.deepEqual(picked, [{ lon: 44.5, lat: 35.5 }])
    assert.equal(clickIsPicked(event), true, 'the click the pick took stays the pick\'s for later listeners')
    assert.equal(mapPickActive(), false)
    assert.equal(cancelled, 0)
    const next = click(44.6, 35.6)
    assert.equal(clickIsPicked(next), false, 'the following click is the drawing\'s again')
    assert.equal(takeClaimedClick(next), false)
    assert.equal(drawing.shape?.vertices.length, 2)
  })

  test('beginning a drawing cancels a pick in progress, and the picking screen is told', () => {
    let cancelled = 0
    claimNextMapClick(() => assert.fail('no click should reach the pick'), () => cancelled++)
    drawing.update((shape) => shape) // nothing drawn: no change of owner
    assert.equal(mapPickActive(), true)
    drawing.start('area-form', 'polygon')
    assert.equal(mapPickActive(), false)
    assert.equal(cancelled, 1)
    assert.equal(takeClaimedClick(click(44, 35)), false)
  })

  test('editing the points of a drawing does not cancel a pick; drawing again does', () => {
    drawing.start('area-form', 'polygon', [[44, 35], [44.1, 35], [44.1, 35.1]])
    let cancelled = 0
    claimNextMapClick(() => {}, () => cancelled++)
    drawing.update((shape) => ({ ...shape, selected: 1 }))
    assert.equal(mapPickActive(), true)
    drawing.redraw()
    assert.equal(mapPickActive(), false)
    assert.equal(cancelled, 1)
  })

  test('Escape cancels the pick, and marks the key as handled so the drawing keeps its shape', () => {
    let cancelled = 0
    claimNextMapClick(() => {}, () => cancelled++)
    const event = escapeKey()
    assert.equal(event.defaultPrevented, true)
    assert.equal(cancelled, 1)
    assert.equal(mapPickActive(), false)
    assert.equal(escapeKey().defaultPrevented, false, 'once the pick is over, Escape is the drawing\'s again')
  })

  test('a second screen\'s pick cancels the first; giving the click back is quiet', () => {
    let first = 0
    let second = 0
    claimNextMapClick(() => {}, () => first++)
    const giveBack = claimNextMapClick(() => {}, () => second++)
    assert.equal(first, 1)
    giveBack()
    assert.equal(second, 0)
    assert.equal(mapPickActive(), false)
  })
})
