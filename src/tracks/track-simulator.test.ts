import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { setTimeout as sleep } from 'node:timers/promises'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import { distanceMeters, routeLengthMeters } from './core/route-movement.ts'
import { simulatedReport, startTrackSimulator, type SimulatedUnit } from './track-simulator.ts'

const kifriToTuz = [[44.96, 34.69], [44.8, 34.79], [44.63, 34.89]] as const

async function until<T>(probe: () => T | undefined | false, what: string, timeoutMilliseconds = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMilliseconds
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

describe('simulated reports', () => {
  test('a simulated unit starts at its offset on the route and reports its speed and course', () => {
    const unit: SimulatedUnit = { unitId: '3f1c6a52-5b1e-4c1a-9d7e-0a3b2c1d4e5f', organizationId: 'peshmerga', route: kifriToTuz, speedMps: 10, reportEverySeconds: 5 }
    const at = Date.parse('2021-06-20T08:00:00Z')
    const start = simulatedReport(unit, 0, at)
    assert.deepEqual([start.lon, start.lat], [44.96, 34.69])
    assert.equal(start.reportedAt, '2021-06-20T08:00:00.000Z')
    assert.equal(start.source, 'simulator')
    const later = simulatedReport(unit, 60_000, at + 60_000)
    assert.ok(Math.abs(distanceMeters([start.lon, start.lat], [later.lon, later.lat]) - 600) < 1, 'ten metres a second for a minute')
    assert.ok(later.courseDegrees! > 270 && later.courseDegrees! < 360, 'heading north-west towards Tuz Khurmatu')
  })

  test('a unit that would report faster than every 2 s or slower than every 30 s is refused at start', () => {
    const unit: SimulatedUnit = { unitId: '3f1c6a52-5b1e-4c1a-9d7e-0a3b2c1d4e5f', organizationId: 'peshmerga', route: kifriToTuz, speedMps: 10, reportEverySeconds: 1 }
    assert.throws(() => startTrackSimulator({ tracks: { ingest: async () => assert.fail('must not run') }, units: [unit] }), RangeError)
    assert.throws(() => startTrackSimulator({ tracks: { ingest: async () => assert.fail('must not run') }, units: [{ ...unit, reportEverySeconds: 31 }] }), RangeError)
    assert.throws(() => startTrackSimulator({ tracks: { ingest: async () => assert.fail('must not run') }, units: [{ ...unit, reportEverySeconds: 5, route: [[44, 35]] }] }), RangeError)
  })
})

for (const backend of storageBackends()) {
  describe(`the track simulator on ${backend}`, () => {
    let tansiq: TestTansiq

    before(async () => {
      tansiq = await startTestTansiq(backend)
    })
    after(async () => {
      await tansiq.close()
    })

    test('units move along their routes through the ingestion service, one batch per organization, until stopped', async () => {
      const create = async (user: string, name: string) => {
        const { authorization } = await tansiq.login(user)
        const response = await tansiq.app.inject({ method: 'POST', url: '/api/units', headers: { authorization }, payload: { names: { en: name }, echelon: 'company', sidc: 'SFGPUCI----E---' } })
        assert.equal(response.statusCode, 201, response.body)
        return response.json().id as string
      }
      const peshmergaUnit = await create('pesh.watch', 'Simulated Peshmerga company')
      const armyUnit = await create('army.watch', 'Simulated army company')
      let clock = Date.now() - 60_000
      const units: SimulatedUnit[] = [
        { unitId: peshmergaUnit, organizationId: 'peshmerga', route: kifriToTuz, speedMps: 12, reportEverySeconds: 5 },
        { unitId: armyUnit, organizationId: 'iraqi-army', route: [...kifriToTuz].reverse(), speedMps: 8, reportEverySeconds: 10, startOffsetMeters: routeLengthMeters(kifriToTuz) / 2 },
      ]
      const latestOf = (organizationId: string, unitId: string) => tansiq.tracks.latest({ organizationId }).find((position) => position.unitId === unitId)
      assert.equal(latestOf('peshmerga', peshmergaUnit), undefined, 'nothing moves before the simulator starts')

      const simulator = startTrackSimulator({ tracks: tansiq.tracks, units, tickMilliseconds: 5, now: () => clock })
      try {
        const first = await until(() => latestOf('peshmerga', peshmergaUnit), 'the first Peshmerga report')
        const army = await until(() => latestOf('iraqi-army', armyUnit), 'the first army report')
        assert.deepEqual([first.lon, first.lat], [44.96, 34.69])
        assert.equal(latestOf('iraqi-army', peshmergaUnit), undefined, 'simulated units keep their own releasability')
        assert.ok(Math.abs(army.lon - 44.8) < 0.01, 'the army unit starts half way')

        clock += 5000
        const moved = await until(() => { const latest = latestOf('peshmerga', peshmergaUnit); return latest && latest.reportedAt !== first.reportedAt && latest }, 'the next Peshmerga report')
        assert.ok(Math.abs(distanceMeters([first.lon, first.lat], [moved.lon, moved.lat]) - 60) < 1, '12 m/s for 5 s')
        assert.equal(moved.source, 'simulator')
        assert.equal(latestOf('iraqi-army', armyUnit)!.reportedAt, army.reportedAt, 'the army unit reports every 10 s, not yet due')
      } finally {
        await simulator.stop()
      }
      const batches = await tansiq.database.query<{ actor_username: string; actor_organization_id: string }>("select actor_username, actor_organization_id from audit_log where action = 'tracks.ingested' order by sequence")
      assert.deepEqual(batches.map((batch) => `${batch.actor_username}/${batch.actor_organization_id}`).sort(), ['simulator/iraqi-army', 'simulator/peshmerga', 'simulator/peshmerga'])

      const stored = async () => (await tansiq.database.query<{ count: number }>('select count(*)::int as count from track_points'))[0]!.count
      const afterStop = await stored()
      clock += 60_000
      await sleep(100)
      assert.equal(await stored(), afterStop, 'a stopped simulator reports nothing more')
    })
  })
}
