import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import type { Movement } from '../movements/movement-schemas.ts'
import { seedDemoMovements, seedDemoPicture } from './demo-picture.ts'
import { demoMovements } from './demo-scenario.ts'

for (const backend of storageBackends()) {
  describe(`the demo picture's movements on ${backend}`, () => {
    let tansiq: TestTansiq
    const byPurpose = (movements: Movement[], key: string) => movements.find((movement) => movement.purpose === demoMovements.find((demo) => demo.key === key)!.purpose)
    const seededAt = Date.now()

    before(async () => {
      tansiq = await startTestTansiq(backend)
      assert.equal(await seedDemoPicture(tansiq), true)
    })
    after(async () => {
      await tansiq?.close()
    })

    test('one awaits the army\'s acknowledgement, one is cleared, one conflicted with a reason, one a draft', async () => {
      const seen = await tansiq.movements.list({ organizationId: 'peshmerga' }, { roomId: 'kirkuk', limit: 100 })
      assert.equal(seen.length, demoMovements.length)

      const convoy = byPurpose(seen, 'pesh-convoy-kifri-tuz')!
      assert.equal(convoy.status, 'submitted')
      assert.equal(convoy.organizationId, 'peshmerga')
      assert.deepEqual(convoy.parties.map((party) => [party.organizationId, party.affected, party.answer]), [['iraqi-army', true, null]])
      // Times are from now: the convoy leaves in about eight hours.
      const startsIn = (Date.parse(convoy.plannedStart) - seededAt) / 3_600_000
      assert.ok(startsIn > 7.9 && startsIn < 8.3, `starts in ${startsIn} h`)

      const cts = byPurpose(seen, 'cts-kirkuk-tuz')!
      assert.equal(cts.status, 'cleared')
      assert.deepEqual(cts.parties.map((party) => [party.organizationId, party.answer, party.answeredBy]), [['iraqi-army', 'acknowledged', 'army.liaison']])

      const patrol = byPurpose(seen, 'army-patrol-qurijay')!
      assert.equal(patrol.status, 'conflicted')
      const objection = patrol.parties.find((party) => party.organizationId === 'peshmerga')!
      assert.equal(objection.answer, 'objected')
      assert.match(objection.reason!, /قوریچا/)

      const draft = byPurpose(seen, 'pesh-escort-kalar-kifri')!
      assert.equal(draft.status, 'draft')
      // A draft is the author's alone; the army sees the three notified ones.
      const armySees = await tansiq.movements.list({ organizationId: 'iraqi-army' }, { roomId: 'kirkuk', limit: 100 })
      assert.deepEqual(armySees.map((movement) => movement.status).sort(), ['cleared', 'conflicted', 'submitted'])
    })

    test('each step is on the movement\'s timeline, done through the service', async () => {
      const seen = await tansiq.movements.list({ organizationId: 'iraqi-army' }, { roomId: 'kirkuk', limit: 100 })
      const patrol = await tansiq.movements.get({ organizationId: 'iraqi-army' }, byPurpose(seen, 'army-patrol-qurijay')!.id)
      const kinds = patrol.timeline.map((entry) => entry.kind)
      for (const kind of ['created', 'submitted', 'findings-computed', 'notified', 'objected', 'status-changed']) assert.ok(kinds.includes(kind), `${kind} in ${kinds.join(', ')}`)
      assert.ok(patrol.findings.some((finding) => finding.counterpart.type === 'area' && finding.counterpart.organizationId === 'peshmerga' && finding.crosses))
    })

    test('a later start adds none while some are waiting, and fresh ones once they are over', async () => {
      assert.equal(await seedDemoPicture(tansiq), false)
      assert.equal((await tansiq.movements.list({ organizationId: 'peshmerga' }, { roomId: 'kirkuk', limit: 100 })).length, demoMovements.length)
      // Days later every window has passed: the deadline check expires them; the next start notifies new ones.
      const later = new Date(Date.now() + 10 * 24 * 3_600_000)
      await tansiq.movements.checkDeadlines(later)
      await tansiq.movements.settled()
      assert.equal(await seedDemoMovements(tansiq), demoMovements.length)
      const all = await tansiq.movements.list({ organizationId: 'peshmerga' }, { roomId: 'kirkuk', limit: 100 })
      assert.equal(all.filter((movement) => movement.status === 'expired').length, demoMovements.length)
      assert.equal(all.length, 2 * demoMovements.length)
    })
  })
}
