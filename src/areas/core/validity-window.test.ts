import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { changedWindow, isActiveAt, validityWindowProblem } from './validity-window.ts'

const at = (iso: string) => new Date(iso)

describe('validity windows', () => {
  test('a window whose end is after its start, or that has no end, is accepted', () => {
    assert.equal(validityWindowProblem({ from: at('2025-01-01T00:00:00Z'), to: at('2025-01-02T00:00:00Z') }), null)
    assert.equal(validityWindowProblem({ from: at('2025-01-01T00:00:00Z'), to: null }), null)
  })

  test('an end before or equal to the start is refused, naming both times', () => {
    assert.match(validityWindowProblem({ from: at('2025-01-02T00:00:00Z'), to: at('2025-01-01T00:00:00Z') })!, /validTo \(2025-01-01T00:00:00.000Z\) must be after validFrom \(2025-01-02T00:00:00.000Z\)/)
    assert.match(validityWindowProblem({ from: at('2025-01-01T00:00:00Z'), to: at('2025-01-01T00:00:00Z') })!, /must be after validFrom/)
  })

  test('implausible years are refused as typing mistakes', () => {
    assert.match(validityWindowProblem({ from: at('2025-01-01T00:00:00Z'), to: at('9999-01-01T00:00:00Z') })!, /validTo .* must lie between/)
    assert.match(validityWindowProblem({ from: at('1900-01-01T00:00:00Z'), to: null })!, /validFrom .* must lie between/)
    assert.match(validityWindowProblem({ from: new Date(Number.NaN), to: null })!, /validFrom is not a valid time/)
  })

  test('a window is active from its start inclusive to its end exclusive', () => {
    const window = { from: at('2025-03-01T00:00:00Z'), to: at('2025-03-02T00:00:00Z') }
    assert.equal(isActiveAt(window, at('2025-02-28T23:59:59Z')), false)
    assert.equal(isActiveAt(window, at('2025-03-01T00:00:00Z')), true)
    assert.equal(isActiveAt(window, at('2025-03-01T12:00:00Z')), true)
    assert.equal(isActiveAt(window, at('2025-03-02T00:00:00Z')), false)
    assert.equal(isActiveAt({ from: window.from, to: null }, at('2099-01-01T00:00:00Z')), true)
  })

  test('a partial change keeps what it leaves out and opens the end with an explicit null', () => {
    const stored = { from: at('2025-03-01T00:00:00Z'), to: at('2025-03-02T00:00:00Z') }
    assert.deepEqual(changedWindow(stored, {}), stored)
    assert.deepEqual(changedWindow(stored, { to: null }), { from: stored.from, to: null })
    const later = at('2025-03-05T00:00:00Z')
    assert.deepEqual(changedWindow(stored, { from: later }), { from: later, to: stored.to })
    assert.notEqual(validityWindowProblem(changedWindow(stored, { from: later })), null, 'moving the start past the stored end is caught')
  })
})
