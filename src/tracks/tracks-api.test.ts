import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { EventBus } from '../platform/event-bus.ts'
import { startTestTansiq, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'
import { createTracksService } from './tracks-service.ts'
import { deleteTrackPointsBefore } from './tracks-store.ts'

const minute = 60_000
const ago = (minutes: number) => new Date(Date.now() - minutes * minute).toISOString()

for (const backend of storageBackends()) {
  describe(`tracks over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    const sessions: Record<string, string> = {}
    const changes: PictureChange[] = []
    const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) => {
      sessions[user] ??= (await tansiq.login(user)).authorization
      const response = await tansiq.app.inject({ method, url, headers: { authorization: sessions[user]! }, ...(payload === undefined ? {} : { payload: payload as object }) })
      return { status: response.statusCode, body: response.body ? response.json() : null, requestId: String(response.headers['x-request-id']) }
    }
    const createUnit = async (user: string, name: string, extra: Record<string, unknown> = {}) => {
      const created = await call(user, 'POST', '/api/units', { names: { en: name }, echelon: 'battalion', sidc: 'SFGPUCI----H---', homeRoomId: 'kirkuk', ...extra })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      return created.body.id as string
    }
    const report = (unitId: string, minutesAgo: number, lon = 44.8, lat = 34.8, extra: Record<string, unknown> = {}) => ({
      unitId, lat, lon, speedMps: 8, courseDegrees: 300, reportedAt: ago(minutesAgo), source: 'gps', ...extra,
    })
    const positionEvents = () => changes.filter((change) => change.layer === 'positions')

    before(async () => {
      tansiq = await startTestTansiq(backend)
      tansiq.bus.subscribe((change) => changes.push(change))
      const room = await call('admin', 'POST', '/api/rooms', {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
        memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'],
      })
      assert.equal(room.status, 201, JSON.stringify(room.body))
    })
    after(async () => {
      await tansiq.close()
    })

    test('a batch is stored with one audit entry, and sending it again changes nothing', async () => {
      const unit = await createUnit('pesh.watch', 'Batch probe')
      const batch = { reports: [report(unit, 30), report(unit, 20), report(unit, 10), report(unit, 20)] }
      const first = await call('pesh.watch', 'POST', '/api/tracks/batch', batch)
      assert.equal(first.status, 200, JSON.stringify(first.body))
      assert.deepEqual(first.body, { accepted: 3, duplicates: 1, rejected: [] }, 'the same unit and time twice in one batch is a duplicate')
      const again = await call('pesh.watch', 'POST', '/api/tracks/batch', batch)
      assert.deepEqual(again.body, { accepted: 0, duplicates: 4, rejected: [] })
      const stored = await tansiq.database.query<{ count: number }>('select count(*)::int as count from track_points where unit_id = $1', [unit])
      assert.equal(stored[0]!.count, 3)
      const audits = await tansiq.database.query<{ request_id: string; change: { count: number; units: number; from: string; to: string }; visible_to: string[] }>(
        "select request_id, change, visible_to from audit_log where action = 'tracks.ingested' and request_id = any($1::text[])", [[first.requestId, again.requestId]],
      )
      assert.equal(audits.length, 1, 'one entry for the stored batch, none for the repeat that stored nothing')
      assert.equal(audits[0]!.request_id, first.requestId)
      assert.deepEqual(audits[0]!.change, { count: 3, units: 1, from: batch.reports[0]!.reportedAt, to: batch.reports[2]!.reportedAt })
      assert.deepEqual(audits[0]!.visible_to, ['peshmerga'])
      assert.equal((await call('pesh.commander', 'GET', '/api/audit/verify')).body.ok, true)
    })

    test('refused reports are listed by index and code while the rest of the batch is stored', async () => {
      const own = await createUnit('pesh.watch', 'Rejection probe')
      const hidden = await createUnit('army.watch', 'Army unit not released to Peshmerga')
      const released = await createUnit('army.commander', 'Army unit released to Peshmerga', { release: { scope: 'organizations', organizationIds: ['peshmerga'] } })
      const hiddenReport = report(hidden, 3)
      const reports = [
        report(own, 5),
        report(own, 4, 44.8, 95),
        report(own, -10),
        report(own, 60 * 24 * 31),
        report('00000000-0000-4000-8000-000000000000', 3),
        hiddenReport,
        report(released, 3),
        { unitId: own, lon: 44.8, reportedAt: ago(2), source: 'gps' },
        { ...report(own, 1), colour: 'red' },
        report(own, 1, 44.8, 34.8, { speedMps: -3 }),
        report(own, 0.5),
        hiddenReport,
      ]
      const response = await call('pesh.watch', 'POST', '/api/tracks/batch', { reports })
      assert.equal(response.status, 200, JSON.stringify(response.body))
      assert.equal(response.body.accepted, 2)
      assert.equal(response.body.duplicates, 0, 'a repeated report of a unit one may not report for is refused, not a duplicate')
      assert.deepEqual(response.body.rejected.map((rejection: { index: number; code: string }) => [rejection.index, rejection.code]), [
        [1, 'out-of-range'], [2, 'in-the-future'], [3, 'older-than-retention'], [4, 'unknown-unit'], [5, 'unknown-unit'], [6, 'not-own-unit'],
        [7, 'invalid-report'], [8, 'invalid-report'], [9, 'out-of-range'], [11, 'unknown-unit'],
      ])
      assert.match(response.body.rejected[6].detail, /lat/)
      assert.match(response.body.rejected[7].detail, /colour/)
      assert.equal(JSON.stringify(response.body.rejected[4]).includes('iraqi-army'), false, 'a unit not released to the reporter is not revealed')
      const stored = await tansiq.database.query<{ count: number }>('select count(*)::int as count from track_points where unit_id = any($1::uuid[])', [[own, hidden, released]])
      assert.equal(stored[0]!.count, 2)
    })

    test('who may report: editors of the unit\'s organization; a viewer is refused the whole batch; sizes are bounded', async () => {
      const unit = await createUnit('pesh.watch', 'Permission probe')
      assert.equal((await call('coalition.viewer', 'POST', '/api/tracks/batch', { reports: [report(unit, 1)] })).status, 403)
      assert.equal((await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [] })).status, 400)
      const tooMany = Array.from({ length: 5001 }, (_, index) => report(unit, index / 100))
      assert.equal((await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: tooMany })).status, 400)
      // A full batch with a long source label is larger than the default body limit of 1 MiB.
      const full = { reports: Array.from({ length: 5000 }, (_, index) => report(unit, 100 - index / 60, 44.8, 34.8, { source: `tak:ANDROID-${'f'.repeat(40)}`, altitudeMeters: 312.25 })) }
      assert.ok(JSON.stringify(full).length > 1024 * 1024)
      const stored = await call('pesh.watch', 'POST', '/api/tracks/batch', full)
      assert.equal(stored.status, 200, JSON.stringify(stored.body).slice(0, 300))
      assert.equal(stored.body.accepted, 5000)
    })

    test('one report to a unit\'s own endpoint is stored, and a refusal is an error with a clear code', async () => {
      const own = await createUnit('pesh.liaison', 'Single probe')
      const hidden = await createUnit('army.watch', 'Single hidden')
      const released = await createUnit('army.commander', 'Single released', { release: { scope: 'organizations', organizationIds: ['peshmerga'] } })
      const { unitId: _unitId, ...body } = report(own, 1)
      const stored = await call('pesh.liaison', 'POST', `/api/units/${own}/positions`, body)
      assert.deepEqual(stored.body, { accepted: 1, duplicates: 0, rejected: [] })
      assert.deepEqual((await call('pesh.liaison', 'POST', `/api/units/${own}/positions`, body)).body, { accepted: 0, duplicates: 1, rejected: [] })
      assert.equal((await call('pesh.liaison', 'POST', `/api/units/${hidden}/positions`, body)).status, 404)
      assert.equal((await call('pesh.liaison', 'POST', `/api/units/${released}/positions`, body)).status, 403)
      const future = await call('pesh.liaison', 'POST', `/api/units/${own}/positions`, { ...body, reportedAt: ago(-5) })
      assert.equal(future.status, 422)
      assert.equal(future.body.rejection, 'in-the-future')
      assert.equal((await call('pesh.liaison', 'POST', `/api/units/${own}/positions`, { ...body, lat: 'north' })).status, 400)
    })

    test('the latest position only moves forward in time, in memory, in the database and in the unit', async () => {
      const unit = await createUnit('pesh.watch', 'Forward probe')
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 10, 44.1, 35.1)] })
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 20, 44.2, 35.2)] })
      const latest = (await call('pesh.watch', 'GET', '/api/tracks/latest')).body.find((position: { unitId: string }) => position.unitId === unit)
      assert.equal(latest.lon, 44.1)
      assert.equal(latest.organizationId, 'peshmerga')
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${unit}`)).body.position.lon, 44.1)
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 5, 44.3, 35.3)] })
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${unit}`)).body.position.lon, 44.3)
      const history = (await call('pesh.watch', 'GET', `/api/units/${unit}/track`)).body
      assert.deepEqual(history.map((point: { lon: number }) => point.lon), [44.2, 44.1, 44.3], 'history keeps every report, in time order')
      // A fresh start loads the same latest positions from the database.
      const restarted = await createTracksService({ database: tansiq.database, bus: new EventBus(), config: tansiq.config })
      try {
        assert.deepEqual(restarted.latest({ organizationId: 'peshmerga' }).find((position) => position.unitId === unit), (await call('pesh.watch', 'GET', '/api/tracks/latest')).body.find((position: { unitId: string }) => position.unitId === unit))
        assert.equal(restarted.latest({ organizationId: 'iraqi-army' }).some((position) => position.unitId === unit), false)
      } finally {
        restarted.close()
      }
    })

    test('history is read by time window and bounding box, and latest positions by room and bounding box', async () => {
      const unit = await createUnit('pesh.watch', 'Window probe')
      const elsewhere = await createUnit('pesh.watch', 'Window probe elsewhere', { homeRoomId: null })
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [
        report(unit, 50, 44.0, 35.0), report(unit, 40, 44.5, 35.0), report(unit, 30, 45.0, 35.0), report(unit, 20, 44.5, 35.5), report(unit, 10, 44.6, 35.1),
        report(elsewhere, 10, 43.1, 36.3),
      ] })
      const window = await call('pesh.watch', 'GET', `/api/units/${unit}/track?from=${encodeURIComponent(ago(45))}&to=${encodeURIComponent(ago(15))}`)
      assert.deepEqual(window.body.map((point: { lon: number; lat: number }) => [point.lon, point.lat]), [[44.5, 35.0], [45.0, 35.0], [44.5, 35.5]])
      const boxed = await call('pesh.watch', 'GET', `/api/units/${unit}/track?bbox=44.4,34.9,44.7,35.2`)
      assert.deepEqual(boxed.body.map((point: { lon: number }) => point.lon), [44.5, 44.6])
      const limited = await call('pesh.watch', 'GET', `/api/units/${unit}/track?limit=2`)
      assert.deepEqual(limited.body.map((point: { lon: number }) => point.lon), [44.0, 44.5])
      const all = await call('pesh.watch', 'GET', `/api/tracks?from=${encodeURIComponent(ago(11))}&bbox=43,34,46,37`)
      assert.ok(all.body.some((point: { unitId: string }) => point.unitId === unit) && all.body.some((point: { unitId: string }) => point.unitId === elsewhere))
      assert.ok(all.body.every((point: { reportedAt: string }, index: number, points: Array<{ reportedAt: string }>) => index === 0 || points[index - 1]!.reportedAt <= point.reportedAt))
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${unit}/track?from=${encodeURIComponent(ago(5))}&to=${encodeURIComponent(ago(50))}`)).status, 400)
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${unit}/track?bbox=1,2,3`)).status, 400)
      const inRoom = (await call('pesh.watch', 'GET', '/api/tracks/latest?roomId=kirkuk')).body.map((position: { unitId: string }) => position.unitId)
      assert.ok(inRoom.includes(unit) && !inRoom.includes(elsewhere))
      const inBox = (await call('pesh.watch', 'GET', '/api/tracks/latest?bbox=43,36,43.5,36.5')).body.map((position: { unitId: string }) => position.unitId)
      assert.deepEqual(inBox, [elsewhere])
    })

    test('another organization never sees the track or latest position of a unit not released to it, and sees them once released', async () => {
      const unit = await createUnit('pesh.watch', 'Releasability probe')
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 10), report(unit, 5)] })
      const armySees = async () => ({
        latest: (await call('army.watch', 'GET', '/api/tracks/latest')).body.some((position: { unitId: string }) => position.unitId === unit),
        track: (await call('army.watch', 'GET', `/api/units/${unit}/track`)).status,
        tracks: (await call('army.watch', 'GET', '/api/tracks')).body.some((point: { unitId: string }) => point.unitId === unit),
        positions: await collect(tansiq.layers.get('positions')!.list({ organizationId: 'iraqi-army' }, {})),
      })
      const hidden = await armySees()
      assert.deepEqual({ ...hidden, positions: hidden.positions.some((position) => (position as { unitId: string }).unitId === unit) }, { latest: false, track: 404, tracks: false, positions: false })
      assert.equal((await call('pesh.commander', 'PUT', `/api/units/${unit}/release`, { release: { scope: 'room', roomId: 'kirkuk' } })).status, 200)
      const shown = await armySees()
      assert.deepEqual({ ...shown, positions: shown.positions.some((position) => (position as { unitId: string }).unitId === unit) }, { latest: true, track: 200, tracks: true, positions: true })
      assert.equal((await call('army.watch', 'GET', `/api/units/${unit}/track`)).body.length, 2)
      assert.equal((await call('pesh.watch', 'PUT', `/api/units/${unit}/release`, { release: { scope: 'originator' } })).status, 200)
      const narrowed = await armySees()
      assert.deepEqual({ ...narrowed, positions: narrowed.positions.some((position) => (position as { unitId: string }).unitId === unit) }, { latest: false, track: 404, tracks: false, positions: false })
      assert.equal((await call('cts.liaison', 'GET', '/api/tracks/latest')).body.some((position: { unitId: string }) => position.unitId === unit), false)
    })

    test('a deleted unit leaves the latest positions and its track goes with it', async () => {
      const unit = await createUnit('pesh.watch', 'Deletion probe')
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 5)] })
      assert.ok((await call('pesh.watch', 'GET', '/api/tracks/latest')).body.some((position: { unitId: string }) => position.unitId === unit))
      const { authorization } = await tansiq.login('pesh.watch')
      assert.equal((await tansiq.app.inject({ method: 'DELETE', url: `/api/units/${unit}`, headers: { authorization } })).statusCode, 204)
      assert.equal((await call('pesh.watch', 'GET', '/api/tracks/latest')).body.some((position: { unitId: string }) => position.unitId === unit), false)
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${unit}/track`)).status, 404)
      assert.equal((await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 1)] })).body.rejected[0].code, 'unknown-unit')
    })

    test('the tracks routes are in the OpenAPI document with the report schema', async () => {
      const response = await tansiq.app.inject({ method: 'GET', url: '/api/openapi.json' })
      const document = response.json()
      assert.ok(document.paths['/api/tracks/batch']?.post && document.paths['/api/tracks/latest']?.get && document.paths['/api/units/{id}/track']?.get)
      const body = JSON.stringify(document.paths['/api/tracks/batch'].post.requestBody)
      assert.match(body, /reportedAt/)
    })

    test('retention prunes history older than the window but keeps each latest position', async () => {
      const unit = await createUnit('pesh.watch', 'Retention probe')
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 50, 44.0, 35.0), report(unit, 5, 44.1, 35.1)] })
      const retention = tansiq.config.TRACK_RETENTION_HOURS * 60 * minute
      // As if the clock had moved on so that the first report is 50 minutes past the window.
      const pruned = await tansiq.tracks.prune(Date.now() + retention - 20 * minute)
      assert.ok(pruned >= 1)
      const history = (await call('pesh.watch', 'GET', `/api/units/${unit}/track?from=${encodeURIComponent(ago(120))}`)).body
      assert.deepEqual(history.map((point: { lon: number }) => point.lon), [44.1])
      const later = await tansiq.tracks.prune(Date.now() + retention + 10 * minute)
      assert.ok(later >= 1)
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${unit}/track?from=${encodeURIComponent(ago(120))}`)).body.length, 0)
      assert.equal((await call('pesh.watch', 'GET', `/api/units/${unit}`)).body.position.lon, 44.1, 'the latest position outlives its history')
      assert.ok((await call('pesh.watch', 'GET', '/api/tracks/latest')).body.some((position: { unitId: string }) => position.unitId === unit))
    })

    test('a large backlog is pruned in chunks until none is left', async () => {
      const unit = await createUnit('pesh.watch', 'Chunked retention probe')
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(unit, 50), report(unit, 45), report(unit, 40), report(unit, 35), report(unit, 5)] })
      const deleted = await deleteTrackPointsBefore(tansiq.database, new Date(Date.now() - 20 * minute), 2)
      assert.ok(deleted >= 4, `deleted ${deleted}`)
      const left = await tansiq.database.query<{ count: number }>('select count(*)::int as count from track_points where unit_id = $1', [unit])
      assert.equal(left[0]!.count, 1)
    })

    test('each batch publishes one live change per unit whose latest position moved, after commit', async () => {
      const first = await createUnit('pesh.watch', 'Live probe one')
      const second = await createUnit('pesh.commander', 'Live probe two', { release: { scope: 'room', roomId: 'kirkuk' } })
      const before = positionEvents().length
      const batch = [report(first, 9, 44.1), report(second, 8, 44.2), report(first, 3, 44.3), report(second, 2, 44.4), report(first, 6, 44.5)]
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: batch })
      const published = positionEvents().slice(before)
      assert.equal(published.length, 2)
      const ofFirst = published.find((change) => change.id === first)!
      assert.deepEqual(ofFirst.data, { unitId: first, lat: 34.8, lon: 44.3, altitudeMeters: null, speedMps: 8, courseDegrees: 300, reportedAt: (ofFirst.data as { reportedAt: string }).reportedAt, source: 'gps' })
      assert.deepEqual(ofFirst.releasedTo, ['peshmerga'])
      assert.deepEqual(ofFirst.roomIds, ['kirkuk'])
      assert.deepEqual(ofFirst.bbox, [44.3, 34.8, 44.3, 34.8])
      assert.deepEqual([...published.find((change) => change.id === second)!.releasedTo], ['iraqi-army', 'joc', 'peshmerga'])
      // Nothing moves: older reports and repeats publish nothing.
      await call('pesh.watch', 'POST', '/api/tracks/batch', { reports: [report(first, 30), batch[3]] })
      assert.equal(positionEvents().length, before + 2)
    })
  })
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = []
  for await (const item of items) found.push(item)
  return found
}
