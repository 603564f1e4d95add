import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { apiCaller, startTestTansiq, type ApiCaller, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { CoverageFeature } from './core/coverage-views.ts'

/**
 * The reference case: a joint security area between Tuz Khurmatu (44.63E 34.89N) and Kifri
 * (44.96E 34.69N), a Peshmerga area of responsibility east of 44.83E and an Iraqi Army one west of
 * 44.77E, leaving the strip around Balkana (44.80E 34.80N) uncovered.
 */
const jointSecurityArea = [[44.58, 34.84], [44.66, 34.96], [45.02, 34.74], [44.94, 34.62], [44.58, 34.84]]
// The area's north-east and south-west edges, as latitude at a longitude (independent of PostGIS).
const northEdge = (lon: number) => 34.96 - (0.22 / 0.36) * (lon - 44.66)
const southEdge = (lon: number) => 34.84 - (0.22 / 0.36) * (lon - 44.58)
const rectangle = (west: number, south: number, east: number, north: number) => ({
  type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]],
})
const peshmergaSector = rectangle(44.83, 34.55, 45.10, 35.00)
const armySector = rectangle(44.50, 34.60, 44.77, 35.05)
const armySectorOverTheStrip = rectangle(44.50, 34.60, 44.86, 35.05)

/** The strip of the joint security area between two meridians, as a ring. */
function stripBetween(west: number, east: number): number[][] {
  return [[west, southEdge(west)], [east, southEdge(east)], [east, northEdge(east)], [west, northEdge(west)], [west, southEdge(west)]]
}

/** Area of a lon/lat ring on a sphere of the mean Earth radius (the algorithm Turf's @turf/area uses), in km². */
function sphericalAreaKm2(ring: number[][]): number {
  const radius = 6371008.8
  const rad = (degrees: number) => (degrees * Math.PI) / 180
  let total = 0
  for (let i = 0; i < ring.length - 1; i++) {
    const lower = ring[i]!
    const middle = ring[(i + 1) % (ring.length - 1)]!
    const upper = ring[(i + 2) % (ring.length - 1)]!
    total += (rad(upper[0]!) - rad(lower[0]!)) * Math.sin(rad(middle[1]!))
  }
  return Math.abs((total * radius * radius) / 2) / 1e6
}

/** Whether a point lies inside a ring (ray casting). */
function inside(point: [number, number], ring: number[][]): boolean {
  let result = false
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!
    const [xj, yj] = ring[j]!
    if (yi! > point[1] !== yj! > point[1] && point[0] < ((xj! - xi!) * (point[1] - yi!)) / (yj! - yi!) + xi!) result = !result
  }
  return result
}

const balkana: [number, number] = [44.80, 34.80]
const near = (actual: number, expected: number, share: number) => Math.abs(actual - expected) <= share * expected

for (const backend of storageBackends()) {
  describe(`coverage of a joint security area on ${backend}`, () => {
    let tansiq: TestTansiq
    const coverageChanges: PictureChange[] = []
    let call: ApiCaller
    const names = (en: string) => ({ en })
    const members = ['iraqi-army', 'joc', 'peshmerga']
    let peshmergaAreaId: string
    let armyAreaId: string
    let firstGapId: string
    const expectedStripKm2 = sphericalAreaKm2(stripBetween(44.77, 44.83))

    before(async () => {
      tansiq = await startTestTansiq(backend, { COVERAGE_CHECK_SECONDS: '0' })
      call = apiCaller(tansiq)
      tansiq.bus.subscribe((change) => {
        if (change.layer === 'coverage') coverageChanges.push(change)
      })
      const room = await call('admin', 'POST', '/api/rooms', {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
        memberOrganizationIds: members,
      })
      assert.equal(room.status, 201, JSON.stringify(room.body))
      const peshmerga = await call('pesh.watch', 'POST', '/api/areas', { kind: 'aor', names: names('Peshmerga sector Kifri'), geometry: peshmergaSector, roomId: 'kirkuk' })
      assert.equal(peshmerga.status, 201, JSON.stringify(peshmerga.body))
      peshmergaAreaId = peshmerga.body.id
      const army = await call('army.watch', 'POST', '/api/areas', { kind: 'aor', names: names('52nd Brigade sector Tuz'), geometry: armySector, roomId: 'kirkuk' })
      assert.equal(army.status, 201, JSON.stringify(army.body))
      armyAreaId = army.body.id
      await tansiq.coverage.idle()
      // The joint security area comes last: its first computation finds the strip.
      const area = await call('joc.watch', 'POST', '/api/areas', {
        kind: 'joint-security-area', names: { en: 'Kifri – Tuz Khurmatu joint security area', ar: 'منطقة الاهتمام الأمني المشترك كفري – طوزخورماتو' },
        geometry: { type: 'Polygon', coordinates: [jointSecurityArea] }, roomId: 'kirkuk',
      })
      assert.equal(area.status, 201, JSON.stringify(area.body))
      await tansiq.coverage.idle()
    })
    after(async () => {
      await tansiq.close()
    })

    test('the strip between the lines around Balkana is one gap, of the strip\'s area, bordered by both forces', async () => {
      const { status, body } = await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.equal(status, 200, JSON.stringify(body))
      assert.equal(body.hasJointSecurityArea, true)
      assert.equal(body.gaps.length, 1, JSON.stringify(body.gaps))
      assert.equal(body.overlaps.length, 0)
      const [gap] = body.gaps
      firstGapId = gap.id
      assert.ok(near(gap.areaKm2, expectedStripKm2, 0.01), `gap ${gap.areaKm2} km², strip computed independently ${expectedStripKm2} km²`)
      assert.ok(gap.areaKm2 > 90 && gap.areaKm2 < 115, `about 5.5 km × 19 km: ${gap.areaKm2}`)
      assert.ok(inside(balkana, gap.geometry.coordinates[0]), 'Balkana lies in the gap')
      // Its corners are where the sectors' edges cross the joint security area's, to the 1e-7° grid on either backend.
      const corners: number[][] = gap.geometry.coordinates[0]
      assert.equal(corners.length, 5)
      for (const [lon, lat] of stripBetween(44.77, 44.83).slice(0, 4)) {
        assert.ok(corners.some(([x, y]) => Math.abs(x! - lon!) < 1e-7 && Math.abs(y! - lat!) < 1e-7), `a corner at ${lon} ${lat}: ${JSON.stringify(corners)}`)
      }
      assert.equal(body.totals.gapCount, 1)
      assert.ok(near(body.totals.gapKm2, gap.areaKm2, 1e-9))
      assert.ok(near(body.jointSecurityAreaKm2, sphericalAreaKm2(jointSecurityArea), 0.01))
      // Both areas are released to their own organization only: JOC sees the gap but no names.
      assert.deepEqual(gap.borderingOrganizationIds, [])

      await call('pesh.commander', 'PUT', `/api/areas/${peshmergaAreaId}/release`, { release: { scope: 'room', roomId: 'kirkuk' } })
      await call('army.commander', 'PUT', `/api/areas/${armyAreaId}/release`, { release: { scope: 'room', roomId: 'kirkuk' } })
      await tansiq.coverage.idle()
      const released = await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.deepEqual(released.body.gaps[0].borderingOrganizationIds, ['iraqi-army', 'peshmerga'])
      assert.equal(released.body.gaps[0].id, firstGapId, 'a release change does not make a new gap')
    })

    test('the first computation of a gap larger than the threshold raised an alert for the room\'s members', async () => {
      const alerts = await call('army.watch', 'GET', '/api/rooms/kirkuk/coverage/alerts')
      assert.equal(alerts.status, 200)
      assert.equal(alerts.body.length, 1)
      assert.equal(alerts.body[0].gapId, firstGapId)
      assert.ok(near(alerts.body[0].areaKm2, expectedStripKm2, 0.01))
      assert.equal(alerts.body[0].acknowledgedAt, null)
      const live = coverageChanges.find((change) => change.id === alerts.body[0].id)
      assert.ok(live, 'the alert was published live')
      assert.deepEqual([...live.releasedTo].sort(), members)
      assert.deepEqual(live.roomIds, ['kirkuk'])
    })

    test('only members read coverage; names of bordering forces follow the releasability of their areas', async () => {
      assert.equal((await call('cts.liaison', 'GET', '/api/rooms/kirkuk/coverage')).status, 404)
      assert.equal((await call('cts.liaison', 'GET', '/api/rooms/kirkuk/coverage/history')).status, 404)
      assert.equal((await call('cts.liaison', 'GET', '/api/rooms/kirkuk/coverage/alerts')).status, 404)
      // The army narrows its area back to itself: the Peshmerga still see the gap, but not who borders it on the west.
      assert.equal((await call('army.watch', 'PUT', `/api/areas/${armyAreaId}/release`, { release: { scope: 'originator' } })).status, 200)
      await tansiq.coverage.idle()
      const peshmerga = await call('pesh.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.deepEqual(peshmerga.body.gaps[0].borderingOrganizationIds, ['peshmerga'])
      const army = await call('army.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.deepEqual(army.body.gaps[0].borderingOrganizationIds, ['iraqi-army', 'peshmerga'])
      // The live layer (snapshots, exports) filters the same way, per viewer.
      const layer = tansiq.layers.get('coverage')!
      const seen: CoverageFeature[] = []
      for await (const feature of layer.list({ organizationId: 'peshmerga' }, { roomId: 'kirkuk' })) seen.push(feature as CoverageFeature)
      assert.equal(seen.length, 1)
      assert.deepEqual(seen[0]!.organizationIds, ['peshmerga'])
      const outsider: unknown[] = []
      for await (const feature of layer.list({ organizationId: 'cts' }, {})) outsider.push(feature)
      assert.equal(outsider.length, 0)
      assert.equal((await call('army.commander', 'PUT', `/api/areas/${armyAreaId}/release`, { release: { scope: 'room', roomId: 'kirkuk' } })).status, 200)
      await tansiq.coverage.idle()
    })

    test('a recomputation that finds the same result changes nothing and publishes nothing', async () => {
      const before = coverageChanges.length
      const outcome = await tansiq.coverage.recompute('kirkuk')
      assert.equal(outcome?.changed, false)
      assert.deepEqual(outcome?.upsertedIds, [])
      assert.equal(coverageChanges.length, before)
    })

    test('extending the army\'s area over the strip closes the gap and opens an overlap claimed by both', async () => {
      const before = coverageChanges.length
      const extended = await call('army.watch', 'PATCH', `/api/areas/${armyAreaId}`, { geometry: armySectorOverTheStrip })
      assert.equal(extended.status, 200, JSON.stringify(extended.body))
      await tansiq.coverage.idle()
      const { body } = await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.equal(body.gaps.length, 0)
      assert.equal(body.overlaps.length, 1)
      const [overlap] = body.overlaps
      assert.deepEqual(overlap.claimingOrganizationIds, ['iraqi-army', 'peshmerga'])
      assert.equal(overlap.claimantCount, 2)
      const expectedOverlapKm2 = sphericalAreaKm2(stripBetween(44.83, 44.86))
      assert.ok(near(overlap.areaKm2, expectedOverlapKm2, 0.01), `overlap ${overlap.areaKm2} km², expected ${expectedOverlapKm2} km²`)
      assert.deepEqual(body.totals, { gapKm2: 0, gapCount: 0, overlapKm2: overlap.areaKm2, overlapCount: 1 })
      const published = coverageChanges.slice(before)
      assert.ok(published.some((change) => change.kind === 'delete' && change.id === firstGapId), 'the closed gap is withdrawn live')
      const upsert = published.find((change) => change.kind === 'upsert' && change.id === overlap.id)
      assert.ok(upsert, 'the overlap is published live')
      assert.deepEqual([...upsert.releasedTo].sort(), members)
      assert.deepEqual((upsert.data as CoverageFeature).organizationIds, ['iraqi-army', 'peshmerga'], 'both areas are released to every member')
      assert.equal((await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage/alerts')).body.length, 1, 'no new alert')
    })

    test('an area of responsibility that expires reopens the gap, raises an alert, and the history records each total', async () => {
      // A temporary army patrol sector covers the strip for two hours; the brigade's sector returns west.
      const validTo = new Date(Date.now() + 2 * 60 * 60 * 1000)
      const patrol = await call('army.watch', 'POST', '/api/areas', {
        kind: 'aor', names: names('Patrol sector Balkana'), geometry: rectangle(44.76, 34.60, 44.84, 35.00), roomId: 'kirkuk', validTo: validTo.toISOString(),
      })
      assert.equal(patrol.status, 201, JSON.stringify(patrol.body))
      assert.equal((await call('army.watch', 'PATCH', `/api/areas/${armyAreaId}`, { geometry: armySector })).status, 200)
      await tansiq.coverage.idle()
      const covered = await call('pesh.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.equal(covered.body.gaps.length, 0)

      const later = new Date(validTo.getTime() + 60 * 1000)
      const outcomes = await tansiq.coverage.checkValidity(later)
      assert.deepEqual(outcomes.map((outcome) => outcome.roomId), ['kirkuk'])
      assert.equal(outcomes[0]!.alertIds.length, 1)
      const reopened = await call('pesh.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.equal(reopened.body.asOf, later.toISOString())
      assert.equal(reopened.body.gaps.length, 1)
      assert.ok(near(reopened.body.gaps[0].areaKm2, expectedStripKm2, 0.01))
      assert.ok(inside(balkana, reopened.body.gaps[0].geometry.coordinates[0]))
      assert.deepEqual((await tansiq.coverage.checkValidity(later)).length, 0, 'nothing opened or closed since')

      const open = await call('pesh.watch', 'GET', '/api/rooms/kirkuk/coverage/alerts?status=open')
      assert.equal(open.body.length, 2)
      const alert = open.body.find((entry: { id: string }) => entry.id === outcomes[0]!.alertIds[0])
      assert.ok(alert)
      assert.equal(alert.raisedAt, later.toISOString())
      assert.ok(coverageChanges.some((change) => change.id === alert.id && (change.data as { kind: string }).kind === 'alert'))

      const history = await call('joc.watch', 'GET', `/api/rooms/kirkuk/coverage/history?to=${encodeURIComponent(new Date(later.getTime() + 1000).toISOString())}`)
      assert.equal(history.status, 200, JSON.stringify(history.body))
      const totals = history.body.points.map((point: { gapKm2: number }) => point.gapKm2)
      assert.equal(totals.length, 3, JSON.stringify(history.body.points))
      assert.ok(near(totals[0], expectedStripKm2, 0.01))
      assert.equal(totals[1], 0)
      assert.ok(near(totals[2], expectedStripKm2, 0.01))
      assert.equal(history.body.points[2].at, later.toISOString())

      // Withdrawing the expired sector makes the real clock agree with the injected one again: nothing changes.
      const published = coverageChanges.length
      assert.equal((await call('army.watch', 'DELETE', `/api/areas/${patrol.body.id}`)).status, 204)
      await tansiq.coverage.idle()
      assert.equal(coverageChanges.length, published)
    })

    test('a watch officer or commander of a member acknowledges an alert, once, and it is audited', async () => {
      const [alert] = (await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage/alerts?status=open&limit=1')).body
      const url = `/api/rooms/kirkuk/coverage/alerts/${alert.id}/acknowledge`
      assert.equal((await call('cts.commander', 'POST', url)).status, 404, 'not a member of the room')
      assert.equal((await call('pesh.liaison', 'POST', url)).status, 403, 'a liaison officer does not acknowledge alerts')
      const acknowledged = await call('pesh.watch', 'POST', url)
      assert.equal(acknowledged.status, 200, JSON.stringify(acknowledged.body))
      assert.deepEqual(acknowledged.body.acknowledgedBy, { username: 'pesh.watch', organizationId: 'peshmerga' })
      assert.ok(acknowledged.body.acknowledgedAt)
      const again = await call('army.commander', 'POST', url)
      assert.equal(again.status, 409)
      assert.match(again.body.detail, /pesh\.watch/)
      const audit = await call('army.commander', 'GET', '/api/audit?limit=50')
      assert.ok(audit.body.some((entry: { action: string; objectId: string }) => entry.action === 'coverage.alert-acknowledged' && entry.objectId === alert.id))
      assert.ok(audit.body.some((entry: { action: string; objectId: string }) => entry.action === 'coverage.alerts-raised' && entry.objectId === 'kirkuk'))
      const remaining = await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage/alerts?status=open')
      assert.equal(remaining.body.some((entry: { id: string }) => entry.id === alert.id), false)
    })

    test('bad coverage requests are refused with a clear problem', async () => {
      const backwards = await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage/history?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z')
      assert.equal(backwards.status, 400)
      assert.equal(backwards.body.code, 'validation-failed')
      assert.equal((await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage/history?from=yesterday')).status, 400)
      assert.equal((await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage/history?maxPoints=1')).status, 400)
      assert.equal((await call('joc.watch', 'GET', '/api/rooms/atlantis/coverage')).status, 404)
      assert.equal((await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage/alerts?status=closed')).status, 400)
      assert.equal((await call('joc.watch', 'POST', '/api/rooms/kirkuk/coverage/alerts/not-a-uuid/acknowledge')).status, 400)
      const unknown = await call('joc.watch', 'POST', '/api/rooms/kirkuk/coverage/alerts/00000000-0000-4000-8000-000000000000/acknowledge')
      assert.equal(unknown.status, 404)
      assert.equal(unknown.body.code, 'not-found')
    })

    test('reading coverage after an area expired, before the periodic check, already shows the gap again', async () => {
      const shortLived = await call('army.watch', 'POST', '/api/areas', {
        kind: 'aor', names: names('Checkpoint sector, one second'), geometry: rectangle(44.76, 34.60, 44.84, 35.00), roomId: 'kirkuk',
        validTo: new Date(Date.now() + 1500).toISOString(),
      })
      assert.equal(shortLived.status, 201, JSON.stringify(shortLived.body))
      await tansiq.coverage.idle()
      const closed = await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage')
      if (Date.now() < new Date(shortLived.body.validTo).getTime()) assert.equal(closed.body.gaps.length, 0)
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, new Date(shortLived.body.validTo).getTime() - Date.now() + 50)))
      const reopened = await call('joc.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.equal(reopened.body.gaps.length, 1)
      assert.ok(near(reopened.body.gaps[0].areaKm2, expectedStripKm2, 0.01))
      assert.equal((await call('army.watch', 'DELETE', `/api/areas/${shortLived.body.id}`)).status, 204)
      await tansiq.coverage.idle()
    })

    test('an organization joining the room receives its coverage live and reads it; one leaving loses it', async () => {
      const before = coverageChanges.length
      assert.equal((await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: [...members, 'cts'] })).status, 200)
      await tansiq.coverage.idle()
      const republished = coverageChanges.slice(before).filter((change) => change.kind === 'upsert')
      assert.ok(republished.length > 0)
      for (const change of republished) {
        assert.deepEqual([...change.releasedTo].sort(), ['cts', ...members].sort())
        assert.deepEqual([...change.previouslyReleasedTo!].sort(), members)
      }
      const read = await call('cts.liaison', 'GET', '/api/rooms/kirkuk/coverage')
      assert.equal(read.status, 200)
      assert.equal(read.body.gaps.length, 1)
      assert.equal((await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: members })).status, 200)
      await tansiq.coverage.idle()
      const withdrawn = coverageChanges.at(-1)!
      assert.deepEqual([...withdrawn.releasedTo].sort(), members)
      assert.ok(withdrawn.previouslyReleasedTo!.includes('cts'), 'the live hub withdraws it from the former member')
      assert.equal((await call('cts.liaison', 'GET', '/api/rooms/kirkuk/coverage')).status, 404)
    })

    test('a room whose joint security area is deleted has nothing left to cover', async () => {
      const areas = await call('joc.watch', 'GET', '/api/areas?roomId=kirkuk&kind=joint-security-area')
      for (const area of areas.body) assert.equal((await call('joc.watch', 'DELETE', `/api/areas/${area.id}`)).status, 204)
      await tansiq.coverage.idle()
      const { body } = await call('pesh.watch', 'GET', '/api/rooms/kirkuk/coverage')
      assert.equal(body.hasJointSecurityArea, false)
      assert.deepEqual(body.totals, { gapKm2: 0, gapCount: 0, overlapKm2: 0, overlapCount: 0 })
    })
  })
}
