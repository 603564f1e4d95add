// The analyst's screens in a browser. A Peshmerga analyst, working in Arabic, pastes a joint
// operation statement of our own writing, sees what the reader found marked in the text (right to
// left), corrects one field, accepts it and follows the link to the report, which then appears in
// the room. Then, in English, a report is made through the report form: a point picked on the
// map, then a place found by its Arabic spelling, and an attachment with an Arabic file name.
// Screenshots of the review (Arabic) and of the room with the report form (English) go to test-artifacts/.
/// <reference lib="dom" />
import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import type { Browser, Page } from 'playwright-core'
import { artifactPath, launchChromium, newUserContext, signIn, startBrowserTestServer, type BrowserTestServer } from './support/browser.ts'

// Published on Tuesday 11 March 2025: "فجر أمس الاثنين" is Monday the 10th.
const statement = [
  'قيادة العمليات المشتركة: عملية مشتركة تطهّر قرى جنوب كفري',
  'نفّذت قطعات من الجيش العراقي بالتنسيق مع قوات البيشمركة، فجر أمس الاثنين، عملية أمنية مشتركة لتفتيش قرية قوريجاي ووادي زنانة التابعين لقضاء طوز خورماتو، بإسناد من طيران الجيش.',
  'وأسفرت العملية عن تدمير ثلاثة أوكار لعصابات داعش الإرهابية وحرق عجلتين، وضبط عبوتين ناسفتين وتفكيكهما من قبل فرق الهندسة، فضلاً عن العثور على كدس للعتاد يحتوي على ١٢ قذيفة هاون.',
  'وأكدت القيادة أن العمليات ستستمر حتى تطهير المنطقة بالكامل.',
].join('\n')
const headline = 'قيادة العمليات المشتركة: عملية مشتركة تطهّر قرى جنوب كفري'

/** The text of each mark of a field in the statement, in text order. */
async function marksOf(page: Page, field: string): Promise<string[]> {
  return page.locator(`[data-testid="statement-text"] mark[data-field="${field}"]`).allInnerTexts()
}

describe('statement review and the report form', () => {
  let server: BrowserTestServer
  let browser: Browser
  let page: Page
  let acceptedReportId = ''
  const pageErrors: string[] = []

  before(async () => {
    browser = await launchChromium()
    server = await startBrowserTestServer()
    const { authorization } = await server.tansiq.login('admin')
    const room = await server.tansiq.app.inject({
      method: 'POST', url: '/api/rooms', headers: { authorization },
      payload: {
        id: 'kirkuk', names: { en: 'Kirkuk joint operations room', ar: 'غرفة عمليات كركوك المشتركة', ckb: 'ژووری ئۆپەراسیۆنی هاوبەشی کەرکووک' },
        memberOrganizationIds: ['peshmerga', 'iraqi-army', 'joc'],
        areaOfInterest: { type: 'Polygon', coordinates: [[[43.9, 34.2], [45.6, 34.2], [45.6, 35.9], [43.9, 35.9], [43.9, 34.2]]] },
      },
    })
    assert.equal(room.statusCode, 201, room.body)
    page = await (await newUserContext(browser)).newPage()
    page.on('pageerror', (error) => pageErrors.push(error.message))
    // A missing script (e.g. web/dist rebuilt while the test runs) leaves a screen unloaded: say so.
    page.on('response', (response) => { if (response.status() === 404) console.log(`not found: ${response.url()}`) })
  })

  after(async () => {
    await browser?.close()
    await server?.tansiq.close()
  })

  test('an analyst pastes an Arabic statement, sees the highlights, corrects a field and accepts it; the report appears', async () => {
    await signIn(page, server.baseUrl, 'pesh.analyst', 'ar')
    await page.locator('a.room-card[href="/rooms/kirkuk"]').click()
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 })
    await page.locator('#tab-statements').click()
    await page.getByText('لا يوجد بيان بانتظار المراجعة.').waitFor()
    await page.locator('#tabpanel-statements a.button-link').click()

    // Paste and read.
    await page.getByLabel('نص البيان').fill(statement)
    await page.getByLabel('تاريخ النشر').fill('2025-03-11')
    await page.getByLabel('المصدر (اختياري)').fill('خلية الإعلام الأمني')
    await page.getByRole('button', { name: 'اقرأ البيان' }).click()
    await page.locator('[data-testid="statement-text"] mark').first().waitFor({ timeout: 20_000 })
    assert.match(new URL(page.url()).pathname, /^\/rooms\/kirkuk\/statements\/[0-9a-f-]{36}$/)

    // What the reader found is marked in the original text, right to left.
    const text = page.locator('[data-testid="statement-text"]')
    assert.equal(await text.getAttribute('dir'), 'rtl')
    assert.equal(await text.innerText(), statement, 'the statement is shown exactly as pasted')
    assert.deepEqual(await marksOf(page, 'eventPlaces'), ['قوريجاي', 'زنانة'])
    assert.deepEqual(await marksOf(page, 'places'), ['كفري', 'طوز خورماتو'])
    assert.ok((await marksOf(page, 'eventDate')).some((words) => words.includes('أمس')), 'the date words are marked')
    assert.ok((await marksOf(page, 'actors')).includes('الجيش العراقي'))
    assert.ok((await marksOf(page, 'results')).length >= 4)
    const army = await text.locator('mark', { hasText: 'الجيش العراقي' }).boundingBox()
    const peshmerga = await text.locator('mark[data-field="actors"]', { hasText: 'البيشمركة' }).boundingBox()
    assert.ok(army && peshmerga)
    if (Math.abs(army.y - peshmerga.y) < 4) assert.ok(army.x > peshmerga.x, 'on one line, the earlier words are further right')
    await page.getByLabel('تاريخ الحدث').waitFor()
    assert.equal(await page.getByLabel('تاريخ الحدث').inputValue(), '2025-03-10')

    // Army aviation (طيران الجيش) belongs to the army: the analyst unticks the air force.
    assert.ok((await marksOf(page, 'actors')).includes('طيران الجيش'))
    await page.locator('[data-actor="iraqi-air-force"] input').uncheck()
    assert.ok(!(await marksOf(page, 'actors')).includes('طيران الجيش'), 'the highlight follows the correction')
    await page.getByRole('button', { name: 'احفظ التصحيحات' }).click()
    await page.getByText('حُفظت التصحيحات.').waitFor()
    await page.locator('.draft-item', { hasText: 'الحقول المصحّحة: ١' }).waitFor()

    // Accept: grading, title from the headline, released to the Peshmerga only.
    assert.equal(await page.getByLabel('عنوان التقرير').inputValue(), headline)
    await page.getByLabel('موثوقية المصدر').selectOption('B')
    await page.getByLabel('مصداقية المعلومة').selectOption('2')
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: artifactPath('statement-review-ar.png'), fullPage: true })
    await page.getByRole('button', { name: 'اقبل وأنشئ التقرير' }).click()
    const link = page.getByTestId('accepted-report-link')
    await link.waitFor()
    acceptedReportId = /reports\/([0-9a-f-]{36})$/.exec((await link.getAttribute('href')) ?? '')?.[1] ?? ''
    assert.ok(acceptedReportId, 'the link names the report')
    assert.equal(await page.locator('article.draft-review').getAttribute('data-status'), 'accepted')

    // The report, as the server keeps it.
    const { authorization } = await server.tansiq.login('pesh.analyst')
    const stored = await server.tansiq.app.inject({ method: 'GET', url: `/api/reports/${acceptedReportId}`, headers: { authorization } })
    assert.equal(stored.statusCode, 200, stored.body)
    const report = stored.json()
    assert.equal(report.title, headline)
    assert.equal(report.admiraltyCode, 'B2')
    assert.equal(report.placeId, 'curated:qurijay')
    assert.equal(report.roomId, 'kirkuk')
    assert.equal(report.body, statement)
    const draftId = new URL(page.url()).pathname.split('/').pop()
    const draft = (await server.tansiq.app.inject({ method: 'GET', url: `/api/ingest/drafts/${draftId}`, headers: { authorization } })).json()
    assert.deepEqual(draft.correctedFields, ['actors'])
    assert.ok(!draft.corrected.actors.some((actor: { id: string }) => actor.id === 'iraqi-air-force'))

    // The link opens the report; back in the room it is in the list and on the map.
    await link.click()
    await page.locator(`article.report-detail[data-report-id="${acceptedReportId}"]`).waitFor()
    assert.equal(await page.locator('h1.report-title').innerText(), headline)
    await page.getByTestId('report-place').filter({ hasText: 'قوريجاي' }).waitFor()
    await page.getByRole('link', { name: 'العودة إلى الغرفة' }).last().click()
    await page.locator('[data-map-ready="true"]').waitFor({ timeout: 20_000 })
    await page.locator('#tab-reports').click()
    await page.locator(`.report-item[data-report-id="${acceptedReportId}"]`).waitFor({ timeout: 10_000 })
  })

  test('a report made through the form, its place found by its Arabic spelling, appears live (English)', async () => {
    await page.getByRole('button', { name: 'English' }).click()
    assert.equal(await page.getAttribute('html', 'dir'), 'ltr')
    await page.getByRole('button', { name: 'New report' }).click()
    await page.getByLabel('Type').selectOption('sigact')
    await page.getByLabel('Title').fill('IED found beside the Kalar – Kifri road')
    await page.getByLabel('Text', { exact: true }).fill('عثرت مفرزة من البيشمركة على عبوة ناسفة على جانب طريق كلار - كفري وتم تفكيكها دون إصابات.')
    await page.getByLabel('Source reliability').selectOption('C')
    await page.getByLabel('Information credibility').selectOption('3')
    // A look at another tab does not lose the report being written.
    await page.locator('#tab-units').click()
    await page.locator('#tab-reports').click()
    assert.equal(await page.getByLabel('Title').inputValue(), 'IED found beside the Kalar – Kifri road')

    // A point picked on the map…
    await page.getByRole('button', { name: 'Pick on the map' }).click()
    const map = await page.locator('[data-testid="map"]').boundingBox()
    assert.ok(map)
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2)
    await page.getByTestId('report-location').filter({ hasText: 'At a point chosen on the map' }).waitFor()
    assert.notEqual(await page.getByLabel('Latitude').inputValue(), '')
    await page.getByTestId('report-location-marker').waitFor()

    // …then replaced by a place found by its Arabic name, with the keyboard.
    const search = page.getByRole('combobox', { name: 'Find a place' })
    await search.fill('كلار')
    await page.locator('.place-option[data-place-id="curated:kalar"]').waitFor()
    await search.press('Enter')
    await page.getByTestId('report-location').filter({ hasText: 'At Kalar' }).waitFor()
    assert.equal(await page.getByLabel('Latitude').inputValue(), '34.63')

    await page.getByLabel('Attachments (optional)').setInputFiles({ name: 'ملاحظة الميدان.txt', mimeType: 'text/plain', buffer: Buffer.from('صورة الموقع لاحقاً\n', 'utf8') })
    await page.screenshot({ path: artifactPath('report-form-en.png') })
    await page.getByRole('button', { name: 'Create the report' }).click()
    await page.getByText('Report created: IED found beside the Kalar – Kifri road').waitFor({ timeout: 10_000 })
    const detail = page.locator('article.report-detail')
    await detail.getByText('C — fairly reliable').waitFor()
    await detail.getByTestId('report-place').filter({ hasText: 'Kalar' }).waitFor()
    await detail.getByRole('link', { name: 'Download ملاحظة الميدان.txt' }).waitFor()
    await page.screenshot({ path: artifactPath('report-detail-en.png') })

    // The live picture brought it: in the list, counted on the map's reports layer.
    await page.getByRole('button', { name: 'All reports' }).click()
    await page.locator('.report-item', { hasText: 'IED found beside the Kalar – Kifri road' }).waitFor()
    assert.equal(await page.locator('.report-item').count(), 2)
    await page.locator('#tab-layers').click()
    assert.equal(await page.locator('[data-layer-count="reports"]').innerText(), '2')
    assert.deepEqual(pageErrors, [], 'no error in the page')
  })
})
