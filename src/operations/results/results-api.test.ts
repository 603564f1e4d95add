import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../../server/test-harness.ts'
import type { PictureChange } from '../../live/picture-change.ts'
import { insertOperation } from './results-test-fixture.ts'
import { createApprovedReferenceOperation } from '../operation-test-fixture.ts'

type Method = 'GET' | 'POST' | 'PUT'
type Claim = { item: string; action: string; count: number | 'unspecified' }

// Black Earth: the Peshmerga and the Iraqi Army announce different figures for the same villages.
const peshmergaClaims: Claim[] = [
  { item: 'militant', action: 'killed', count: 12 },
  { item: 'tunnel', action: 'destroyed', count: 3 },
  { item: 'vehicle', action: 'burned', count: 4 },
  { item: 'security-member', action: 'wounded', count: 2 },
]
const armyClaims: Claim[] = [
  { item: 'militant', action: 'killed', count: 15 },
  { item: 'tunnel', action: 'destroyed', count: 'unspecified' },
  { item: 'security-member', action: 'wounded', count: 2 },
  { item: 'civilian', action: 'wounded', count: 1 },
]
const proposedFigures: Claim[] = [
  { item: 'militant', action: 'killed', count: 15 },
  { item: 'tunnel', action: 'destroyed', count: 3 },
  { item: 'vehicle', action: 'burned', count: 4 },
  { item: 'security-member', action: 'wounded', count: 2 },
  { item: 'civilian', action: 'wounded', count: 1 },
]

for (const backend of storageBackends()) {
  describe(`operation results over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    let operationId: string
    const sessions: Record<string, string> = {}
    const changes: PictureChange[] = []
    const call = async (user: string, method: Method, url: string, payload?: unknown) => {
      sessions[user] ??= (await tansiq.login(user)).authorization
      const response = await tansiq.app.inject({ method, url, headers: { authorization: sessions[user]! }, ...(payload === undefined ? {} : { payload: payload as object }) })
      return { status: response.statusCode, body: response.body ? response.json() : null, type: String(response.headers['content-type']) }
    }
    const results = (id = operationId) => `/api/operations/${id}/results`
    const count = async (table: string) => Number((await tansiq.database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n)
    const stored = async () => ({
      claimSets: await count('operation_result_claim_sets'), claims: await count('operation_result_claims'), rounds: await count('operation_result_rounds'),
      figures: await count('operation_result_figures'), agreements: await count('operation_result_agreements'),
      audit: await count(`audit_log where action like 'operation-results.%'`), changes: changes.length,
      state: JSON.stringify((await tansiq.database.query('select operation_id, round, status, reopened_at from operation_result_rounds order by operation_id, round'))),
    })
    /** Asserts a problem+json answer with `code` and that nothing was recorded or published. */
    const refused = async (attempt: () => Promise<{ status: number; body: { code: string; detail: string }; type: string }>, status: number, code: string, detailPattern?: RegExp) => {
      const before = await stored()
      const answer = await attempt()
      assert.equal(answer.status, status, JSON.stringify(answer.body))
      assert.match(answer.type, /application\/problem\+json/)
      assert.equal(answer.body.code, code, answer.body.detail)
      if (detailPattern) assert.match(answer.body.detail, detailPattern)
      assert.deepEqual(await stored(), before, 'nothing recorded, nothing published')
      return answer.body
    }

    before(async () => {
      tansiq = await startTestTansiq(backend, { MOVEMENT_CHECK_SECONDS: '0' })
      tansiq.bus.subscribe((change) => { if (change.layer === 'operation-results') changes.push(change) })
      const names = { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' }
      assert.equal((await call('admin', 'POST', '/api/rooms', { id: 'kirkuk', names, memberOrganizationIds: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'] })).status, 201)
      // Released to the whole room: the CTS and the JOC see the operation without taking part in it.
      operationId = await insertOperation(tansiq.database, {
        roomId: 'kirkuk', leadOrganizationId: 'peshmerga', participantOrganizationIds: ['iraqi-army'], supportOrganizationIds: ['coalition'],
        status: 'active', releasedTo: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'],
      })
    })
    after(async () => {
      await tansiq.close()
    })

    test('each force records its claims; the table shows them side by side with every discrepancy marked', async () => {
      const pesh = await call('pesh.watch', 'PUT', `${results()}/claims/peshmerga`, { results: peshmergaClaims })
      assert.equal(pesh.status, 200, JSON.stringify(pesh.body))
      assert.deepEqual(pesh.body.claims.awaiting, ['iraqi-army'])
      const army = await call('army.liaison', 'PUT', `${results()}/claims/iraqi-army`, { results: armyClaims })
      assert.equal(army.status, 200, JSON.stringify(army.body))

      // The JOC sees the results like the operation (released to it), without taking part.
      const seen = await call('joc.watch', 'GET', results())
      assert.equal(seen.status, 200)
      const table = seen.body.claims
      assert.deepEqual(table.organizationIds, ['peshmerga', 'iraqi-army'], 'the lead first; coalition support is no column')
      const row = (key: string) => table.rows.find((candidate: { key: string }) => candidate.key === key)
      assert.deepEqual(table.rows.map((candidate: { key: string; category: string }) => `${candidate.category}/${candidate.key}`), [
        'militants/militant:killed', 'security-members/security-member:wounded', 'civilians/civilian:wounded', 'materiel/vehicle:burned', 'materiel/tunnel:destroyed',
      ])
      assert.deepEqual(row('militant:killed').cells.map((cell: { claim: unknown }) => cell.claim), [12, 15])
      assert.deepEqual(row('militant:killed').discrepancies, [{ kind: 'different-counts', organizationIds: ['peshmerga', 'iraqi-army'] }])
      assert.deepEqual(row('tunnel:destroyed').cells.map((cell: { claim: unknown }) => cell.claim), [3, 'unspecified'])
      assert.deepEqual(row('tunnel:destroyed').discrepancies, [{ kind: 'unspecified-count', organizationIds: ['iraqi-army'] }])
      assert.deepEqual(row('vehicle:burned').discrepancies, [{ kind: 'not-claimed', organizationIds: ['iraqi-army'] }])
      assert.deepEqual(row('civilian:wounded').discrepancies, [{ kind: 'not-claimed', organizationIds: ['peshmerga'] }])
      assert.equal(row('security-member:wounded').consistent, true)
      assert.equal(table.discrepantRows, 4)
      assert.equal(seen.body.agreed, null)
      assert.equal(seen.body.locked, false)
      assert.deepEqual(seen.body.participants.map((participant: { organizationId: string; role: string; claims: { recordedBy: string } }) => [participant.organizationId, participant.role, participant.claims.recordedBy]),
        [['peshmerga', 'lead', 'pesh.watch'], ['iraqi-army', 'participant', 'army.liaison']])

      // Each recording is audited, visible to everyone the operation is released to, and published live.
      const [audit] = await tansiq.database.query<{ change: { organizationId: string; results: Claim[] }; visible_to: string[] }>(
        `select change, visible_to from audit_log where action = 'operation-results.claims-recorded' and actor_username = 'army.liaison'`)
      assert.equal(audit!.change.organizationId, 'iraqi-army')
      assert.equal(audit!.change.results.length, 4)
      assert.deepEqual(audit!.visible_to, ['coalition', 'cts', 'iraqi-army', 'joc', 'peshmerga'])
      const live = changes.at(-1)!
      assert.equal(live.id, operationId)
      assert.deepEqual([...live.releasedTo].sort(), ['coalition', 'cts', 'iraqi-army', 'joc', 'peshmerga'])
      assert.deepEqual(live.roomIds, ['kirkuk'])
      assert.equal((live.data as { operationId: string }).operationId, operationId)
      assert.equal((live.data as { claims: { discrepantRows: number } }).claims.discrepantRows, 4)
    })

    test('claims by a non-participant, for another force, by a role that cannot, or outside the vocabulary: problem+json, nothing written', async () => {
      await refused(() => call('cts.commander', 'PUT', `${results()}/claims/cts`, { results: peshmergaClaims }), 403, 'not-participant', /cts does not take part/)
      await refused(() => call('coalition.viewer', 'PUT', `${results()}/claims/coalition`, { results: [] }), 403, 'forbidden', /support/)
      await refused(() => call('army.commander', 'PUT', `${results()}/claims/peshmerga`, { results: armyClaims }), 403, 'forbidden', /your own organization/)
      await refused(() => call('pesh.analyst', 'PUT', `${results()}/claims/peshmerga`, { results: peshmergaClaims }), 403, 'forbidden', /role/)
      const invalid: Array<[unknown, RegExp]> = [
        [{ results: [{ item: 'tank', action: 'destroyed', count: 1 }] }, /unknown result item: use one of vehicle, motorcycle/],
        [{ results: [{ item: 'vehicle', action: 'exploded', count: 1 }] }, /unknown result action/],
        [{ results: [{ item: 'civilian', action: 'destroyed', count: 1 }] }, /civilian:destroyed does not fit: civilian allows killed, wounded/],
        [{ results: [{ item: 'militant', action: 'killed', count: 12 }, { item: 'militant', action: 'killed', count: 15 }] }, /militant:killed listed more than once/],
        [{ results: [{ item: 'militant', action: 'killed', count: -1 }] }, /count is a whole number/],
        [{ results: [{ item: 'militant', action: 'killed', count: 2.5 }] }, /count is a whole number/],
        [{ results: [{ item: 'militant', action: 'killed', count: 'several' }] }, /count is a whole number/],
        [{ results: [{ item: 'militant', action: 'killed' }] }, /count/],
        [{ results: [{ item: 'militant', action: 'killed', count: 1, side: 'isis' }] }, /side/],
        [{}, /results/],
      ]
      for (const [payload, message] of invalid) {
        const problem = await refused(() => call('pesh.watch', 'PUT', `${results()}/claims/peshmerga`, payload), 400, 'validation-failed')
        assert.match(JSON.stringify(problem), message)
      }
      await refused(() => call('pesh.watch', 'PUT', `${results()}/claims/peshmerga`, { results: peshmergaClaims, version: 7 }), 409, 'conflict', /since version 7 \(now 1\)/)
      await refused(() => call('pesh.watch', 'GET', '/api/operations/not-a-uuid/results'), 400, 'validation-failed')
    })

    test('an operation not released to you is unknown to you; results wait for the plan\'s approval and end with a cancellation', async () => {
      const private_ = await insertOperation(tansiq.database, { roomId: 'kirkuk', leadOrganizationId: 'peshmerga', participantOrganizationIds: ['iraqi-army'] })
      await refused(() => call('cts.commander', 'GET', results(private_)), 404, 'not-found')
      await refused(() => call('cts.commander', 'PUT', `${results(private_)}/claims/cts`, { results: [] }), 404, 'not-found')
      for (const status of ['draft', 'proposed', 'cancelled'] as const) {
        const id = await insertOperation(tansiq.database, { roomId: 'kirkuk', leadOrganizationId: 'peshmerga', participantOrganizationIds: ['iraqi-army'], status })
        await refused(() => call('pesh.watch', 'PUT', `${results(id)}/claims/peshmerga`, { results: peshmergaClaims }), 409, 'conflict', new RegExp(`operation is ${status}`))
        await refused(() => call('pesh.commander', 'POST', `${results(id)}/rounds`, { figures: proposedFigures }), 409, 'conflict')
      }
      const approved = await insertOperation(tansiq.database, { roomId: 'kirkuk', leadOrganizationId: 'peshmerga', participantOrganizationIds: ['iraqi-army'], status: 'approved' })
      assert.equal((await call('pesh.watch', 'PUT', `${results(approved)}/claims/peshmerga`, { results: [] })).status, 200)
    })

    test('figures proposed and agreed by both commanders are locked; stale rounds, non-commanders and non-participants are refused', async () => {
      await refused(() => call('army.watch', 'POST', `${results()}/rounds`, { figures: proposedFigures }), 403, 'forbidden', /commander of a participant or an editor of the lead/)
      await refused(() => call('cts.commander', 'POST', `${results()}/rounds`, { figures: proposedFigures }), 403, 'not-participant')
      await refused(() => call('pesh.watch', 'POST', `${results()}/rounds`, { figures: [{ item: 'airstrike', action: 'killed', count: 2 }] }), 400, 'validation-failed')

      // The lead's watch officer proposes; the army's commander then proposes other figures, which replace them.
      const first = await call('pesh.watch', 'POST', `${results()}/rounds`, { figures: proposedFigures.map((figure) => (figure.item === 'militant' ? { ...figure, count: 12 } : figure)) })
      assert.equal(first.status, 201, JSON.stringify(first.body))
      assert.equal(first.body.openRound, 1)
      const second = await call('army.commander', 'POST', `${results()}/rounds`, { figures: proposedFigures, note: 'اعتماد حصيلة الجيش للقتلى بعد مطابقة البلاغات الميدانية' })
      assert.equal(second.status, 201)
      assert.equal(second.body.openRound, 2)
      assert.deepEqual(second.body.rounds.map((round: { round: number; status: string }) => [round.round, round.status]), [[1, 'superseded'], [2, 'proposed']])

      await refused(() => call('pesh.commander', 'POST', `${results()}/rounds/1/agree`), 409, 'stale-round', /round 2 replaced it/)
      await refused(() => call('pesh.commander', 'POST', `${results()}/rounds/9/agree`), 404, 'not-found')
      await refused(() => call('pesh.watch', 'POST', `${results()}/rounds/2/agree`), 403, 'forbidden', /Only a commander/)
      await refused(() => call('cts.commander', 'POST', `${results()}/rounds/2/agree`), 403, 'not-participant')
      await refused(() => call('coalition.viewer', 'POST', `${results()}/rounds/2/agree`), 403, 'forbidden')

      const halfway = await call('pesh.commander', 'POST', `${results()}/rounds/2/agree`)
      assert.equal(halfway.status, 200, JSON.stringify(halfway.body))
      assert.equal(halfway.body.agreed, null, 'nothing is agreed before every participant agrees')
      assert.equal(halfway.body.locked, false)
      assert.deepEqual(halfway.body.rounds[1].awaiting, ['iraqi-army'])
      await refused(() => call('pesh.commander', 'POST', `${results()}/rounds/2/agree`), 409, 'conflict', /already agreed/)

      const agreed = await call('army.commander', 'POST', `${results()}/rounds/2/agree`)
      assert.equal(agreed.status, 200)
      assert.equal(agreed.body.locked, true)
      assert.equal(agreed.body.openRound, null)
      assert.equal(agreed.body.agreed.round, 2)
      assert.deepEqual(agreed.body.agreed.figures.map((figure: Claim) => `${figure.item}:${figure.action}=${figure.count}`),
        ['militant:killed=15', 'security-member:wounded=2', 'civilian:wounded=1', 'vehicle:burned=4', 'tunnel:destroyed=3'])
      assert.deepEqual(agreed.body.agreed.agreements.map((agreement: { organizationId: string; agreedBy: string }) => [agreement.organizationId, agreement.agreedBy]),
        [['peshmerga', 'pesh.commander'], ['iraqi-army', 'army.commander']])

      // Each agreement is audited with the round and the exact figures agreed; the lock too.
      const audit = await tansiq.database.query<{ action: string; actor_username: string; change: { round: number; figures: Claim[] } }>(
        `select action, actor_username, change from audit_log where action in ('operation-results.agreed', 'operation-results.locked') order by sequence`)
      assert.deepEqual(audit.map((entry) => [entry.action, entry.actor_username, entry.change.round]),
        [['operation-results.agreed', 'pesh.commander', 2], ['operation-results.agreed', 'army.commander', 2], ['operation-results.locked', 'army.commander', 2]])
      assert.ok(audit.every((entry) => entry.change.figures.find((figure) => figure.item === 'militant')!.count === 15))
    })

    test('after the lock, claims and figures cannot change; a commander reopens and a new round must be agreed by all', async () => {
      await refused(() => call('pesh.watch', 'PUT', `${results()}/claims/peshmerga`, { results: armyClaims }), 409, 'locked', /new round/)
      await refused(() => call('army.commander', 'POST', `${results()}/rounds`, { figures: proposedFigures }), 409, 'locked')
      await refused(() => call('army.commander', 'POST', `${results()}/rounds/2/agree`), 409, 'locked')
      await refused(() => call('army.watch', 'POST', `${results()}/reopen`, { reason: 'تصحيح' }), 403, 'forbidden')
      await refused(() => call('cts.commander', 'POST', `${results()}/reopen`, { reason: 'تصحيح' }), 403, 'not-participant')
      await refused(() => call('army.commander', 'POST', `${results()}/reopen`, { reason: '   ' }), 400, 'validation-failed')

      const reopened = await call('pesh.commander', 'POST', `${results()}/reopen`, { reason: 'ڕاپۆرتی مەیدانی نوێ: دوو تونێلی تر دۆزرانەوە' })
      assert.equal(reopened.status, 200, JSON.stringify(reopened.body))
      assert.equal(reopened.body.locked, false)
      assert.equal(reopened.body.agreed.round, 2, 'the last figures agreed by all stay what is shown as agreed')
      assert.equal(reopened.body.agreed.reopened.reason, 'ڕاپۆرتی مەیدانی نوێ: دوو تونێلی تر دۆزرانەوە')
      await refused(() => call('pesh.commander', 'POST', `${results()}/reopen`, { reason: 'مرة أخرى' }), 409, 'conflict', /not locked/)
      await refused(() => call('army.commander', 'POST', `${results()}/rounds/2/agree`), 409, 'stale-round')

      assert.equal((await call('pesh.watch', 'PUT', `${results()}/claims/peshmerga`, { results: peshmergaClaims.map((claim) => (claim.item === 'tunnel' ? { ...claim, count: 5 } : claim)), version: 1 })).status, 200)
      const third = await call('pesh.commander', 'POST', `${results()}/rounds`, { figures: proposedFigures.map((figure) => (figure.item === 'tunnel' ? { ...figure, count: 5 } : figure)) })
      assert.equal(third.body.openRound, 3)
      const halfway = await call('pesh.commander', 'POST', `${results()}/rounds/3/agree`)
      assert.equal(halfway.body.agreed.round, 2, 'round 3 is not agreed until the army agrees')
      assert.equal(halfway.body.locked, false)
      const relocked = await call('army.commander', 'POST', `${results()}/rounds/3/agree`)
      assert.equal(relocked.body.agreed.round, 3)
      assert.equal(relocked.body.locked, true)
      assert.equal(relocked.body.agreed.figures.find((figure: Claim) => figure.item === 'tunnel').count, 5)
      const reopenAudit = await tansiq.database.query<{ change: { round: number; reason: string } }>(`select change from audit_log where action = 'operation-results.reopened'`)
      assert.deepEqual(reopenAudit.map((entry) => entry.change.round), [2])
    })

    test('simultaneous proposals and agreements serialise: one open round, one lock', async () => {
      const id = await insertOperation(tansiq.database, { roomId: 'kirkuk', leadOrganizationId: 'peshmerga', participantOrganizationIds: ['iraqi-army'] })
      const proposals = await Promise.all([
        call('pesh.commander', 'POST', `${results(id)}/rounds`, { figures: proposedFigures }),
        call('army.commander', 'POST', `${results(id)}/rounds`, { figures: armyClaims }),
      ])
      assert.deepEqual(proposals.map((answer) => answer.status), [201, 201])
      const after = (await call('pesh.watch', 'GET', results(id))).body
      assert.deepEqual(after.rounds.map((round: { round: number; status: string }) => [round.round, round.status]), [[1, 'superseded'], [2, 'proposed']])
      const agreements = await Promise.all([call('pesh.commander', 'POST', `${results(id)}/rounds/2/agree`), call('army.commander', 'POST', `${results(id)}/rounds/2/agree`)])
      assert.deepEqual(agreements.map((answer) => answer.status), [200, 200])
      const final = (await call('pesh.watch', 'GET', results(id))).body
      assert.equal(final.locked, true)
      assert.equal(final.agreed.round, 2)
      const locks = await tansiq.database.query(`select 1 from audit_log where action = 'operation-results.locked' and object_id = $1`, [id])
      assert.equal(locks.length, 1)
    })

    test('a room screen gets the results in its snapshot of the layer, for the operations released to it', async () => {
      const layer = tansiq.layers.get('operation-results')!
      const snapshot = async (organizationId: string) => {
        const items: Array<{ id: string; locked: boolean }> = []
        for await (const item of layer.list({ organizationId }, { roomId: 'kirkuk' })) items.push(item as { id: string; locked: boolean })
        return items
      }
      const joc = await snapshot('joc')
      assert.deepEqual(joc.map((item) => item.id), [operationId], 'only the operation released to the JOC; draft and cancelled ones never')
      const army = await snapshot('iraqi-army')
      assert.ok(army.length > joc.length)
      assert.ok(army.every((item) => typeof item.locked === 'boolean'))
      assert.deepEqual(await snapshot('asayish'), [])
    })

    test('the reference operation planned and approved through the operations API: claims reconciled, agreed by both commanders, locked; the room screen follows', async () => {
      const reference = await createApprovedReferenceOperation(tansiq, { start: true })
      const id = reference.operationId
      await tansiq.operationResults.settled()
      // The approval and the start are published again as results (none yet) to those who see the operation.
      const first = changes.filter((change) => change.id === id).at(-1)!
      assert.equal((first.data as { operationStatus: string }).operationStatus, 'active')
      assert.deepEqual([...first.releasedTo].sort(), [...reference.operation.release.releasedTo].sort())

      assert.equal((await call('pesh.watch', 'PUT', `${results(id)}/claims/peshmerga`, { results: peshmergaClaims })).status, 200)
      assert.equal((await call('army.watch', 'PUT', `${results(id)}/claims/iraqi-army`, { results: armyClaims })).status, 200)
      await refused(() => call('coalition.viewer', 'PUT', `${results(id)}/claims/coalition`, { results: [{ item: 'airstrike', action: 'conducted', count: 6 }] }), 403, 'forbidden', /support/)
      await refused(() => call('cts.commander', 'GET', results(id)), 404, 'not-found')
      const table = (await call('army.commander', 'GET', results(id))).body.claims
      assert.deepEqual(table.organizationIds, ['peshmerga', 'iraqi-army'])
      assert.equal(table.discrepantRows, 4)

      assert.equal((await call('pesh.commander', 'POST', `${results(id)}/rounds`, { figures: proposedFigures })).status, 201)
      assert.equal((await call('army.commander', 'POST', `${results(id)}/rounds/1/agree`)).status, 200)
      const locked = await call('pesh.commander', 'POST', `${results(id)}/rounds/1/agree`)
      assert.equal(locked.body.locked, true)
      assert.equal(locked.body.agreed.round, 1)
      await refused(() => call('army.watch', 'PUT', `${results(id)}/claims/iraqi-army`, { results: peshmergaClaims }), 409, 'locked')

      const completed = await call('pesh.commander', 'POST', `/api/operations/${id}/complete`, {})
      assert.equal(completed.status, 200, JSON.stringify(completed.body))
      await tansiq.operationResults.settled()
      const last = changes.filter((change) => change.id === id).at(-1)!
      assert.equal((last.data as { operationStatus: string; locked: boolean }).operationStatus, 'completed')
      assert.equal((last.data as { locked: boolean }).locked, true)
      const report = await tansiq.operationResults.agreedResultsOf({ organizationId: 'coalition' }, id)
      assert.equal(report.agreed!.figures.find((figure) => figure.item === 'militant')!.count, 15)
    })

    test('when the operation\'s release narrows or it is cancelled, its results follow: those who lost sight are told to drop them', async () => {
      const id = await insertOperation(tansiq.database, { roomId: 'kirkuk', leadOrganizationId: 'peshmerga', participantOrganizationIds: ['iraqi-army'], releasedTo: ['peshmerga', 'iraqi-army', 'joc'] })
      // What the operations service tells after a change of the operation (twice here: calls in a burst are coalesced).
      const operationChanged = (previouslyReleasedTo: string[] = []) => {
        tansiq.operationResults.operationChanged(id, previouslyReleasedTo)
        tansiq.operationResults.operationChanged(id, previouslyReleasedTo)
      }
      await tansiq.database.query(`update operations set released_to = array['iraqi-army', 'peshmerga'] where id = $1`, [id])
      const seen = changes.length
      operationChanged(['iraqi-army', 'joc', 'peshmerga'])
      await tansiq.operationResults.settled()
      const narrowed = changes.slice(seen)
      assert.equal(narrowed.length, 1, 'one republication per operation, however many changes were told in a burst')
      assert.deepEqual([narrowed[0]!.kind, [...narrowed[0]!.releasedTo]], ['upsert', ['iraqi-army', 'peshmerga']])
      assert.deepEqual(narrowed[0]!.previouslyReleasedTo, ['iraqi-army', 'joc', 'peshmerga'])

      await tansiq.database.query(`update operations set status = 'cancelled' where id = $1`, [id])
      operationChanged()
      await tansiq.operationResults.settled()
      const cancelled = changes.at(-1)!
      assert.deepEqual([cancelled.id, cancelled.kind, cancelled.releasedTo.length, [...cancelled.previouslyReleasedTo!].sort()], [id, 'delete', 0, ['iraqi-army', 'peshmerga']])
    })

    test('the routes are in the OpenAPI document', async () => {
      const document = (await tansiq.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> }
      assert.ok(document.paths['/api/operations/{id}/results']?.get)
      assert.ok(document.paths['/api/operations/{id}/results/claims/{organizationId}']?.put)
      assert.ok(document.paths['/api/operations/{id}/results/rounds/{round}/agree']?.post)
    })

    test('the report reads the agreed figures and the claims through the operation\'s release', async () => {
      const report = await tansiq.operationResults.agreedResultsOf({ organizationId: 'joc' }, operationId)
      assert.equal(report.agreed!.round, 3)
      assert.equal(report.locked, true)
      assert.deepEqual(report.agreed!.agreements.map((agreement) => agreement.organizationId), ['peshmerga', 'iraqi-army'])
      assert.equal(report.claims.rows.find((row) => row.key === 'tunnel:destroyed')!.cells[0]!.claim, 5)
      await assert.rejects(tansiq.operationResults.agreedResultsOf({ organizationId: 'asayish' }, operationId), { code: 'not-found' })
    })
  })
}
