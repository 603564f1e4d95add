import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomUUID } from 'node:crypto'
import { Readable } from 'node:stream'
import { storageBackends } from '../platform/database/test-database.ts'
import { commandLineActor } from '../platform/auth/principal.ts'
import { startTestTansiq, testPassword, type TestTansiq } from '../server/test-harness.ts'
import type { PictureChange } from '../live/picture-change.ts'
import type { Report } from './report-schemas.ts'

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.from('IHDR tiny image')])
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('JFIF photo')])
const arabicBody = 'اشتباك مسلح مع عناصر داعش قرب قرية بلكانة بين كفري وطوزخورماتو، وتدمير ٣ عجلات و٥ كهوف.'
const soraniBody = 'پێشمەرگە لە نزیک گوندی بلکانە لەگەڵ چەکدارانی داعش ڕووبەڕووی یەکتر بوونەوە؛ سێ ئۆتۆمبێل سووتێنران.'
const incident = {
  type: 'incident',
  title: 'اشتباك قرب بلكانة',
  body: arabicBody,
  occurredAt: '2021-06-12T04:30:00+03:00',
  location: { type: 'Point', coordinates: [44.8, 34.79] },
  placeId: 'curated:balkana',
  sourceReliability: 'B',
  informationCredibility: 2,
}

for (const backend of storageBackends()) {
  describe(`reports over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    const sessions: Record<string, string> = {}
    const changes: PictureChange[] = []
    const authorization = async (user: string) => (sessions[user] ??= (await tansiq.login(user)).authorization)
    const call = async (user: string, method: Method, url: string, payload?: unknown) => {
      const response = await tansiq.app.inject({ method, url, headers: { authorization: await authorization(user) }, ...(payload === undefined ? {} : { payload: payload as object }) })
      return { status: response.statusCode, body: response.body ? response.json() : null }
    }
    const upload = async (user: string, reportId: string, content: Buffer | Readable, contentType: string, headers: Record<string, string> = {}, query = '') => {
      const response = await tansiq.app.inject({
        method: 'POST', url: `/api/reports/${reportId}/attachments${query}`, payload: content,
        headers: { authorization: await authorization(user), 'content-type': contentType, ...headers },
      })
      return { status: response.statusCode, body: response.body ? response.json() : null, headers: response.headers }
    }
    const create = async (user: string, report: Record<string, unknown> = {}) => {
      const created = await call(user, 'POST', '/api/reports', { ...incident, ...report })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      return created.body as Report
    }
    const count = async (table: string) => (await tansiq.database.query<{ count: number }>(`select count(*)::int as count from ${table}`))[0]!.count
    const counts = async () => ({ reports: await count('reports'), attachments: await count('report_attachments'), audit: await count('audit_log') })
    const auditActions = async (user: string, objectId: string) =>
      ((await call(user, 'GET', '/api/audit?limit=500')).body as Array<{ action: string; objectId: string }>).filter((entry) => entry.objectId === objectId).map((entry) => entry.action)
    const units: Record<string, string> = {}

    before(async () => {
      tansiq = await startTestTansiq(backend)
      tansiq.bus.subscribe((change) => changes.push(change))
      await tansiq.accounts.createUser(commandLineActor('test'), { username: 'army.analyst', displayName: 'Army analyst', organizationId: 'iraqi-army', role: 'analyst', password: testPassword })
      const names = { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' }
      assert.equal((await call('admin', 'POST', '/api/rooms', { id: 'kirkuk', names, memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })).status, 201)
      assert.equal((await call('admin', 'POST', '/api/rooms', { id: 'diyala', names: { ...names, en: 'Diyala room' }, memberOrganizationIds: ['iraqi-army', 'joc'] })).status, 201)
      const unit = async (user: string, name: string, release?: unknown) => {
        const created = await call(user, 'POST', '/api/units', { names: { en: name }, echelon: 'brigade', sidc: 'SFGPUCI----H---', ...(release ? { release } : {}) })
        assert.equal(created.status, 201, JSON.stringify(created.body))
        return created.body.id as string
      }
      units.peshmerga = await unit('pesh.watch', '2nd Peshmerga Brigade')
      units.armyHidden = await unit('army.watch', '52nd Brigade (not released)')
      units.armyShared = await unit('army.commander', '52nd Brigade (released to Peshmerga)', { scope: 'organizations', organizationIds: ['peshmerga'] })
    })
    after(async () => {
      await tansiq.close()
    })

    test('a report is created, read, changed and deleted by its organization, each step audited and published', async () => {
      const operationId = randomUUID()
      const created = await create('pesh.watch', { unitIds: [units.peshmerga, units.armyShared], operationIds: [operationId] })
      assert.equal(created.organizationId, 'peshmerga')
      assert.equal(created.language, 'ar', 'the language is detected when not given')
      assert.equal(created.occurredAt, '2021-06-12T01:30:00.000Z')
      assert.deepEqual(created.location, incident.location)
      assert.equal(created.placeId, 'curated:balkana')
      assert.equal(created.admiraltyCode, 'B2')
      assert.deepEqual(created.unitIds, [units.peshmerga!, units.armyShared!].sort())
      assert.deepEqual(created.operationIds, [operationId])
      assert.deepEqual(created.release, { scope: 'originator', organizationIds: [], roomId: null, releasedTo: ['peshmerga'] })
      assert.equal(created.version, 1)
      assert.deepEqual((await call('pesh.liaison', 'GET', `/api/reports/${created.id}`)).body, created)

      const changed = await call('pesh.watch', 'PATCH', `/api/reports/${created.id}`, { type: 'sigact', informationCredibility: 1, location: null, version: 1 })
      assert.equal(changed.status, 200, JSON.stringify(changed.body))
      assert.equal(changed.body.type, 'sigact')
      assert.equal(changed.body.admiraltyCode, 'B1')
      assert.equal(changed.body.location, null)
      assert.equal(changed.body.body, arabicBody, 'fields not sent are kept')
      assert.equal(changed.body.version, 2)
      const stale = await call('pesh.watch', 'PATCH', `/api/reports/${created.id}`, { title: 'late edit', version: 1 })
      assert.equal(stale.status, 409)
      assert.equal(stale.body.code, 'conflict')

      assert.equal((await call('pesh.watch', 'DELETE', `/api/reports/${created.id}`)).status, 204)
      assert.equal((await call('pesh.watch', 'GET', `/api/reports/${created.id}`)).status, 404)
      assert.deepEqual((await auditActions('pesh.commander', created.id)).sort(), ['report.created', 'report.deleted', 'report.updated'])
      const published = changes.filter((change) => change.id === created.id)
      assert.deepEqual(published.map((change) => change.kind), ['upsert', 'upsert', 'delete'])
      assert.equal(published[0]!.layer, 'reports')
      assert.deepEqual(published[0]!.bbox, [44.8, 34.79, 44.8, 34.79])
      assert.deepEqual(published[2]!.previouslyReleasedTo, ['peshmerga'])
    })

    test('Arabic and Sorani text comes back exactly as written, and its language is recognised', async () => {
      const marks = 'تـــطويل، تشكيل: مَدْرَسَة، نصف فاصلة: می\u200cخوام، علامة اتجاه:\u200f (RLM)\n\tسطر ثانٍ  '
      const arabic = await create('pesh.watch', { title: 'تقرير عربي', body: `${arabicBody}\n${marks}` })
      const sorani = await create('pesh.watch', { title: 'ڕاپۆرتی پێشمەرگە', body: soraniBody })
      const english = await create('pesh.watch', { title: 'Ambush near Qurijay', body: 'An AMBUSH was reported on the road to Qurijay.' })
      const declared = await create('pesh.watch', { title: 'Mixed', body: soraniBody, language: 'ar' })
      for (const [report, body, language] of [[arabic, `${arabicBody}\n${marks}`, 'ar'], [sorani, soraniBody, 'ckb'], [english, 'An AMBUSH was reported on the road to Qurijay.', 'en'], [declared, soraniBody, 'ar']] as const) {
        const read = (await call('pesh.watch', 'GET', `/api/reports/${report.id}`)).body
        assert.equal(read.body, body)
        assert.equal(Buffer.from(read.body).equals(Buffer.from(body)), true, 'byte for byte')
        assert.equal(read.language, language)
      }
      assert.equal(sorani.title, 'ڕاپۆرتی پێشمەرگە')
      const rewritten = await call('pesh.watch', 'PATCH', `/api/reports/${english.id}`, { body: soraniBody })
      assert.equal(rewritten.body.language, 'ckb', 'a new text is read again for its language')

      const search = async (q: string) => ((await call('pesh.watch', 'GET', `/api/reports?q=${encodeURIComponent(q)}`)).body as Report[]).map((report) => report.id)
      assert.ok((await search('ئۆتۆمبێل سووتێنران')).includes(sorani.id), 'Sorani words are found')
      assert.equal((await search('AMBUSH was reported')).includes(english.id), false, 'the rewritten body no longer says so')
      assert.ok((await search('ambush near')).includes(english.id), 'the title still does')
      assert.ok((await search('عجلات')).includes(arabic.id))
      assert.deepEqual(await search('100%_x'), [], 'LIKE wildcards are taken literally')
      const upper = await create('pesh.watch', { title: 'Convoy sighted', body: 'convoy of three vehicles' })
      assert.ok((await search('CONVOY')).includes(upper.id), 'search ignores case')
    })

    test('the words search can read the trigram indexes instead of every report (Arabic words too)', async () => {
      // Planned with sequential scans priced out: what remains is whether the condition can use the indexes at all.
      const plan = await tansiq.database.transaction(async (transaction) => {
        await transaction.query('set local enable_seqscan = off')
        const rows = await transaction.query<{ 'QUERY PLAN': string }>('explain select id from reports r where r.title ilike $1 or r.body ilike $1', ['%بلكانة%'])
        return rows.map((row) => row['QUERY PLAN']).join('\n')
      })
      assert.match(plan, /reports_title_trgm_idx/)
      assert.match(plan, /reports_body_trgm_idx/)
    })

    test('an analyst writes reports of its organization; a viewer cannot, nor can another organization change them', async () => {
      const created = await create('pesh.analyst', { type: 'intelligence', title: 'Statement of the Peshmerga ministry' })
      assert.equal(created.organizationId, 'peshmerga')
      assert.equal((await call('pesh.analyst', 'PATCH', `/api/reports/${created.id}`, { sourceReliability: 'a' })).body.sourceReliability, 'A')
      const viewer = await call('coalition.viewer', 'POST', '/api/reports', incident)
      assert.equal(viewer.status, 403)
      assert.equal(viewer.body.code, 'forbidden')
      assert.equal((await call('army.analyst', 'PATCH', `/api/reports/${created.id}`, { title: 'taken over' })).status, 404, 'not released: it does not exist for them')
      const shared = await call('pesh.commander', 'PUT', `/api/reports/${created.id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })
      assert.equal(shared.status, 200)
      assert.equal((await call('army.analyst', 'PATCH', `/api/reports/${created.id}`, { title: 'taken over' })).status, 403, 'released, but not theirs to change')
      assert.equal((await call('army.analyst', 'DELETE', `/api/reports/${created.id}`)).status, 403)
      assert.equal((await upload('army.analyst', created.id, png, 'image/png')).status, 403)
    })

    test('another organization never sees a report, by id, in lists, in searches or through its attachments, unless it is released', async () => {
      const secret = await create('pesh.watch', { title: 'Qurijay informant', body: 'Informant reports movement near Qurijay caves.', location: { type: 'Point', coordinates: [44.7, 34.85] }, roomId: 'kirkuk' })
      const attached = await upload('pesh.watch', secret.id, png, 'image/png')
      assert.equal(attached.status, 201, JSON.stringify(attached.body))
      const attachmentUrl = `/api/reports/${secret.id}/attachments/${attached.body.id}`
      const layer = tansiq.layers.get('reports')!
      const layerIds = async (organizationId: string) => {
        const ids: string[] = []
        for await (const report of layer.list({ organizationId }, {})) ids.push((report as Report).id)
        return ids
      }
      const visibleTo = async (user: string, organizationId: string) => ({
        byId: (await call(user, 'GET', `/api/reports/${secret.id}`)).status,
        inList: ((await call(user, 'GET', '/api/reports?limit=1000')).body as Report[]).some((report) => report.id === secret.id),
        inSearch: ((await call(user, 'GET', '/api/reports?q=informant')).body as Report[]).some((report) => report.id === secret.id),
        inRoom: ((await call(user, 'GET', '/api/reports?roomId=kirkuk')).body as Report[]).some((report) => report.id === secret.id),
        inBox: ((await call(user, 'GET', '/api/reports?bbox=44.5,34.6,45,35')).body as Report[]).some((report) => report.id === secret.id),
        attachments: (await call(user, 'GET', `/api/reports/${secret.id}/attachments`)).status,
        download: (await tansiq.app.inject({ method: 'GET', url: attachmentUrl, headers: { authorization: await authorization(user) } })).statusCode,
        inLayer: (await layerIds(organizationId)).includes(secret.id),
      })
      const hidden = { byId: 404, inList: false, inSearch: false, inRoom: false, inBox: false, attachments: 404, download: 404, inLayer: false }
      const shown = { byId: 200, inList: true, inSearch: true, inRoom: true, inBox: true, attachments: 200, download: 200, inLayer: true }
      assert.deepEqual(await visibleTo('pesh.liaison', 'peshmerga'), shown)
      assert.deepEqual(await visibleTo('army.watch', 'iraqi-army'), hidden)
      assert.deepEqual(await visibleTo('joc.watch', 'joc'), hidden, 'a room member too: the report is in the room but not released to it')

      assert.equal((await call('pesh.watch', 'PUT', `/api/reports/${secret.id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })).status, 403, 'widening needs the commander')
      assert.equal((await call('pesh.commander', 'PUT', `/api/reports/${secret.id}/release`, { release: { scope: 'organizations', organizationIds: ['iraqi-army'] } })).status, 200)
      assert.deepEqual(await visibleTo('army.watch', 'iraqi-army'), shown)
      assert.deepEqual(await visibleTo('joc.watch', 'joc'), hidden)
      assert.deepEqual((await call('army.watch', 'GET', `/api/reports/${secret.id}`)).body.release, { scope: 'organizations' }, 'the release list is the originator\'s business')

      assert.equal((await call('pesh.watch', 'PUT', `/api/reports/${secret.id}/release`, { release: { scope: 'originator' } })).status, 200, 'narrowing needs no commander')
      assert.deepEqual(await visibleTo('army.watch', 'iraqi-army'), hidden)
      const narrowed = changes.filter((change) => change.id === secret.id).at(-1)!
      assert.deepEqual(narrowed.releasedTo, ['peshmerga'])
      assert.deepEqual([...narrowed.previouslyReleasedTo!].sort(), ['iraqi-army', 'peshmerga'])
      assert.deepEqual((await auditActions('pesh.commander', secret.id)).filter((action) => action === 'report.release-changed').length, 2)
    })

    test('a report released to a room follows the room\'s membership', async () => {
      const roomReport = await create('pesh.commander', { title: 'Room report', roomId: 'kirkuk', release: { scope: 'room', roomId: 'kirkuk' } })
      assert.deepEqual(roomReport.release.releasedTo, ['iraqi-army', 'joc', 'peshmerga'])
      assert.equal((await call('army.watch', 'GET', `/api/reports/${roomReport.id}`)).status, 200)
      assert.equal((await call('cts.liaison', 'GET', `/api/reports/${roomReport.id}`)).status, 404)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc', 'cts'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/reports/${roomReport.id}`)).status, 200)
      assert.equal((await call('cts.liaison', 'GET', `/api/reports/${roomReport.id}/attachments`)).status, 200)
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'joc'] })
      assert.equal((await call('cts.liaison', 'GET', `/api/reports/${roomReport.id}`)).status, 404)
      assert.equal((await call('army.watch', 'GET', `/api/reports/${roomReport.id}`)).status, 404)
      const republished = changes.filter((change) => change.id === roomReport.id).at(-1)!
      assert.deepEqual([...republished.releasedTo], ['joc', 'peshmerga'])
      assert.deepEqual([...republished.previouslyReleasedTo!].sort(), ['cts', 'iraqi-army', 'joc', 'peshmerga'])
      await call('admin', 'PATCH', '/api/rooms/kirkuk', { memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'] })
    })

    test('linked units are shown only to readers who may see them', async () => {
      const linked = await create('army.commander', { unitIds: [units.armyHidden, units.armyShared], release: { scope: 'organizations', organizationIds: ['peshmerga'] } })
      assert.deepEqual(linked.unitIds, [units.armyHidden!, units.armyShared!].sort())
      assert.deepEqual((await call('pesh.watch', 'GET', `/api/reports/${linked.id}`)).body.unitIds, [units.armyShared])
      const published = changes.filter((change) => change.id === linked.id).at(-1)!
      assert.deepEqual((published.data as Report).unitIds, [units.armyShared], 'the live view for others carries only units all recipients may see')
      assert.deepEqual((published.originator!.data as Report).unitIds, [units.armyHidden!, units.armyShared!].sort())
    })

    test('reports are filtered by room, type, time window and box, newest first', async () => {
      const old = await create('pesh.watch', { title: 'Filter probe old', type: 'sigact', occurredAt: '2019-01-01T00:00:00Z', roomId: 'kirkuk', location: { type: 'Polygon', coordinates: [[[44.9, 34.6], [45, 34.6], [45, 34.7], [44.9, 34.6]]] } })
      const recent = await create('pesh.watch', { title: 'Filter probe recent', type: 'sigact', occurredAt: new Date(Date.now() + 5 * 60_000).toISOString(), location: { type: 'MultiPolygon', coordinates: [[[[43.5, 35.7], [43.6, 35.7], [43.6, 35.8], [43.5, 35.7]]]] } })
      const list = async (query: string) => ((await call('pesh.watch', 'GET', `/api/reports?q=filter%20probe&${query}`)).body as Report[]).map((report) => report.id)
      assert.deepEqual(await list('type=sigact'), [recent.id, old.id], 'newest first; a few minutes ahead is clock skew, accepted')
      assert.deepEqual(await list('roomId=kirkuk'), [old.id])
      assert.deepEqual(await list('from=2018-12-31T00:00:00Z&to=2019-01-02T00:00:00Z'), [old.id])
      assert.deepEqual(await list('from=2020-01-01T00:00:00Z'), [recent.id])
      assert.deepEqual(await list('bbox=43,35.5,44,36'), [recent.id])
      assert.deepEqual(await list('type=intelligence'), [])
      assert.deepEqual(await list('limit=1'), [recent.id])
      assert.equal((await call('pesh.watch', 'GET', '/api/reports?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z')).status, 400)
      assert.equal((await call('pesh.watch', 'GET', '/api/reports?bbox=1,2,3')).status, 400)
      assert.equal(old.location?.type, 'Polygon', 'an area stays the geometry it was given')
    })

    test('bad report input is refused with a clear problem and nothing is written', async () => {
      const before = await counts()
      const refused = async (payload: Record<string, unknown>, status: number, detail: RegExp, user = 'pesh.watch') => {
        const response = await call(user, 'POST', '/api/reports', { ...incident, ...payload })
        assert.equal(response.status, status, JSON.stringify(response.body))
        assert.match(response.body.detail, detail)
        assert.equal(response.body.type, `urn:tansiq:error:${response.body.code}`)
      }
      await refused({ occurredAt: new Date(Date.now() + 60 * 60_000).toISOString() }, 400, /more than 10 minutes in the future/)
      await refused({ occurredAt: '2021-06-12T04:30:00' }, 400, /occurredAt/)
      await refused({ unitIds: [randomUUID()] }, 422, /Unknown unit/)
      await refused({ unitIds: [units.peshmerga, units.armyHidden] }, 422, new RegExp(`not released to your organization: ${units.armyHidden}$`))
      await refused({ informationCredibility: 7 }, 400, /information credibility must be an integer 1–6/)
      await refused({ informationCredibility: 0 }, 400, /credibility/)
      await refused({ sourceReliability: 'G' }, 400, /source reliability must be a letter A–F/)
      await refused({ type: 'rumour' }, 400, /type/)
      await refused({ language: 'fa' }, 400, /language/)
      await refused({ title: '   ' }, 400, /title/)
      await refused({ body: 'text with a NUL \u0000 inside' }, 400, /NUL/)
      await refused({ location: { type: 'Polygon', coordinates: [[[44, 34], [45, 35], [45, 34], [44, 35], [44, 34]]] } }, 400, /Self-intersection/)
      await refused({ location: { type: 'Point', coordinates: [200, 34] } }, 400, /location/)
      await refused({ location: { type: 'LineString', coordinates: [[44, 34], [45, 35]] } }, 400, /location/)
      await refused({ roomId: 'diyala' }, 422, /not a member/)
      await refused({ release: { scope: 'room', roomId: 'kirkuk' } }, 403, /commander/)
      await refused({ release: { scope: 'organizations', organizationIds: ['nobody'] } }, 422, /Unknown organization/, 'pesh.commander')
      await refused({ extra: true }, 400, /extra|Unrecognized/)
      const target = await create('pesh.watch')
      const afterCreate = await counts()
      assert.equal((await call('pesh.watch', 'PATCH', `/api/reports/${target.id}`, { unitIds: [units.armyHidden] })).status, 422)
      assert.equal((await call('pesh.watch', 'PATCH', `/api/reports/${target.id}`, { occurredAt: '2999-01-01T00:00:00Z' })).status, 400)
      assert.equal((await call('pesh.watch', 'PATCH', `/api/reports/${target.id}`, { informationCredibility: 7 })).status, 400)
      assert.deepEqual(await counts(), afterCreate)
      assert.equal((await call('pesh.watch', 'GET', `/api/reports/${target.id}`)).body.version, 1, 'the refused changes left the report as it was')
      assert.deepEqual(await counts(), { reports: before.reports + 1, attachments: before.attachments, audit: before.audit + 1 })
    })

    test('an attachment is stored with its SHA-256, listed, downloaded as a file, and audited', async () => {
      const report = await create('pesh.watch')
      const name = 'صورة الموقع — وێنە.png'
      const added = await upload('pesh.watch', report.id, png, 'image/png', { 'x-file-name': encodeURIComponent(name) })
      assert.equal(added.status, 201, JSON.stringify(added.body))
      assert.equal(added.body.fileName, name)
      assert.equal(added.body.contentType, 'image/png')
      assert.equal(added.body.sizeBytes, png.length)
      assert.equal(added.body.sha256, createHash('sha256').update(png).digest('hex'))
      const text = await upload('pesh.analyst', report.id, Buffer.from('ملاحظات الميدان\nتێبینی\n', 'utf8'), 'text/plain; charset=utf-8', {}, `?name=${encodeURIComponent('ملاحظات.txt')}`)
      assert.equal(text.status, 201, JSON.stringify(text.body))
      assert.equal(text.body.fileName, 'ملاحظات.txt')
      const unnamed = await upload('pesh.watch', report.id, jpeg, 'image/jpeg')
      assert.equal(unnamed.body.fileName, 'attachment.jpg')

      const listed = await call('pesh.liaison', 'GET', `/api/reports/${report.id}/attachments`)
      assert.deepEqual(listed.body.map((attachment: { id: string }) => attachment.id), [added.body.id, text.body.id, unnamed.body.id])
      assert.equal((await call('pesh.liaison', 'GET', `/api/reports/${report.id}`)).body.attachmentCount, 3)

      const download = await tansiq.app.inject({ method: 'GET', url: `/api/reports/${report.id}/attachments/${added.body.id}`, headers: { authorization: await authorization('pesh.liaison') } })
      assert.equal(download.statusCode, 200)
      assert.equal(download.rawPayload.equals(png), true)
      assert.equal(download.headers['content-type'], 'image/png')
      assert.equal(download.headers['x-content-type-options'], 'nosniff')
      assert.match(String(download.headers['content-disposition']), /^attachment; filename="[^"]*"; filename\*=UTF-8''/)
      assert.equal(decodeURIComponent(String(download.headers['content-disposition']).split("UTF-8''")[1]!), name)
      const textDownload = await tansiq.app.inject({ method: 'GET', url: `/api/reports/${report.id}/attachments/${text.body.id}`, headers: { authorization: await authorization('pesh.liaison') } })
      assert.equal(textDownload.body, 'ملاحظات الميدان\nتێبینی\n')
      assert.match(String(textDownload.headers['content-type']), /^text\/plain; charset=utf-8/)
      assert.equal((await call('pesh.liaison', 'GET', `/api/reports/${report.id}/attachments/${randomUUID()}`)).status, 404)

      assert.equal((await auditActions('pesh.commander', report.id)).filter((action) => action === 'report.attachment-added').length, 3)
      const published = changes.filter((change) => change.id === report.id).at(-1)!
      assert.equal((published.data as Report).attachmentCount, 3)
    })

    test('bad attachments are refused with a clear problem and nothing is written', async () => {
      const report = await create('pesh.watch')
      const before = await counts()
      const refused = async (result: { status: number; body: { code: string; detail: string } }, status: number, code: string, detail: RegExp) => {
        assert.equal(result.status, status, JSON.stringify(result.body))
        assert.equal(result.body.code, code)
        assert.match(result.body.detail, detail)
      }
      await refused(await upload('pesh.watch', report.id, jpeg, 'image/png'), 415, 'unsupported-media-type', /not image\/png: its bytes are image\/jpeg/)
      await refused(await upload('pesh.watch', report.id, Buffer.from('<html><script>alert(1)</script></html>'), 'image/jpeg'), 415, 'unsupported-media-type', /not image\/jpeg/)
      await refused(await upload('pesh.watch', report.id, Buffer.from('<html></html>'), 'text/html'), 415, 'unsupported-media-type', /text\/html are not accepted/)
      await refused(await upload('pesh.watch', report.id, Buffer.from([0x41, 0x00, 0x42]), 'text/plain'), 415, 'unsupported-media-type', /not text\/plain/)
      await refused(await upload('pesh.watch', report.id, Buffer.from('نص', 'utf8'), 'text/plain; charset=windows-1256'), 415, 'unsupported-media-type', /UTF-8/)
      await refused(await upload('pesh.watch', report.id, Buffer.from('{"a":1}'), 'application/json'), 415, 'unsupported-media-type', /application\/json are not accepted/)
      const oversized = Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)])
      await refused(await upload('pesh.watch', report.id, oversized, 'image/png'), 413, 'payload-too-large', /at most 5242880 bytes/)
      await refused(await upload('pesh.watch', report.id, Readable.from([png, Buffer.alloc(5 * 1024 * 1024)]), 'image/png'), 413, 'payload-too-large', /at most 5242880 bytes/)
      await refused(await upload('pesh.watch', report.id, Buffer.alloc(0), 'image/png'), 400, 'validation-failed', /empty/)
      await refused(await upload('pesh.watch', report.id, png, 'image/png', { 'x-file-name': '..%2F..%2Fetc%2Fpasswd' }), 400, 'validation-failed', /slashes/)
      await refused(await upload('pesh.watch', report.id, png, 'image/png', { 'x-file-name': '%E0%A4%A' }), 400, 'validation-failed', /percent-encoded/)
      await refused(await upload('coalition.viewer', report.id, png, 'image/png'), 403, 'forbidden', /cannot write reports/)
      await refused(await upload('army.watch', report.id, png, 'image/png'), 404, 'not-found', /No report/)
      await refused(await upload('pesh.watch', randomUUID(), png, 'image/png'), 404, 'not-found', /No report/)
      assert.deepEqual(await counts(), before)

      for (let index = 0; index < 10; index++) assert.equal((await upload('pesh.watch', report.id, png, 'image/png')).status, 201)
      const eleventh = await upload('pesh.watch', report.id, png, 'image/png')
      await refused(eleventh, 413, 'payload-too-large', /at most 10 are accepted per report/)
      assert.deepEqual(await counts(), { ...before, attachments: before.attachments + 10, audit: before.audit + 10 })
      assert.equal((await call('pesh.watch', 'DELETE', `/api/reports/${report.id}`)).status, 204)
      assert.equal(await count('report_attachments'), before.attachments, 'attachments go with their report')
    })
  })
}
