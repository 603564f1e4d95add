// Issue 5, "Done when": the reference joint operation end to end, through the HTTP API only, on
// both storage backends. Black Earth (الأرض السوداء / زەویی ڕەش) is planned by the Peshmerga (lead)
// with the Iraqi Army and coalition support, proposed, approved by both commanders (a watch officer's
// approval refused on the way); the movements its axes produce go through the deconfliction (the
// CTS, whose sector the Kifri axis crosses, is told and acknowledges); both forces write in the
// live log (one entry with a photo), each receiving the other's entry over a real WebSocket; their
// claims (12 against 15 militants killed, 3 tunnels against "a number of") are shown side by side
// with the discrepancies marked; figures are proposed, agreed by both commanders and locked; then
// the after-action report comes as PDF in Arabic, Sorani and English, its pages looked at as
// images and its text read, and the joint statement gives the same numbers in the three languages.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import WebSocket from 'ws'
import { storageBackends } from '../src/platform/database/test-database.ts'
import { apiCaller, startTestTansiq, type ApiCaller, type TestTansiq } from '../src/server/test-harness.ts'
import { loadConfig } from '../src/platform/config.ts'
import { toAsciiDigits } from '../src/language/text-normaliser.ts'
import { createProposedReferenceOperation, referenceOperationNames, type ProposedReferenceOperation } from '../src/operations/operation-test-fixture.ts'
import { assertPdfPages, describePdfPages, missingPdfTools, pdfChecksSkip, readPdfPages } from '../src/operations/report/pdf-page-checks.ts'
import { createPdfRenderer } from '../src/platform/pdf/pdf-renderer.ts'

type Claim = { item: string; action: string; count: number | 'unspecified' }
type Message = Record<string, unknown>

// A CTS sector across the Peshmerga's Kifri axis, east of the villages: the deconfliction weighs it.
const ctsSector = { type: 'Polygon', coordinates: [[[44.86, 34.72], [44.92, 34.72], [44.92, 34.78], [44.86, 34.78], [44.86, 34.72]]] }

// What each force announced for the same villages.
const peshmergaClaims: Claim[] = [
  { item: 'militant', action: 'killed', count: 12 },
  { item: 'tunnel', action: 'destroyed', count: 3 },
  { item: 'hideout', action: 'destroyed', count: 23 },
  { item: 'vehicle', action: 'burned', count: 4 },
  { item: 'security-member', action: 'wounded', count: 2 },
]
const armyClaims: Claim[] = [
  { item: 'militant', action: 'killed', count: 15 },
  { item: 'tunnel', action: 'destroyed', count: 'unspecified' },
  { item: 'hideout', action: 'destroyed', count: 23 },
  { item: 'security-member', action: 'wounded', count: 2 },
]
// Reconciled: the army's count of the dead (bodies counted at Qurijay), the Peshmerga's tunnels and vehicles.
const agreedFigures: Claim[] = [
  { item: 'militant', action: 'killed', count: 15 },
  { item: 'tunnel', action: 'destroyed', count: 3 },
  { item: 'hideout', action: 'destroyed', count: 23 },
  { item: 'vehicle', action: 'burned', count: 4 },
  { item: 'security-member', action: 'wounded', count: 2 },
]
const agreedNumbers = [2, 3, 4, 15, 23]

/** A small real PNG: a photo of the checkpoint, as far as a test can take one. */
function photoPng(): Buffer {
  const png = new PNG({ width: 24, height: 16 })
  for (let at = 0; at < png.data.length; at += 4) png.data.set([at % 200, 90, 40, 255], at)
  return PNG.sync.write(png)
}

/** A live client over a real socket: every message it received, and a wait for one. */
async function liveClient(url: string, authorization: string) {
  const socket = new WebSocket(url, { headers: { authorization } })
  const messages: Message[] = []
  socket.on('message', (frame) => messages.push(...(JSON.parse(String(frame)) as Message[])))
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return {
    socket,
    messages,
    async waitFor(predicate: (message: Message) => boolean, what: string): Promise<Message> {
      for (const deadline = Date.now() + 10_000; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 20))) {
        const found = messages.find(predicate)
        if (found) return found
      }
      throw new Error(`timed out waiting for ${what}`)
    },
  }
}

const numbersOf = (text: string) => (toAsciiDigits(text).match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b)

// The PDF checks need Chromium and poppler-utils: skipped on a machine without them, a failure in CI.
const chromiumPath = loadConfig({}).TANSIQ_CHROMIUM_PATH
const missingTools = missingPdfTools(createPdfRenderer({ executablePath: chromiumPath }), chromiumPath)

storageBackends().forEach((backend, backendIndex) => {
  describe(`the reference joint operation Black Earth end to end over the API on ${backend}`, { timeout: 120_000 }, () => {
    let tansiq: TestTansiq
    let call: ApiCaller
    let reference: ProposedReferenceOperation
    let liveUrl: string
    let ctsSectorId: string
    let produced: Array<{ id: string; organizationId: string; axisKey: string; status: string; affectedOrganizationIds: string[] }>
    const sockets: WebSocket[] = []
    const id = () => reference.operationId

    before(async () => {
      tansiq = await startTestTansiq(backend, { MOVEMENT_CHECK_SECONDS: '0' })
      liveUrl = `${(await tansiq.app.listen({ port: 0, host: '127.0.0.1' })).replace('http', 'ws')}/api/live`
    })
    after(async () => {
      sockets.forEach((socket) => socket.terminate())
      await tansiq?.close()
    })

    test('planned by the Peshmerga with the army and coalition support, proposed, approved by both commanders (not by a watch officer)', async () => {
      // The room, and a CTS sector the Kifri axis crosses, before the plan.
      call = apiCaller(tansiq)
      const room = await call('admin', 'POST', '/api/rooms', {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
        memberOrganizationIds: ['peshmerga', 'iraqi-army', 'cts', 'joc', 'coalition'],
      })
      assert.equal(room.status, 201, JSON.stringify(room.body))
      const sector = await call('cts.commander', 'POST', '/api/areas', { kind: 'aor', names: { en: 'CTS Kifri road sector', ar: 'قاطع طريق كفري - جهاز مكافحة الإرهاب' }, geometry: ctsSector, roomId: 'kirkuk', validFrom: new Date(Date.now() - 86_400_000).toISOString() })
      assert.equal(sector.status, 201, JSON.stringify(sector.body))
      ctsSectorId = sector.body.id

      reference = await createProposedReferenceOperation(tansiq)
      const proposed = reference.operation
      assert.equal(proposed.status, 'proposed')
      assert.deepEqual(proposed.names, referenceOperationNames)
      assert.deepEqual(proposed.participants.map((participant: { organizationId: string; role: string; approves: boolean }) => [participant.organizationId, participant.role, participant.approves]),
        [['peshmerga', 'lead', true], ['iraqi-army', 'participant', true], ['coalition', 'support', false]])
      assert.deepEqual(proposed.axes.map((axis: { key: string; organizationId: string }) => [axis.key, axis.organizationId]), [['kifri-axis', 'peshmerga'], ['tuz-axis', 'iraqi-army']])
      // The army reads the plan it is asked to approve; the coalition sees it; the CTS, not taking part, does not.
      const byArmy = await call('army.commander', 'GET', `/api/operations/${id()}`)
      assert.equal(byArmy.status, 200)
      assert.deepEqual(byArmy.body.pendingApprovals, ['iraqi-army', 'peshmerga'])
      assert.equal((await call('coalition.viewer', 'GET', `/api/operations/${id()}`)).status, 200)
      assert.equal((await call('cts.commander', 'GET', `/api/operations/${id()}`)).status, 404)

      const byWatchOfficer = await call('army.watch', 'POST', `/api/operations/${id()}/approve`, { planRevision: reference.planRevision })
      assert.equal(byWatchOfficer.status, 403)
      assert.equal(byWatchOfficer.body.code, 'forbidden')
      assert.match(byWatchOfficer.body.detail, /a commander of iraqi-army/)
      const byPeshmerga = await call('pesh.commander', 'POST', `/api/operations/${id()}/approve`, { planRevision: reference.planRevision })
      assert.equal(byPeshmerga.status, 200, JSON.stringify(byPeshmerga.body))
      assert.equal(byPeshmerga.body.status, 'proposed', 'approved by only some participants is not approved')
      assert.deepEqual(byPeshmerga.body.pendingApprovals, ['iraqi-army'])
      assert.deepEqual(byPeshmerga.body.movements, [])
      assert.equal((await call('pesh.commander', 'POST', `/api/operations/${id()}/start`, {})).body.code, 'approvals-pending')
      const byArmyCommander = await call('army.commander', 'POST', `/api/operations/${id()}/approve`, { planRevision: reference.planRevision })
      assert.equal(byArmyCommander.status, 200, JSON.stringify(byArmyCommander.body))
      assert.equal(byArmyCommander.body.status, 'approved')
      assert.deepEqual(byArmyCommander.body.approvals.map((approval: { organizationId: string; approvedBy: string }) => [approval.organizationId, approval.approvedBy]),
        [['peshmerga', 'pesh.commander'], ['iraqi-army', 'army.commander']])
      await tansiq.movements.settled()
    })

    test('the movements its axes produce are deconflicted: the CTS is told of its sector, acknowledges, and the findings are visible', async () => {
      const operation = (await call('pesh.commander', 'GET', `/api/operations/${id()}`)).body
      produced = operation.movements
      assert.deepEqual(produced.map((movement) => [movement.axisKey, movement.organizationId]), [['kifri-axis', 'peshmerga'], ['tuz-axis', 'iraqi-army'], ['kifri-axis', 'peshmerga']])
      const kifri = produced.filter((movement) => movement.axisKey === 'kifri-axis')
      for (const movement of kifri) assert.deepEqual(movement.affectedOrganizationIds, ['cts'])
      const army = produced.find((movement) => movement.axisKey === 'tuz-axis')!
      assert.equal(army.status, 'cleared', 'the army\'s axis meets only objects of the same operation')

      for (const movement of kifri) {
        const byLead = (await call('pesh.watch', 'GET', `/api/movements/${movement.id}`)).body
        assert.equal(byLead.status, 'submitted')
        assert.equal(byLead.operationId, id())
        assert.deepEqual(byLead.findings.map((finding: { counterpart: { type: string; id: string; organizationId: string } }) => [finding.counterpart.type, finding.counterpart.id, finding.counterpart.organizationId]),
          [['area', ctsSectorId, 'cts']])
        const byCts = await call('cts.liaison', 'GET', `/api/movements/${movement.id}`)
        assert.equal(byCts.status, 200, 'the affected organization is told')
        assert.equal(byCts.body.findings.length, 1)
        assert.ok(byCts.body.timeline.some((step: { kind: string; organizationId: string | null }) => step.kind === 'notified' && step.organizationId === 'cts'))
        const acknowledged = await call('cts.liaison', 'POST', `/api/movements/${movement.id}/acknowledge`, { note: 'نقطة تفتيش طريق كفري على علم بالحركة' })
        assert.equal(acknowledged.status, 200, JSON.stringify(acknowledged.body))
        assert.equal(acknowledged.body.status, 'cleared')
      }
      await tansiq.movements.settled()
      const findings = await call('pesh.commander', 'GET', `/api/movements/${kifri[0]!.id}/findings`)
      assert.equal(findings.status, 200)
      assert.equal(findings.body.length, 1)
      const after = (await call('army.watch', 'GET', `/api/operations/${id()}`)).body
      assert.deepEqual(after.movements.map((movement: { status: string }) => movement.status), ['cleared', 'cleared', 'cleared'])
    })

    test('both forces write in the live log, one entry with a photo; each receives the other\'s entry live over a WebSocket', async () => {
      const peshmerga = await liveClient(liveUrl, (await tansiq.login('pesh.watch')).authorization)
      const army = await liveClient(liveUrl, (await tansiq.login('army.watch')).authorization)
      sockets.push(peshmerga.socket, army.socket)
      for (const client of [peshmerga, army]) {
        client.socket.send(JSON.stringify({ type: 'subscribe', layers: ['operations', 'operation-log', 'operation-results'], roomId: 'kirkuk' }))
        await client.waitFor((message) => message.type === 'snapshot-end', 'the snapshot')
      }
      const started = await call('pesh.commander', 'POST', `/api/operations/${id()}/start`, {})
      assert.equal(started.body.status, 'active')

      const photo = photoPng()
      const peshmergaText = 'هێزەکانی پێشمەرگە گەیشتنە نزیک گوندی بەلکانە و بنکەی پشکنینیان دامەزراند'
      const byPeshmerga = await call('pesh.watch', 'POST', `/api/operations/${id()}/log`, {
        text: peshmergaText, location: { type: 'Point', coordinates: [44.82, 34.79] }, unitId: reference.units.peshmerga,
        photo: { contentType: 'image/png', fileName: 'بنکەی-بەلکانە.png', data: photo.toString('base64') },
      })
      assert.equal(byPeshmerga.status, 201, JSON.stringify(byPeshmerga.body))
      const armyText = 'وصلت قطعات اللواء الثاني والخمسين إلى مشارف قرية قوريجاي وبدأت عمليات التفتيش'
      const byArmy = await call('army.watch', 'POST', `/api/operations/${id()}/log`, { text: armyText, location: { type: 'Point', coordinates: [44.79, 34.8] }, unitId: reference.units.army })
      assert.equal(byArmy.status, 201, JSON.stringify(byArmy.body))

      const toArmy = await army.waitFor((message) => message.type === 'delta' && message.layer === 'operation-log' && message.id === byPeshmerga.body.id, 'the Peshmerga entry at the army')
      assert.equal((toArmy.data as { text: string }).text, peshmergaText)
      assert.equal((toArmy.data as { photo: { sizeBytes: number } }).photo.sizeBytes, photo.length)
      const toPeshmerga = await peshmerga.waitFor((message) => message.type === 'delta' && message.layer === 'operation-log' && message.id === byArmy.body.id, 'the army entry at the Peshmerga')
      assert.equal((toPeshmerga.data as { text: string; organizationId: string }).text, armyText)
      assert.equal((toPeshmerga.data as { organizationId: string }).organizationId, 'iraqi-army')

      const download = await tansiq.app.inject({ method: 'GET', url: `/api/operations/${id()}/log/${byPeshmerga.body.id}/photo`, headers: { authorization: (await tansiq.login('army.watch')).authorization } })
      assert.equal(download.statusCode, 200)
      assert.deepEqual(download.rawPayload, photo)
      const log = await call('coalition.viewer', 'GET', `/api/operations/${id()}/log`)
      assert.deepEqual(log.body.map((entry: { organizationId: string }) => entry.organizationId), ['peshmerga', 'iraqi-army'])
    })

    test('conflicting claims are shown side by side with the discrepancies marked; figures proposed and agreed by both commanders are locked', async () => {
      const results = `/api/operations/${id()}/results`
      assert.equal((await call('pesh.watch', 'PUT', `${results}/claims/peshmerga`, { results: peshmergaClaims })).status, 200)
      assert.equal((await call('army.liaison', 'PUT', `${results}/claims/iraqi-army`, { results: armyClaims })).status, 200)
      const table = (await call('coalition.viewer', 'GET', results)).body.claims
      assert.deepEqual(table.organizationIds, ['peshmerga', 'iraqi-army'])
      const row = (key: string) => table.rows.find((candidate: { key: string }) => candidate.key === key)
      assert.deepEqual(row('militant:killed').cells.map((cell: { claim: unknown }) => cell.claim), [12, 15])
      assert.deepEqual(row('militant:killed').discrepancies, [{ kind: 'different-counts', organizationIds: ['peshmerga', 'iraqi-army'] }])
      assert.deepEqual(row('tunnel:destroyed').cells.map((cell: { claim: unknown }) => cell.claim), [3, 'unspecified'])
      assert.deepEqual(row('tunnel:destroyed').discrepancies, [{ kind: 'unspecified-count', organizationIds: ['iraqi-army'] }])
      assert.deepEqual(row('vehicle:burned').discrepancies, [{ kind: 'not-claimed', organizationIds: ['iraqi-army'] }])
      assert.equal(row('hideout:destroyed').consistent, true)
      assert.equal(table.discrepantRows, 3)

      const proposed = await call('pesh.commander', 'POST', `${results}/rounds`, { figures: agreedFigures, note: 'عدد القتلى حسب إحصاء الجيش في قوريجاي، والأنفاق حسب البيشمركة' })
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body))
      const round = proposed.body.openRound
      assert.equal((await call('army.watch', 'POST', `${results}/rounds/${round}/agree`)).body.code, 'forbidden', 'a watch officer does not agree figures')
      const halfway = await call('pesh.commander', 'POST', `${results}/rounds/${round}/agree`)
      assert.equal(halfway.body.locked, false)
      assert.equal(halfway.body.agreed, null)
      const agreed = await call('army.commander', 'POST', `${results}/rounds/${round}/agree`)
      assert.equal(agreed.status, 200, JSON.stringify(agreed.body))
      assert.equal(agreed.body.locked, true)
      assert.deepEqual(agreed.body.agreed.agreements.map((agreement: { organizationId: string; agreedBy: string }) => [agreement.organizationId, agreement.agreedBy]),
        [['peshmerga', 'pesh.commander'], ['iraqi-army', 'army.commander']])
      assert.deepEqual(agreed.body.agreed.figures.map((figure: Claim) => `${figure.item}:${figure.action}=${figure.count}`).sort(),
        agreedFigures.map((figure) => `${figure.item}:${figure.action}=${figure.count}`).sort())
      const edit = await call('army.liaison', 'PUT', `${results}/claims/iraqi-army`, { results: agreedFigures })
      assert.equal(edit.status, 409)
      assert.equal(edit.body.code, 'locked')
      await tansiq.operationResults.settled()
      const completed = await call('pesh.commander', 'POST', `/api/operations/${id()}/complete`, {})
      assert.equal(completed.body.status, 'completed')
    })

    test('the joint statement gives the same agreed numbers in Arabic, Sorani and English', async () => {
      const statements = await Promise.all((['ar', 'ckb', 'en'] as const).map(async (lang) => {
        const answer = await call('army.commander', 'GET', `/api/operations/${id()}/statement?lang=${lang}`)
        assert.equal(answer.status, 200, JSON.stringify(answer.body))
        return answer.body as { text: string; title: string; direction: string }
      }))
      const [ar, ckb, en] = statements as [(typeof statements)[0], (typeof statements)[0], (typeof statements)[0]]
      assert.deepEqual(statements.map((statement) => statement.direction), ['rtl', 'rtl', 'ltr'])
      assert.deepEqual(numbersOf(ar.text), numbersOf(en.text))
      assert.deepEqual(numbersOf(ckb.text), numbersOf(en.text))
      for (const number of agreedNumbers) assert.ok(numbersOf(en.text).includes(number), `${number} in the statement`)
      assert.ok(!numbersOf(en.text).includes(12), 'a figure not agreed is not published')
      // Arabic and Sorani write the figures in Arabic-Indic digits.
      assert.ok(ar.text.includes('١٥') && ar.text.includes('٢٣') && !/[0-9]/.test(ar.text), 'ar: Arabic-Indic digits only')
      assert.ok(ckb.text.includes('١٥') && ckb.text.includes('٢٣') && !/[0-9]/.test(ckb.text), 'ckb: Arabic-Indic digits only')
      assert.ok(ar.text.includes('الأرض السوداء') && ckb.text.includes('زەویی ڕەش') && en.text.includes('Black Earth'))
      assert.match(en.text, /Qurijay[^\n]*\(Tuz Khurmatu district, Salahuddin governorate\)/)
    })

    test('the after-action report as HTML in Arabic, Sorani and English, with the agreed figures in the locale\'s digits', async () => {
      for (const lang of ['ar', 'ckb', 'en'] as const) {
        const html = await tansiq.app.inject({ method: 'GET', url: `/api/operations/${id()}/report.html?lang=${lang}`, headers: { authorization: (await tansiq.login('coalition.viewer')).authorization } })
        assert.equal(html.statusCode, 200)
        assert.match(html.body, new RegExp(`<html lang="${lang}" dir="${lang === 'en' ? 'ltr' : 'rtl'}">`))
        for (const [ascii, indic] of [['15', '١٥'], ['23', '٢٣']]) {
          assert.ok(html.body.includes(`<td class="number count">${lang === 'en' ? ascii : indic}</td>`), `${lang}: the agreed ${ascii} in the HTML report`)
        }
      }
    })

    // Rendering three PDFs in Chromium costs a few seconds; the API and data paths are the same on
    // both backends (the HTML report above is read on each), so the PDFs are rendered on the first only.
    const renderPdfs = backendIndex === 0
    test('the after-action report as PDF in Arabic, Sorani and English: its pages checked as images and its text read', {
      skip: renderPdfs ? pdfChecksSkip(missingTools) : 'PDFs are rendered on the first storage backend only',
    }, async (t) => {
      assert.equal(missingTools, '', `the PDF checks need ${missingTools}`)
      const directory = mkdtempSync(join(tmpdir(), 'tansiq-black-earth-'))
      t.after(() => rmSync(directory, { recursive: true, force: true }))
      const phrases = {
        ar: ['الأرض السوداء', 'تقرير ما بعد العملية', 'النتائج المتفق عليها', 'الأوكار المدمرة', 'الأنفاق المدمرة', 'قوريجاي', 'مشارف قرية قوريجاي'],
        ckb: ['زەویی ڕەش', 'ڕاپۆرتی دوای ئۆپەراسیۆن', 'شوێنی خۆشاردنەوەی تێکشکێنراو', 'قۆریچای', 'گەیشتنە نزیک گوندی بەلکانە'],
        en: ['Black Earth', 'After-action report', 'Hideouts destroyed', 'Qurijay', 'Salahuddin'],
      }
      for (const lang of ['ar', 'ckb', 'en'] as const) {
        const started = performance.now()
        const response = await tansiq.app.inject({ method: 'GET', url: `/api/operations/${id()}/report.pdf?lang=${lang}`, headers: { authorization: (await tansiq.login('pesh.commander')).authorization } })
        assert.equal(response.statusCode, 200, response.body.slice(0, 500))
        assert.equal(response.headers['content-type'], 'application/pdf')
        t.diagnostic(`${lang}: PDF of ${(response.rawPayload.length / 1024).toFixed(0)} KiB in ${Math.round(performance.now() - started)} ms through the API`)
        const pages = readPdfPages(response.rawPayload, directory, `black-earth-${lang}`)
        t.diagnostic(describePdfPages(lang, pages))
        assertPdfPages(pages, lang, { phrases: phrases[lang] })
        const text = pages.compactText
        if (lang === 'en') {
          for (const figure of ['Hideoutsdestroyed23', 'Tunnelsdestroyed3', 'Vehiclesburned4']) assert.ok(text.includes(figure), `en: «${figure}» among the agreed figures`)
          // pdftotext reads this table's cells count first.
          assert.match(text, /15Militantskilled|Militantskilled15/, 'en: 15 militants killed, as agreed')
        } else {
          // The agreed figures in Arabic-Indic digits.
          for (const digits of ['١٥', '٢٣']) assert.ok(text.includes(digits), `${lang}: the agreed figure ${digits} in Arabic-Indic digits`)
        }
      }
    })
  })
})
