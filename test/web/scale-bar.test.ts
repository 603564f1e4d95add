// The map's scale bar shows a round distance that fits its width (web/src/features/map/scale-bar.ts).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { scaleBar } from '../../web/src/features/map/scale-bar.ts'

test('the bar shows the largest 1, 2, 3 or 5 × a power of ten metres that fits, at its width', () => {
  const cases: Array<[number, number]> = [
    [23_400, 20_000], // ≈ 23 km across 100 px → 20 km
    [48_000, 30_000],
    [9_999, 5_000],
    [10_000, 10_000], // exactly round: itself
    [1_700, 1_000],
    [640, 500],
    [3.2, 3],
    [0.27, 0.2],
  ]
  for (const [across, expected] of cases) {
    const bar = scaleBar(across, 100)
    assert.ok(bar, `${across} m`)
    assert.ok(Math.abs(bar.metres - expected) < 1e-9, `${across} m across → ${bar.metres} m, expected ${expected}`)
    assert.ok(Math.abs(bar.widthPx - (100 * expected) / across) < 1e-9, 'the bar is as long as its distance')
    assert.ok(bar.widthPx <= 100 + 1e-9 && bar.widthPx > 100 / 2.5, `${bar.widthPx} px: fits, and not much shorter`)
  }
})

test('nothing to show for a distance or width that is not positive and finite', () => {
  for (const across of [0, -5, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(scaleBar(across, 100), null, String(across))
  assert.equal(scaleBar(1000, 0), null)
})
