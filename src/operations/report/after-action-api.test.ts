// The after-action report and joint statement of the reference operation over HTTP, on both
// storage backends: read through releasability, figures only once every participant agreed them,
// canonical place names from the gazetteer, the same numbers in the three languages. This server
// has no Chromium (TANSIQ_CHROMIUM_PATH points nowhere), so the PDF route must say so clearly while
// HTML works; the PDF itself is checked in after-action-pdf.test.ts.
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../../platform/database/test-database.ts'
import { startTestTansiq, type TestTansiq } from '../../server/test-harness.ts'
import { toAsciiDigits } from '../../language/text-normaliser.ts'
import { createApprovedReferenceOperation, type ReferenceOperation } from '../operation-test-fixture.ts'

const figures = [
  { item: 'militant', action: 'killed', count: 15 },
  { item: 'tunnel', action: 'destroyed', count: 'unspecified' },
  { item: 'hideout', action: 'destroyed', count: 23 },
  { item: 'vehicle', action: 'burned', count: 4 },
  { item: 'security-member', action: 'wounded', count: 2 },
]
const numbersOf = (text: string) => (toAsciiDigits(text).match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b)

for (const backend of storageBackends()) {
  describe(`after-action report and joint statement over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    let reference: ReferenceOperation
    const get = async (user: string, url: string) => {
      const response = await tansiq.app.inject({ method: 'GET', url, headers: { authorization: (await tansiq.login(user)).authorization } })
      return { status: response.statusCode, headers: response.headers, body: response.body, json: () => response.json() }
    }
    const report = (lang: string, format = 'html') => `/api/operations/${reference.operationId}/report.${format}?lang=${lang}`
    const statement = (lang: string) => `/api/operations/${reference.operationId}/statement?lang=${lang}`

    before(async () => {
      tansiq = await startTestTansiq(backend, { TANSIQ_CHROMIUM_PATH: '/nonexistent/chromium' })
      reference = await createApprovedReferenceOperation(tansiq, { start: true })
      const { call, operationId } = reference
      const logged = await call('army.watch', 'POST', `/api/operations/${operationId}/log`, {
        text: 'وصلت قطعات اللواء ٥٢ إلى مشارف قوريجاي <تأكيد>', location: { type: 'Point', coordinates: [44.78, 34.78] }, unitId: reference.units.army,
      })
      assert.equal(logged.status, 201, JSON.stringify(logged.body))
      assert.equal((await call('pesh.watch', 'POST', `/api/operations/${operationId}/log`, { text: 'هێزەکانی پێشمەرگە گەیشتنە نزیک پلکانە.' })).status, 201)
    })
    after(async () => tansiq?.close())

    test('before any figure is agreed there is no statement, and the report says the figures are not agreed', async () => {
      const refused = await get('pesh.commander', statement('en'))
      assert.equal(refused.status, 409)
      assert.match(String(refused.headers['content-type']), /application\/problem\+json/)
      assert.equal(refused.json().code, 'results-not-agreed')
      assert.equal(refused.json().reason, 'no-claims')
      const html = await get('pesh.commander', report('en'))
      assert.equal(html.status, 200)
      assert.ok(html.body.includes('Figures not agreed'))
    })

    test('once both commanders agree, the statement gives the same figures in Arabic, Sorani and English with the gazetteer\'s names', async () => {
      const { call, operationId } = reference
      const claim = (user: string, organizationId: string, results: unknown[]) => call(user, 'PUT', `/api/operations/${operationId}/results/claims/${organizationId}`, { results })
      assert.equal((await claim('pesh.commander', 'peshmerga', figures.map((figure) => ({ ...figure, count: figure.item === 'militant' ? 12 : figure.count })))).status, 200)
      assert.equal((await claim('army.commander', 'iraqi-army', figures)).status, 200)
      const proposed = await call('pesh.commander', 'POST', `/api/operations/${operationId}/results/rounds`, { figures, note: 'The army count of militants, confirmed by both.' })
      assert.equal(proposed.status, 201, JSON.stringify(proposed.body))
      // One commander alone is not an agreement of all.
      assert.equal((await call('pesh.commander', 'POST', `/api/operations/${operationId}/results/rounds/1/agree`)).status, 200)
      const awaiting = await get('pesh.commander', statement('ar'))
      assert.equal(awaiting.status, 409)
      assert.deepEqual([awaiting.json().reason, awaiting.json().pendingOrganizationIds], ['awaiting-agreement', ['iraqi-army']])
      assert.equal((await call('army.commander', 'POST', `/api/operations/${operationId}/results/rounds/1/agree`)).status, 200)

      const statements = await Promise.all(['ar', 'ckb', 'en'].map(async (lang) => {
        const answer = await get('army.commander', statement(lang))
        assert.equal(answer.status, 200, answer.body)
        return answer.json() as { title: string; text: string; direction: string; agreedRound: number }
      }))
      const [ar, ckb, en] = statements as [typeof statements[0], typeof statements[0], typeof statements[0]]
      assert.deepEqual(numbersOf(ar.text), numbersOf(en.text))
      assert.deepEqual(numbersOf(ckb.text), numbersOf(en.text))
      for (const count of [15, 23, 4, 2]) assert.ok(numbersOf(en.text).includes(count), String(count))
      assert.ok(ar.text.includes('الأوكار المدمرة: ٢٣') && ckb.text.includes('شوێنی خۆشاردنەوەی تێکشکێنراو: ٢٣') && en.text.includes('Hideouts destroyed: 23'))
      assert.deepEqual(statements.map((answer) => answer.direction), ['rtl', 'rtl', 'ltr'])
      assert.equal(en.agreedRound, 1)
      // Qurijay lies inside the objective area: named as the gazetteer names it, with its district and governorate.
      assert.match(ar.text, /قوريجاي[^\n]*\(قضاء طوز خورماتو، محافظة صلاح الدين\)/)
      assert.match(ckb.text, /قۆریچای[^\n]*\(قەزای [^\n]+، پارێزگای سەڵاحەدین\)/)
      assert.match(en.text, /Qurijay[^\n]*\(Tuz Khurmatu district, Salahuddin governorate\)/)
      assert.ok(en.text.includes('Signed jointly:\nMinistry of Peshmerga Affairs\nIraqi Army (Ministry of Defence)\nCoalition liaison\n'))
    })

    test('the HTML report is a self-contained page in the reader\'s language, with the agreed figures and the log', async () => {
      const ar = await get('coalition.viewer', report('ar'))
      assert.equal(ar.status, 200, ar.body)
      assert.match(String(ar.headers['content-type']), /^text\/html; charset=utf-8/)
      assert.match(String(ar.headers['content-security-policy']), /default-src 'none'/)
      assert.equal(ar.headers['cache-control'], 'no-store')
      assert.match(String(ar.headers['content-disposition']), /after-action-black-earth-ar\.html/)
      assert.match(ar.body, /<html lang="ar" dir="rtl">/)
      assert.ok(ar.body.includes('الأرض السوداء'))
      assert.ok(ar.body.includes('<td class="number count">١٥</td>'), 'militants killed in Arabic-Indic digits')
      assert.ok(ar.body.includes('مشارف قوريجاي &lt;تأكيد&gt;'), 'log text escaped')
      assert.ok(ar.body.includes('اللواء 52 - الجيش العراقي'), 'the unit of the log entry, by its Arabic name')
      assert.ok(ar.body.includes('@font-face') && ar.body.includes('data:font/woff2;base64,'))
      assert.ok(ar.body.includes('<svg class="operation-map"'))
      assert.ok(ar.body.includes('>قوريجاي</text>'), 'the map labels the village in Arabic')
      const en = await get('pesh.commander', report('en'))
      assert.ok(en.body.includes('Plan approved') && en.body.includes('army.commander'), 'approvals on the timeline')
      assert.ok(en.body.includes('Figures agreed by all and locked'))
      assert.ok(en.body.includes('Released to:</b> Coalition liaison, Iraqi Army (Ministry of Defence), Ministry of Peshmerga Affairs'))
      const ckb = await get('army.commander', report('ckb'))
      assert.match(ckb.body, /<html lang="ckb" dir="rtl">/)
      assert.ok(ckb.body.includes('هێزەکانی پێشمەرگە گەیشتنە نزیک پلکانە.'))
    })

    test('without Chromium the PDF answers a clear problem telling what to install; HTML still works', async () => {
      const pdf = await get('pesh.commander', report('en', 'pdf'))
      assert.equal(pdf.status, 503)
      assert.match(String(pdf.headers['content-type']), /application\/problem\+json/)
      assert.equal(pdf.json().code, 'pdf-renderer-unavailable')
      assert.match(pdf.json().detail, /apt-get install chromium/)
      assert.match(pdf.json().detail, /TANSIQ_CHROMIUM_PATH/)
    })

    test('an organization the operation is not released to gets not-found for the report, the PDF and the statement', async () => {
      for (const url of [report('en'), report('ar', 'pdf'), statement('en')]) {
        const answer = await get('cts.commander', url)
        assert.equal(answer.status, 404, url)
        assert.equal(answer.json().code, 'not-found')
      }
      const unknown = await get('pesh.commander', '/api/operations/00000000-0000-4000-8000-000000000000/statement?lang=en')
      assert.equal(unknown.status, 404)
    })

    test('a wrong language or id is a validation problem', async () => {
      assert.equal((await get('pesh.commander', report('fr'))).json().code, 'validation-failed')
      assert.equal((await get('pesh.commander', '/api/operations/not-a-uuid/report.html?lang=en')).json().code, 'validation-failed')
      assert.equal((await get('pesh.commander', `/api/operations/${reference.operationId}/statement`)).json().code, 'validation-failed')
    })

    test('figures reopened for a new round are no longer published as agreed', async () => {
      const reopened = await reference.call('army.commander', 'POST', `/api/operations/${reference.operationId}/results/reopen`, { reason: 'Two more hideouts were found the next day.' })
      assert.equal(reopened.status, 200, JSON.stringify(reopened.body))
      const refused = await get('pesh.commander', statement('ckb'))
      assert.equal(refused.status, 409)
      assert.equal(refused.json().reason, 'reopened')
      assert.match(refused.json().detail, /ژمارە ڕێککەوتووەکان کرانەوە/)
      const html = await get('pesh.commander', report('en'))
      assert.ok(html.body.includes('Figures not agreed') && !html.body.includes('Hideouts destroyed'))
      assert.ok(html.body.includes('Figures reopened') && html.body.includes('Two more hideouts were found the next day.'))
    })
  })
}
