import { test } from 'node:test'
import assert from 'node:assert/strict'
import { renderAfterActionReport } from './after-action-report.ts'
import { referenceAfterActionData, referenceFigures } from './after-action-example.ts'
import type { AfterActionReportInput } from './after-action-data.ts'

const notAgreed = (): AfterActionReportInput => ({
  ...referenceAfterActionData(),
  results: { status: 'not-agreed', reason: 'awaiting-agreement', pendingOrganizationIds: ['iraqi-army'] },
})

test('Arabic and Sorani reports are right-to-left documents in their language; the English one left-to-right', () => {
  const ar = renderAfterActionReport(referenceAfterActionData(), 'ar')
  const ckb = renderAfterActionReport(referenceAfterActionData(), 'ckb')
  const en = renderAfterActionReport(referenceAfterActionData(), 'en')
  assert.match(ar, /^<!doctype html>\n<html lang="ar" dir="rtl">/)
  assert.match(ckb, /^<!doctype html>\n<html lang="ckb" dir="rtl">/)
  assert.match(en, /^<!doctype html>\n<html lang="en" dir="ltr">/)
  assert.match(ar, /<h1 class="operation-name"><bdi>الأرض السوداء<\/bdi><\/h1>/)
  assert.match(ckb, /<h1 class="operation-name"><bdi>زەوی ڕەش<\/bdi><\/h1>/)
  assert.match(en, /<h1 class="operation-name"><bdi>Black Earth<\/bdi><\/h1>/)
  assert.ok(ar.includes('تقرير ما بعد العملية'))
  assert.ok(ckb.includes('ڕاپۆرتی دوای ئۆپەراسیۆن'))
  assert.ok(ar.includes('@page { size: A4;'))
})

test('agreed figures are written in the locale\'s digits, militants, security members and civilians apart from materiel', () => {
  const ar = renderAfterActionReport(referenceAfterActionData(), 'ar')
  const en = renderAfterActionReport(referenceAfterActionData(), 'en')
  assert.ok(ar.includes('<td class="number count">٢٣</td>'), 'hideouts destroyed: ٢٣')
  assert.ok(ar.includes('الأوكار المدمرة'))
  assert.ok(ar.includes('الأنفاق المدمرة</td><td class="number">عدد غير محدد</td>'), 'a fact agreed without a number says so')
  assert.ok(en.includes('<td class="number count">23</td>'))
  assert.ok(!/<td class="number count">[0-9]+<\/td>/.test(ar), 'no ASCII digits for figures in Arabic')
  for (const heading of ['المواد والمواقع', 'المسلحون', 'منتسبو القوات الأمنية']) assert.ok(ar.includes(`<h3>${heading}</h3>`), heading)
  assert.ok(!ar.includes('<h3>المدنيون</h3>'), 'no civilian figures were agreed: no civilian table')
  assert.equal((en.match(/class="number count"/g) ?? []).length, referenceFigures.filter((figure) => figure.count !== null).length)
})

test('figures not agreed by everyone are not shown: the report says so and who has not agreed', () => {
  const html = renderAfterActionReport(notAgreed(), 'en')
  assert.ok(html.includes('Figures not agreed'))
  assert.ok(html.includes('Awaiting the agreement of:</b> Iraqi Army (Ministry of Defence)'))
  assert.ok(!html.includes('class="number count"'))
  assert.ok(!html.includes('Hideouts destroyed'))
  const ckb = renderAfterActionReport(notAgreed(), 'ckb')
  assert.ok(ckb.includes('ژمارەکان ڕێککەوتنیان لەسەر نییە'))
})

test('place names come from the gazetteer in the report\'s language, with their district', () => {
  const ar = renderAfterActionReport(referenceAfterActionData(), 'ar')
  const ckb = renderAfterActionReport(referenceAfterActionData(), 'ckb')
  const en = renderAfterActionReport(referenceAfterActionData(), 'en')
  assert.ok(ar.includes('بلكانة') && ar.includes('قوريجاي') && ar.includes('طوز خورماتو') && ar.includes('صلاح الدين'))
  assert.ok(ckb.includes('پلکانە') && ckb.includes('قۆریچای') && ckb.includes('سەڵاحەدین'))
  assert.ok(en.includes('Balkana') && en.includes('Qurijay') && en.includes('Salahuddin'))
  // A place without a Sorani name is shown with its Arabic one, not in Latin letters.
  const data = referenceAfterActionData()
  data.places = data.places.map((place) => place.id === 'curated:zanana' ? { ...place, names: { ...place.names, ckb: null } } : place)
  assert.ok(renderAfterActionReport(data, 'ckb').includes('زنانة'))
})

test('the map is inline SVG: objective areas, axes with arrowheads, place labels in the language, a scale bar', () => {
  const ar = renderAfterActionReport(referenceAfterActionData(), 'ar')
  const svg = ar.slice(ar.indexOf('<svg'), ar.indexOf('</svg>') + 6)
  assert.ok(svg.length > 1000)
  assert.match(svg, /<path d="M[\d.]+ [\d.]+L/, 'the objective area is drawn')
  assert.equal((svg.match(/<polyline /g) ?? []).length, 2, 'two axes')
  assert.match(svg, /marker-end="url\(#arrow-\d\)"/)
  assert.ok(svg.includes('>بلكانة</text>'))
  assert.match(svg, />[٠-٩]+ كم<\/text>/, 'the scale bar speaks Arabic')
})

test('everything a person wrote is escaped, and the page loads nothing from the network', () => {
  const data = referenceAfterActionData()
  data.log = [{ ...data.log[0]!, text: '<script>alert(1)</script> & "quoted"' }]
  data.phases = [{ ...data.phases[0]!, name: '<img src=x onerror=alert(2)>' }]
  data.operation.names = { ...data.operation.names, en: 'Black <b>Earth</b>' }
  const html = renderAfterActionReport(data, 'en', { fontFaceCss: "@font-face { font-family: 'Tansiq Sans'; src: url(data:font/woff2;base64,AAAA) format('woff2'); }" })
  assert.ok(!html.includes('<script>'))
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;'))
  assert.ok(!html.includes('<img'))
  assert.ok(html.includes('Black &lt;b&gt;Earth&lt;/b&gt;'))
  assert.ok(!/(?:src|href)="(?!#)/.test(html), 'no external sources or links')
  assert.ok(!/url\((?!data:|#)/.test(html), 'CSS loads only data: URLs')
  assert.ok(html.includes("default-src 'none'"))
})

test('the report refuses data that does not match its schema', () => {
  const data = referenceAfterActionData() as unknown as { results: unknown }
  data.results = { status: 'agreed', round: 1, agreedAt: 'yesterday', figures: [], agreements: [] }
  assert.throws(() => renderAfterActionReport(data as AfterActionReportInput, 'en'))
})
