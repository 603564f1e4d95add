import { describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { checkPhoto } from './log-photo.ts'
import { phaseWindow, planProblems, plannedMovements, type Plan } from './operation-plan.ts'

const hHour = new Date('2030-06-12T04:00:00Z')
const plan: Plan = {
  leadOrganizationId: 'peshmerga',
  hHour,
  window: { start: new Date('2030-06-12T00:00:00Z'), end: new Date('2030-06-13T00:00:00Z') },
  participants: [
    { organizationId: 'peshmerga', role: 'lead', unitIds: ['u-pesh-1', 'u-pesh-2'], liaison: { name: 'Lt. Col. Hemin', radio: 'net 1' } },
    { organizationId: 'iraqi-army', role: 'participant', unitIds: ['u-army'], liaison: { name: 'Maj. Ali', phone: '+964 770 000 0000' } },
    { organizationId: 'coalition', role: 'support', unitIds: [] },
  ],
  objectiveAreas: [{ key: 'villages', name: 'Villages' }],
  axes: [
    { key: 'kifri-axis', name: 'Kifri axis', unitIds: ['u-pesh-1'] },
    { key: 'tuz-axis', name: 'Tuz axis', organizationId: 'iraqi-army' },
  ],
  phases: [
    { name: 'Preparation', startOffsetMinutes: -120, endOffsetMinutes: 0, axisKeys: [] },
    { name: 'Advance', startOffsetMinutes: 0, endOffsetMinutes: 240, axisKeys: ['kifri-axis', 'tuz-axis'] },
    { name: 'Withdrawal', startOffsetMinutes: 600, endOffsetMinutes: 720, axisKeys: ['kifri-axis'] },
  ],
}
const messages = (candidate: Plan) => planProblems(candidate).map((problem) => `${problem.path}: ${problem.message}`)

describe('the plan of a joint operation', () => {
  test('the reference plan holds', () => {
    assert.deepEqual(planProblems(plan), [])
  })

  test('each axis in each phase becomes a movement of the axis\'s organization for the phase\'s window (H-hour plus offsets), with the axis\'s units or all its organization brings', () => {
    assert.deepEqual(phaseWindow(hHour, { startOffsetMinutes: -120, endOffsetMinutes: 0 }), { start: new Date('2030-06-12T02:00:00Z'), end: hHour })
    assert.deepEqual(plannedMovements(plan).map((movement) => [movement.axisKey, movement.phaseOrdinal, movement.organizationId, movement.unitIds, movement.start.toISOString(), movement.end.toISOString(), movement.liaison.name]), [
      ['kifri-axis', 2, 'peshmerga', ['u-pesh-1'], '2030-06-12T04:00:00.000Z', '2030-06-12T08:00:00.000Z', 'Lt. Col. Hemin'],
      ['tuz-axis', 2, 'iraqi-army', ['u-army'], '2030-06-12T04:00:00.000Z', '2030-06-12T08:00:00.000Z', 'Maj. Ali'],
      ['kifri-axis', 3, 'peshmerga', ['u-pesh-1'], '2030-06-12T14:00:00.000Z', '2030-06-12T16:00:00.000Z', 'Lt. Col. Hemin'],
    ])
  })

  test('a phase outside the window, or H-hour outside it, is named with its times', () => {
    const late = messages({ ...plan, phases: [{ name: 'Clearance', startOffsetMinutes: 1200, endOffsetMinutes: 1300, axisKeys: [] }] })
    assert.deepEqual(late, ['phases.0: Phase 1 (Clearance) runs 2030-06-13T00:00Z – 2030-06-13T01:40Z, outside the operation\'s window 2030-06-12T00:00Z – 2030-06-13T00:00Z'])
    assert.match(messages({ ...plan, phases: [{ name: 'Early', startOffsetMinutes: -300, endOffsetMinutes: 0, axisKeys: [] }] })[0]!, /outside the operation's window/)
    assert.match(messages({ ...plan, hHour: new Date('2030-06-14T00:00:00Z'), phases: [] })[0]!, /^hHour: H-hour/)
    assert.match(messages({ ...plan, phases: [{ name: 'Backwards', startOffsetMinutes: 60, endOffsetMinutes: 60, axisKeys: [] }] })[0]!, /ends after it starts/)
  })

  test('one lead, the drafting organization; at least one partner; nobody twice', () => {
    assert.match(messages({ ...plan, leadOrganizationId: 'iraqi-army' }).join('\n'), /The lead organization \(iraqi-army\)/)
    assert.match(messages({ ...plan, participants: [plan.participants[0]!, plan.participants[2]!], axes: [], phases: [] }).join('\n'), /at least one participating organization besides the lead/)
    assert.match(messages({ ...plan, participants: [...plan.participants, { organizationId: 'iraqi-army', role: 'participant', unitIds: [] }] }).join('\n'), /iraqi-army is listed twice/)
  })

  test('axes and objective areas belong to participants; support advances on no axis; an axis\'s units are its organization\'s in the operation', () => {
    assert.match(messages({ ...plan, axes: [{ key: 'cts-axis', name: 'x', organizationId: 'cts' }], phases: [] }).join('\n'), /belongs to cts, which does not take part/)
    assert.match(messages({ ...plan, axes: [{ key: 'air', name: 'x', organizationId: 'coalition' }], phases: [] }).join('\n'), /supports the operation/)
    assert.match(messages({ ...plan, axes: [{ key: 'tuz-axis', name: 'x', organizationId: 'iraqi-army', unitIds: ['u-pesh-1'] }], phases: [] }).join('\n'), /Unit u-pesh-1 is not one of the units iraqi-army brings/)
    assert.match(messages({ ...plan, objectiveAreas: [{ key: 'kifri-axis', name: 'x' }] }).join('\n'), /The key kifri-axis is used twice/)
  })

  test('a phase names existing axes once; an axis used in a phase needs units and a liaison', () => {
    assert.match(messages({ ...plan, phases: [{ name: 'Advance', startOffsetMinutes: 0, endOffsetMinutes: 60, axisKeys: ['nowhere'] }] })[0]!, /not an axis of the operation/)
    assert.match(messages({ ...plan, phases: [{ name: 'Advance', startOffsetMinutes: 0, endOffsetMinutes: 60, axisKeys: ['tuz-axis', 'tuz-axis'] }] })[0]!, /names the axis tuz-axis twice/)
    const withoutLiaison = { ...plan, participants: plan.participants.map((participant) => participant.organizationId === 'iraqi-army' ? { ...participant, liaison: undefined, unitIds: [] } : participant) }
    assert.deepEqual(messages(withoutLiaison).filter((message) => message.startsWith('phases.1')), [
      'phases.1.axisKeys.1: The axis tuz-axis is used in phase 2 but names no units, and iraqi-army brings none',
      'phases.1.axisKeys.1: The axis tuz-axis is used in phase 2: iraqi-army needs a liaison for the movement it notifies',
    ])
  })
})

describe('a photo of the live log', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
  test('is accepted when its bytes are the declared image type, with a safe name', () => {
    assert.deepEqual(checkPhoto('image/png', png, undefined), { ok: true, type: 'image/png', fileName: 'photo.png' })
    assert.deepEqual(checkPhoto('image/png', png, 'قوريجاي.png'), { ok: true, type: 'image/png', fileName: 'قوريجاي.png' })
  })
  test('is refused when empty, of another type than declared, not an image, or with an unsafe name', () => {
    assert.equal(checkPhoto('image/png', Buffer.alloc(0), undefined).ok, false)
    assert.match((checkPhoto('image/jpeg', png, undefined) as { reason: string }).reason, /its bytes are image\/png/)
    assert.match((checkPhoto('image/png', Buffer.from('%PDF-1.7'), undefined) as { reason: string }).reason, /its bytes are application\/pdf/)
    assert.match((checkPhoto('image/png', Buffer.from('GIF89a'), undefined) as { reason: string }).reason, /not a JPEG, PNG or WEBP/)
    assert.equal(checkPhoto('image/png', png, 'photo\u202egnp.exe').ok, false)
  })
})
