import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { commandLineActor, type Principal } from '../platform/auth/principal.ts'
import { apiCaller, startTestTansiq, testPassword, type ApiCaller, type TestTansiq } from '../server/test-harness.ts'
import type { IncidentDraft } from './core/incident-draft-schema.ts'
import type { DraftDetail } from './ingest-schemas.ts'

// A Peshmerga statement: a headline, a relative date (أمس against the publication date), a
// village in a district, two actors and two results.
const statement = `البيشمركة تدمر أوكارا لداعش قرب كفري
أعلنت وزارة شؤون البيشمركة، اليوم الأحد، أن قوة من البيشمركة نفذت أمس عملية تفتيش في قرية بلكانة التابعة لقضاء كفري، أسفرت عن تدمير 3 عجلات تابعة لعصابات داعش الإرهابية والعثور على كدس للعتاد.`
const published = '2021-06-06'
const reportFields = { title: 'تدمير عجلات لداعش في بلكانة', sourceReliability: 'B', informationCredibility: 2 }

for (const backend of storageBackends()) {
  describe(`statement reading and the review of incident drafts on ${backend}`, () => {
    let tansiq: TestTansiq
    let call: ApiCaller
    const submit = async (user = 'pesh.watch', text = statement) => {
      const created = await call(user, 'POST', '/api/ingest/drafts', { text, published, fileName: 'balkana.txt' })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      return created.body as DraftDetail
    }
    const count = async (sql: string, parameters: unknown[] = []) => (await tansiq.database.query<{ count: number }>(sql, parameters))[0]!.count
    const reportsWithBody = (text: string) => count('select count(*)::int as count from reports where body = $1', [text])
    const auditActions = async (user: string, objectId: string) =>
      ((await call(user, 'GET', '/api/audit?limit=500')).body as Array<{ action: string; objectId: string }>).filter((entry) => entry.objectId === objectId).map((entry) => entry.action)

    before(async () => {
      tansiq = await startTestTansiq(backend)
      call = apiCaller(tansiq)
      for (const [username, organizationId, role] of [['pesh.viewer', 'peshmerga', 'viewer'], ['army.analyst', 'iraqi-army', 'analyst']] as const) {
        await tansiq.accounts.createUser(commandLineActor('test'), { username, displayName: username, organizationId, role, password: testPassword })
      }
    })
    after(async () => {
      await tansiq.close()
    })

    test('reading an Arabic statement answers the draft (place, actor, result, relative date) without storing it; later reads are fast', async () => {
      const started = performance.now()
      const first = await call('pesh.analyst', 'POST', '/api/ingest/read', { text: statement, published })
      const firstMs = performance.now() - started
      assert.equal(first.status, 200, JSON.stringify(first.body))
      const draft = first.body as IncidentDraft
      assert.equal(draft.file, 'api')
      assert.equal(draft.language, 'ar')
      assert.equal(draft.eventDate, '2021-06-05', 'أمس is the day before the publication date')
      assert.ok(draft.places.some((place) => place.name === 'Balkana'), JSON.stringify(draft.places))
      assert.deepEqual(draft.eventPlaces.map((place) => place.name), ['Balkana'])
      assert.deepEqual(draft.actors.map((actor) => actor.id).sort(), ['isis', 'peshmerga'])
      assert.ok(draft.results.some((result) => result.item === 'vehicle' && result.action === 'destroyed' && result.count === 3), JSON.stringify(draft.results))
      const [start, end] = draft.eventPlaces[0]!.evidence[0]!
      assert.equal(statement.slice(start, end), 'بلكانة', 'evidence offsets point into the text as sent')
      assert.equal(await count('select count(*)::int as count from incident_drafts'), 0, 'reading stores nothing')

      const timings: number[] = []
      for (const user of ['pesh.watch', 'army.commander', 'army.analyst']) {
        const again = performance.now()
        const read = await call(user, 'POST', '/api/ingest/read', { text: statement, published, fileName: 'statement.txt' })
        timings.push(performance.now() - again)
        assert.equal(read.status, 200, `${user} may read statements`)
        assert.deepEqual({ ...read.body, file: 'api' }, draft, 'the same text gives the same draft')
        assert.equal(read.body.file, 'statement.txt')
      }
      console.log(`# first read ${firstMs.toFixed(0)} ms (loads the place index), then ${timings.map((ms) => ms.toFixed(1)).join(', ')} ms`)
      assert.ok(Math.max(...timings) < 1000, `reads after the first must not load the place index again (${timings.join(', ')} ms)`)
      assert.equal((await call('pesh.viewer', 'POST', '/api/ingest/read', { text: statement, published })).status, 403)
      assert.equal((await call('pesh.liaison', 'POST', '/api/ingest/read', { text: statement, published })).status, 403)
    })

    test('bad statements are refused with a clear error: empty, binary, not UTF-8, over 1 MB, a published date that is not a date', async () => {
      const read = (payload: unknown) => call('pesh.analyst', 'POST', '/api/ingest/read', payload)
      for (const [payload, pattern] of [
        [{ text: '', published }, /empty/],
        [{ text: ' \n\t ', published }, /empty/],
        [{ text: 'PK\u0003\u0004\u0000\u0000binary', published }, /NUL/],
        [{ text: '\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008abc', published }, /binary/],
        [{ text: 'نص \ud800 مكسور', published }, /surrogate/],
        [{ text: statement, published: 'yesterday' }, /published must be a date/],
        [{ text: statement, published: '2021-02-30' }, /not a calendar date/],
        [{ text: statement }, /published/],
        [{ text: statement, published, confidence: 1 }, /confidence|unrecognized/i],
      ] as const) {
        const answer = await read(payload)
        assert.equal(answer.status, 400, JSON.stringify(payload).slice(0, 80))
        assert.equal(answer.body.code, 'validation-failed')
        assert.match(answer.body.detail, pattern)
      }
      const invalidUtf8 = Buffer.concat([Buffer.from(`{"published":"${published}","text":"`), Buffer.from([0xd8, 0xa7, 0xff, 0xfe]), Buffer.from('"}')])
      const raw = await tansiq.app.inject({ method: 'POST', url: '/api/ingest/read', payload: invalidUtf8, headers: { authorization: (await tansiq.login('pesh.analyst')).authorization, 'content-type': 'application/json' } })
      assert.equal(raw.statusCode, 400)
      assert.equal(raw.json().code, 'invalid-encoding')

      const tooLarge = await read({ text: 'ا'.repeat(512 * 1024 + 1), published })
      assert.equal(tooLarge.status, 413)
      assert.equal(tooLarge.body.code, 'payload-too-large')
      assert.match(tooLarge.body.detail, /1048578 bytes.*1 MB/)
      const stored = await call('pesh.analyst', 'POST', '/api/ingest/drafts', { text: 'x'.repeat(1024 * 1024 + 1), published })
      assert.equal(stored.status, 413)
      assert.equal(await count('select count(*)::int as count from incident_drafts'), 0, 'nothing half-written')

      const mixed = await read({ text: `Peshmerga forces destroyed 3 vehicles near Kifri yesterday. ${statement}`, published })
      assert.equal(mixed.status, 200, 'mixed languages are read, with a warning')
      assert.ok(mixed.body.warnings.some((warning: string) => /mixed languages/.test(warning)), JSON.stringify(mixed.body.warnings))
      const undated = await read({ text: 'قوة من البيشمركة دمرت عجلة لداعش قرب كفري', published })
      assert.equal(undated.status, 200)
      assert.equal(undated.body.eventDate, null)
    })

    test('a draft is stored, corrected, then accepted: a report with the corrected date and place and the source text, each step audited', async () => {
      const created = await submit()
      assert.equal(created.status, 'pending')
      assert.equal(created.organizationId, 'peshmerga')
      assert.equal(created.author.username, 'pesh.watch')
      assert.equal(created.text, statement)
      assert.equal(created.draft.file, 'balkana.txt')
      assert.equal(created.corrected, null)
      assert.deepEqual(created.correctedFields, [])
      assert.equal(created.version, 1)
      for (const field of ['eventDate', 'eventPlaces', 'actors', 'results'] as const) assert.ok(created.highlights.some((span) => span.field === field), `a highlight for ${field}`)
      const place = created.highlights.find((span) => span.field === 'eventPlaces')!
      assert.equal(statement.slice(place.start, place.end), 'بلكانة')
      const kifri = created.draft.places.find((candidate) => candidate.name === 'Kifri')!
      assert.ok(kifri, 'Kifri is among the places')

      const corrections = {
        eventDate: '2021-06-04',
        results: [...created.draft.results.map((result) => (result.item === 'vehicle' ? { ...result, count: 4 } : result))],
        eventPlaces: [{ placeId: kifri.placeId }],
      }
      const corrected = await call('pesh.analyst', 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections, version: 1 })
      assert.equal(corrected.status, 200, JSON.stringify(corrected.body))
      const afterCorrection = corrected.body as DraftDetail
      assert.equal(afterCorrection.version, 2)
      assert.deepEqual([...afterCorrection.correctedFields].sort(), ['eventDate', 'eventPlaces', 'results'])
      assert.equal(afterCorrection.draft.results.find((result) => result.item === 'vehicle')!.count, 3, 'the machine draft is kept')
      assert.equal(afterCorrection.corrected!.results.find((result) => result.item === 'vehicle')!.count, 4)
      assert.deepEqual(afterCorrection.corrected!.eventPlaces.map((eventPlace) => [eventPlace.name, eventPlace.lat, eventPlace.lon]), [['Kifri', kifri.lat, kifri.lon]], 'a place id is filled in from the gazetteer')
      assert.equal(afterCorrection.eventDate, '2021-06-04')
      const stale = await call('pesh.analyst', 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections: { operationName: 'late' }, version: 1 })
      assert.equal(stale.status, 409)
      assert.equal(stale.body.code, 'conflict')

      const accepted = await call('pesh.analyst', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: reportFields, version: 2 })
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
      const { draft, report } = accepted.body
      assert.equal(draft.status, 'accepted')
      assert.equal(draft.reportId, report.id)
      assert.equal(draft.reviewedBy.username, 'pesh.analyst')
      assert.equal(report.organizationId, 'peshmerga')
      assert.equal(report.type, 'incident')
      assert.equal(report.body, statement, 'the body is the source text')
      assert.equal(report.language, 'ar')
      assert.equal(report.occurredAt, '2021-06-03T21:00:00.000Z', 'the corrected date at 00:00 in Baghdad')
      assert.deepEqual(report.location, { type: 'Point', coordinates: [kifri.lon, kifri.lat] }, 'the corrected event place')
      assert.equal(report.placeId, kifri.placeId)
      assert.equal(report.admiraltyCode, 'B2')
      assert.deepEqual((await call('pesh.commander', 'GET', `/api/reports/${report.id}`)).body, report)
      const stored = await call('pesh.viewer', 'GET', `/api/ingest/drafts/${created.id}`)
      assert.equal(stored.body.status, 'accepted')
      assert.equal(stored.body.reportId, report.id)
      assert.deepEqual(await auditActions('pesh.commander', created.id), ['incident-draft.accepted', 'incident-draft.corrected', 'incident-draft.created'])
      assert.deepEqual(await auditActions('pesh.commander', report.id), ['report.created'])
      assert.equal((await call('pesh.analyst', 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections: { operationName: 'late' } })).status, 409, 'an accepted draft is closed')
    })

    test('another organization never sees a draft, in lists, by id, in the audit log, or to review it', async () => {
      const created = await submit('pesh.watch')
      const listed = await call('army.analyst', 'GET', '/api/ingest/drafts')
      assert.equal(listed.status, 200)
      assert.ok(!listed.body.some((draft: { id: string }) => draft.id === created.id))
      assert.ok((await call('pesh.viewer', 'GET', '/api/ingest/drafts?status=pending')).body.some((draft: { id: string }) => draft.id === created.id))
      for (const user of ['army.analyst', 'army.commander', 'joc.commander']) {
        assert.equal((await call(user, 'GET', `/api/ingest/drafts/${created.id}`)).status, 404)
        assert.equal((await call(user, 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections: { operationName: 'x' } })).status, 404)
        assert.equal((await call(user, 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: reportFields })).status, 404)
        assert.equal((await call(user, 'POST', `/api/ingest/drafts/${created.id}/reject`, { reason: 'not ours' })).status, 404)
        assert.deepEqual(await auditActions(user, created.id), [])
      }
      const armyDraft = await submit('army.analyst')
      assert.equal(armyDraft.organizationId, 'iraqi-army')
      assert.ok(!(await call('pesh.commander', 'GET', '/api/ingest/drafts')).body.some((draft: { id: string }) => draft.id === armyDraft.id))
    })

    test('only analysts and commanders of the organization review: a viewer or a watch officer cannot correct, accept or reject', async () => {
      const created = await submit()
      for (const user of ['pesh.viewer', 'pesh.watch', 'pesh.liaison']) {
        const accept = await call(user, 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: reportFields })
        assert.equal(accept.status, 403, user)
        assert.equal(accept.body.code, 'forbidden')
        assert.equal((await call(user, 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections: { operationName: 'x' } })).status, 403)
        assert.equal((await call(user, 'POST', `/api/ingest/drafts/${created.id}/reject`, { reason: 'no' })).status, 403)
      }
      assert.equal((await call('pesh.viewer', 'POST', '/api/ingest/drafts', { text: statement, published })).status, 403)
      assert.equal((await call('pesh.viewer', 'GET', `/api/ingest/drafts/${created.id}`)).body.status, 'pending')
      const rejected = await call('pesh.commander', 'POST', `/api/ingest/drafts/${created.id}/reject`, { reason: 'duplicate of an earlier statement' })
      assert.equal(rejected.status, 200)
      assert.equal(rejected.body.status, 'rejected')
      assert.equal(rejected.body.rejectionReason, 'duplicate of an earlier statement')
      assert.equal((await call('pesh.commander', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: reportFields })).status, 409, 'a rejected draft cannot be accepted')
      assert.deepEqual(await auditActions('pesh.commander', created.id), ['incident-draft.rejected', 'incident-draft.created'])
      assert.ok((await call('pesh.commander', 'GET', '/api/ingest/drafts?status=rejected')).body.every((draft: { status: string }) => draft.status === 'rejected'))
    })

    test('accepting twice, one after the other or at the same time, creates one report', async () => {
      const text = `${statement}\nنسخة للقبول المزدوج.`
      const first = await submit('pesh.analyst', text)
      assert.equal((await call('pesh.analyst', 'POST', `/api/ingest/drafts/${first.id}/accept`, { report: reportFields })).status, 200)
      const again = await call('pesh.commander', 'POST', `/api/ingest/drafts/${first.id}/accept`, { report: reportFields })
      assert.equal(again.status, 409)
      assert.match(again.body.detail, /already accepted/)
      assert.equal(again.body.reportId, (await call('pesh.analyst', 'GET', `/api/ingest/drafts/${first.id}`)).body.reportId)
      assert.equal(await reportsWithBody(text), 1)

      // The first acceptance is held inside the report's creation while two more arrive.
      const concurrentText = `${statement}\nنسخة للقبول المتزامن.`
      const second = await submit('pesh.analyst', concurrentText)
      const create = tansiq.reports.create
      let calls = 0
      let release = () => {}
      let reached = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      const inside = new Promise<void>((resolve) => (reached = resolve))
      tansiq.reports.create = async (...parameters) => {
        if (calls++ === 0) {
          reached()
          await held
        }
        return create(...parameters)
      }
      try {
        const firstAnswer = call('pesh.analyst', 'POST', `/api/ingest/drafts/${second.id}/accept`, { report: reportFields })
        await inside
        const others = await Promise.all([call('pesh.commander', 'POST', `/api/ingest/drafts/${second.id}/accept`, { report: reportFields }), call('pesh.analyst', 'POST', `/api/ingest/drafts/${second.id}/accept`, { report: reportFields })])
        assert.deepEqual(others.map((answer) => [answer.status, answer.body.detail]), [[409, 'The draft is being accepted by another request right now'], [409, 'The draft is being accepted by another request right now']])
        release()
        assert.equal((await firstAnswer).status, 200)
      } finally {
        release()
        tansiq.reports.create = create
      }
      assert.equal(calls, 1)
      assert.equal(await reportsWithBody(concurrentText), 1)
    })

    test('when the report cannot be created the draft stays pending, and a later accept succeeds', async () => {
      const text = `${statement}\nنسخة لفشل الإنشاء.`
      const created = await submit('pesh.analyst', text)
      const badRoom = await call('pesh.analyst', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: { ...reportFields, roomId: 'no-such-room' } })
      assert.equal(badRoom.status, 422, JSON.stringify(badRoom.body))
      const badGrade = await call('pesh.analyst', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: { ...reportFields, sourceReliability: 'Z' } })
      assert.equal(badGrade.status, 400)
      const undated = await call('pesh.analyst', 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections: { eventDate: null } })
      assert.equal(undated.status, 200)
      const noDate = await call('pesh.analyst', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: reportFields })
      assert.equal(noDate.status, 422)
      assert.match(noDate.body.detail, /no event date/)
      const still = (await call('pesh.analyst', 'GET', `/api/ingest/drafts/${created.id}`)).body
      assert.equal(still.status, 'pending')
      assert.equal(still.reportId, null)
      assert.equal(await reportsWithBody(text), 0)
      assert.equal(await count('select count(*)::int as count from incident_drafts where accept_request_id is not null'), 0, 'no acceptance left claimed')
      const accepted = await call('pesh.analyst', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: { ...reportFields, occurredAt: '2021-06-05T22:15:00+03:00' } })
      assert.equal(accepted.status, 200, JSON.stringify(accepted.body))
      assert.equal(accepted.body.report.occurredAt, '2021-06-05T19:15:00.000Z')
      assert.equal(await reportsWithBody(text), 1)
    })

    test('an acceptance in progress holds the draft; one interrupted after creating its report is finished by a retry without a second report', async () => {
      const text = `${statement}\nنسخة للقبول المنقطع.`
      const created = await submit('pesh.analyst', text)
      await tansiq.database.query(`update incident_drafts set accept_request_id = 'running-request', accept_claimed_at = now() where id = $1`, [created.id])
      assert.equal((await call('pesh.analyst', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: reportFields })).status, 409)
      assert.equal((await call('pesh.analyst', 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections: { operationName: 'x' } })).status, 409)

      // The interrupted request created its report, then the server died before linking it.
      const [user] = await tansiq.database.query<{ id: string }>(`select id from users where username = 'pesh.analyst'`)
      const analyst: Principal = { userId: user!.id, username: 'pesh.analyst', displayName: 'analyst', organizationId: 'peshmerga', role: 'analyst', sessionId: 's', csrfToken: 'c', via: 'bearer' }
      const orphan = await tansiq.reports.create(analyst, {
        type: 'incident', title: reportFields.title, body: text, language: 'ar', occurredAt: '2021-06-05T00:00:00+03:00', location: null, placeId: null,
        sourceReliability: 'B', informationCredibility: 2, roomId: null, unitIds: [], operationIds: [], release: { scope: 'originator' },
      }, 'crashed-request')
      await tansiq.database.query(`update incident_drafts set accept_request_id = 'crashed-request', accept_claimed_at = now() - interval '10 minutes' where id = $1`, [created.id])
      const resumed = await call('pesh.analyst', 'POST', `/api/ingest/drafts/${created.id}/accept`, { report: reportFields })
      assert.equal(resumed.status, 200, JSON.stringify(resumed.body))
      assert.equal(resumed.body.report.id, orphan.id, 'the report of the interrupted acceptance is linked')
      assert.equal(resumed.body.draft.reportId, orphan.id)
      assert.equal(await reportsWithBody(text), 1)
    })

    test('the OpenAPI document describes the ingest routes from their schemas', async () => {
      const response = await tansiq.app.inject({ method: 'GET', url: '/api/openapi.json' })
      assert.equal(response.statusCode, 200)
      const paths = response.json().paths
      assert.deepEqual(paths['/api/ingest/read'].post.requestBody.content['application/json'].schema.required.sort(), ['published', 'text'])
      for (const [path, method] of [['/api/ingest/drafts', 'get'], ['/api/ingest/drafts', 'post'], ['/api/ingest/drafts/{id}', 'patch'], ['/api/ingest/drafts/{id}/accept', 'post'], ['/api/ingest/drafts/{id}/reject', 'post']] as const) {
        assert.ok(paths[path]?.[method], `${method} ${path}`)
      }
    })

    test('corrections outside the vocabulary or the text are refused, listing what is allowed', async () => {
      const created = await submit()
      const correct = (corrections: unknown) => call('pesh.analyst', 'PATCH', `/api/ingest/drafts/${created.id}`, { corrections })
      for (const [corrections, pattern] of [
        [{ actors: [{ id: 'wagner' }] }, /unknown actor: use one of peshmerga, iraqi-army, iraqi-cts/],
        [{ results: [{ item: 'tank', action: 'destroyed', count: 1 }] }, /unknown result item: use one of vehicle, motorcycle/],
        [{ results: [{ item: 'vehicle', action: 'painted', count: 1 }] }, /unknown result action: use one of destroyed, burned/],
        [{ results: [{ item: 'vehicle', action: 'destroyed', count: -2 }] }, /count/],
        [{ results: [{ item: 'vehicle', action: 'destroyed', count: 1 }, { item: 'vehicle', action: 'destroyed', count: 2 }] }, /one result per/],
        [{ eventDate: '2021-06-31' }, /not a calendar date/],
        [{ eventPlaces: [{ placeId: 'wof:does-not-exist' }] }, /unknown place id/],
        [{ places: [{ name: 'Nowhere' }] }, /a place is/],
        [{ actors: [{ id: 'isis', evidence: [[10, 100000]] }] }, /does not fit the text/],
        [{ confidence: 1 }, /confidence|unrecognized/i],
        [{}, /at least one/],
      ] as const) {
        const answer = await correct(corrections)
        assert.equal(answer.status, 400, JSON.stringify(corrections))
        assert.equal(answer.body.code, 'validation-failed')
        assert.match(answer.body.detail, pattern)
      }
      const unchanged = (await call('pesh.analyst', 'GET', `/api/ingest/drafts/${created.id}`)).body
      assert.equal(unchanged.version, 1)
      assert.equal(unchanged.corrected, null)
      const kifri = created.draft.places.find((candidate) => candidate.name === 'Kifri')!
      const added = await correct({ actors: [...created.draft.actors, { id: 'coalition' }], operationName: 'الأرض السوداء', eventPlaces: [kifri] })
      assert.equal(added.status, 200, JSON.stringify(added.body))
      assert.deepEqual(added.body.corrected.actors.map((actor: { id: string }) => actor.id), [...created.draft.actors.map((actor) => actor.id), 'coalition'])
      assert.deepEqual(added.body.corrected.actors.at(-1).evidence, [], 'an added actor needs no evidence')
      assert.equal(added.body.corrected.operationName, 'الأرض السوداء')
      assert.deepEqual(added.body.corrected.eventPlaces, [kifri], 'a full place is taken as given')
      assert.deepEqual(added.body.correctedFields.sort(), ['actors', 'eventPlaces', 'operationName'])
    })
  })
}
