import { test } from 'node:test'
import assert from 'node:assert/strict'
import { toAsciiDigits } from '../../language/text-normaliser.ts'
import { joinList, renderJointStatement, type JointStatement } from './joint-statement.ts'
import { referenceAfterActionData, referenceFigures } from './after-action-example.ts'
import type { AfterActionReportInput } from './after-action-data.ts'

function ready(statement: JointStatement): { title: string; text: string } {
  assert.equal(statement.status, 'ready', JSON.stringify(statement))
  return statement as { title: string; text: string }
}

/** Every number in a text, digits converted to ASCII, sorted: the same multiset means the same figures and dates. */
const numbersOf = (text: string) => (toAsciiDigits(text).match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b)

test('the statement carries the same numbers in Arabic, Sorani and English', () => {
  const [ar, ckb, en] = (['ar', 'ckb', 'en'] as const).map((locale) => ready(renderJointStatement(referenceAfterActionData(), locale)))
  assert.deepEqual(numbersOf(ar!.text), numbersOf(en!.text))
  assert.deepEqual(numbersOf(ckb!.text), numbersOf(en!.text))
  for (const figure of referenceFigures) if (figure.count !== null) assert.ok(numbersOf(en!.text).includes(figure.count), `${figure.item} ${figure.action}`)
  // Arabic and Sorani write them in Arabic-Indic digits only.
  assert.ok(!/[0-9]/.test(ar!.text) && !/[0-9]/.test(ckb!.text))
  assert.ok(ar!.text.includes('- الأوكار المدمرة: ٢٣'))
  assert.ok(ckb!.text.includes('- شوێنی خۆشاردنەوەی تێکشکێنراو: ٢٣'))
  assert.ok(en!.text.includes('- Hideouts destroyed: 23'))
})

test('the statement names the places with the gazetteer\'s canonical names, district and governorate, in each language', () => {
  const ar = ready(renderJointStatement(referenceAfterActionData(), 'ar')).text
  const ckb = ready(renderJointStatement(referenceAfterActionData(), 'ckb')).text
  const en = ready(renderJointStatement(referenceAfterActionData(), 'en')).text
  assert.ok(ar.includes('منطقة بلكانة وقوريجاي (قضاء طوز خورماتو، محافظة صلاح الدين)'))
  assert.ok(ckb.includes('ناوچەی پلکانە و قۆریچای (قەزای دووزخورماتوو، پارێزگای سەڵاحەدین)'))
  assert.ok(en.includes('the area of Balkana and Qurijay (Tuz Khurmatu district, Salahuddin governorate)'))
  assert.ok(ar.includes('«الأرض السوداء»') && ckb.includes('«زەوی ڕەش»') && en.includes('“Black Earth”'))
})

test('the statement is signed jointly by every participant, coalition support included', () => {
  const en = ready(renderJointStatement(referenceAfterActionData(), 'en')).text
  const signature = en.slice(en.indexOf('Signed jointly:'))
  for (const name of ['Ministry of Peshmerga Affairs', 'Iraqi Army (Ministry of Defence)', 'Coalition liaison']) assert.ok(signature.includes(`\n${name}\n`), name)
  assert.ok(en.includes('with the support of the Coalition liaison'))
  const ar = ready(renderJointStatement(referenceAfterActionData(), 'ar')).text
  assert.ok(ar.slice(ar.indexOf('التوقيع المشترك:')).includes('\nالجيش العراقي (وزارة الدفاع)\n'))
})

test('the statement speaks of results, never of targets or strikes', () => {
  for (const locale of ['ar', 'ckb', 'en'] as const) {
    const { title, text } = ready(renderJointStatement(referenceAfterActionData(), locale))
    assert.doesNotMatch(`${title}\n${text}`, /target|strike|استهداف|ضربة|ضربات|قصف|ئامانج|بۆردومان/i, locale)
  }
})

test('there is no statement while the figures are not agreed by all: the answer says why, in the language asked', () => {
  const data: AfterActionReportInput = { ...referenceAfterActionData(), results: { status: 'not-agreed', reason: 'awaiting-agreement', pendingOrganizationIds: ['coalition'] } }
  const en = renderJointStatement(data, 'en')
  assert.equal(en.status, 'refused')
  assert.ok(en.status === 'refused' && en.explanation.includes('not every participant'))
  assert.deepEqual(en.status === 'refused' && en.pendingOrganizationIds, ['coalition'])
  const ar = renderJointStatement({ ...data, results: { status: 'not-agreed', reason: 'reopened', pendingOrganizationIds: [] } }, 'ar')
  assert.ok(ar.status === 'refused' && ar.explanation.includes('أُعيد فتح'))
  assert.ok(!('text' in ar))
})

test('an operation agreed to have no results says so; dates span days when it ran over several', () => {
  const data = referenceAfterActionData()
  data.results = { status: 'agreed', round: 1, agreedAt: '2021-06-09T10:00:00+03:00', figures: [], agreements: [] }
  data.timeline = [...(data.timeline ?? []).filter((entry) => entry.kind !== 'completed'), { at: '2021-06-08T12:00:00+03:00', kind: 'completed', organizationId: 'peshmerga', by: 'pesh.commander' }]
  const en = ready(renderJointStatement(data, 'en')).text
  assert.ok(en.includes('agreed that the operation had no results to report'))
  assert.ok(en.includes('Between 6 June 2021 and 8 June 2021, forces of'))
})

test('lists are joined as each language joins them', () => {
  assert.equal(joinList(['A', 'B', 'C'], 'en'), 'A, B and C')
  assert.equal(joinList(['بلكانة', 'قوريجاي', 'زنانة'], 'ar'), 'بلكانة وقوريجاي وزنانة')
  assert.equal(joinList(['پلکانە', 'قۆریچای', 'زەنانە'], 'ckb'), 'پلکانە، قۆریچای و زەنانە')
  assert.equal(joinList(['A'], 'en'), 'A')
})
