import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { dueNudges, noticeOf, startTooFarInPast } from './movement-deadlines.ts'

const periods = { routine: 24 * 60, priority: 6 * 60, immediate: 60, flash: 0 }
const now = new Date('2030-01-01T00:00:00Z')
const inMinutes = (minutes: number) => new Date(now.getTime() + minutes * 60_000)

describe('notice periods', () => {
  const cases: Array<[string, number, keyof typeof periods, boolean]> = [
    ['a routine movement two days ahead gives enough notice', 48 * 60, 'routine', false],
    ['a routine movement three hours ahead is short', 180, 'routine', true],
    ['a priority movement exactly six hours ahead is enough', 360, 'priority', false],
    ['an immediate movement in 59 minutes is short', 59, 'immediate', true],
    ['a flash movement starting now needs no notice', 0, 'flash', false],
  ]
  for (const [name, minutes, precedence, short] of cases) {
    test(name, () => {
      const notice = noticeOf(inMinutes(minutes), now, precedence, periods)
      assert.equal(notice.short, short)
      assert.equal(notice.givenMinutes, minutes)
      assert.equal(notice.requiredMinutes, periods[precedence])
    })
  }
  test('a start up to an hour ago may be notified; further back may not', () => {
    assert.equal(startTooFarInPast(inMinutes(-60), now), false)
    assert.equal(startTooFarInPast(inMinutes(-61), now), true)
  })
})

describe('reminders and escalation of an unanswered notification (120 minutes)', () => {
  const start = inMinutes(600)
  const waiting = { answered: false, remindedAt: null, escalatedAt: null }
  const cases: Array<[string, typeof waiting | { answered: boolean; remindedAt: Date | null; escalatedAt: Date | null }, number, string[]]> = [
    ['nothing is due long before the start', waiting, 0, []],
    ['a reminder is due two hours before the start', waiting, 480, ['reminded']],
    ['a reminder already sent is not sent again', { ...waiting, remindedAt: inMinutes(480) }, 500, []],
    ['the commander is told an hour before the start', { ...waiting, remindedAt: inMinutes(480) }, 540, ['escalated']],
    ['a late check reminds and escalates at once, reminder first', waiting, 590, ['reminded', 'escalated']],
    ['an organization that answered is never nudged', { answered: true, remindedAt: null, escalatedAt: null }, 599, []],
    ['nothing more once escalated', { answered: false, remindedAt: inMinutes(480), escalatedAt: inMinutes(540) }, 599, []],
  ]
  for (const [name, party, nowMinutes, expected] of cases) {
    test(name, () => assert.deepEqual(dueNudges(party, start, 120, inMinutes(nowMinutes)), expected))
  }
})
