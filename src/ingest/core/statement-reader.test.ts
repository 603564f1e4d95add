import { test } from 'node:test'
import assert from 'node:assert/strict'
import { readStatement } from './statement-reader.ts'
import { incidentDraftSchema } from './incident-draft-schema.ts'
import { testPlaceIndex } from './test-place-index.ts'

const index = testPlaceIndex()
const read = (text: string, published = '2021-06-07') => readStatement(text, { published }, index)
const results = (text: string, published?: string) => read(text, published).results.map((result) => `${result.item}/${result.action}/${result.count}`).sort()
const actors = (text: string) => read(text).actors.map((actor) => actor.id).sort()

test('a dual noun counts as two', () => {
  assert.deepEqual(results('أحرقت القوة عجلتين للمسلحين'), ['vehicle/burned/2'])
  assert.deepEqual(results('قتل جنديان في الهجوم'), ['security-member/killed/2'])
  assert.deepEqual(results('نفذت الطائرات ضربتين جويتين'), ['airstrike/conducted/2'])
  assert.deepEqual(results('تدمير كهفين لداعش'), ['cave/destroyed/2'])
})

test('one fact repeated in headline and body is one result', () => {
  assert.deepEqual(results('تدمير 7 أوكار لداعش\nوأسفرت العملية عن تدمير سبعة أوكار وثلاثة أنفاق'), ['hideout/destroyed/7', 'tunnel/destroyed/3'])
})

test('vague quantities give a null count, "at least four" gives four', () => {
  assert.deepEqual(results('أسفر الاشتباك عن مقتل عدد من المهاجمين'), ['militant/killed/null'])
  assert.deepEqual(results('The strikes killed at least four ISIS fighters.'), ['militant/killed/4'])
})

test('a cache of ammunition is a cache, not ammunition', () => {
  assert.deepEqual(results('وضبط كدس للعتاد'), ['cache/seized/1'])
  assert.deepEqual(results('destroyed two weapons caches'), ['cache/destroyed/2'])
})

test('found then defused is defused', () => {
  assert.deepEqual(results('وعثرت على عبوتين أخريين قامت بتفكيكهما'), ['ied/defused/2'])
})

test('an exploding IED is not a result, the wounded are', () => {
  assert.deepEqual(results('إصابة ثلاثة من الحشد الشعبي بانفجار عبوة ناسفة'), ['security-member/wounded/3'])
})

test('Sorani verb-final sentences tie items to the verb after them', () => {
  assert.deepEqual(results('شەش تونێل و دوو ئەشکەوتی داعش تێکدران، هەروەها سێ ئۆتۆمبێلی چەکدارەکان سووتێنران'), ['cave/destroyed/2', 'tunnel/destroyed/6', 'vehicle/burned/3'])
  assert.deepEqual(results('دوو پێشمەرگە بریندار بوون'), ['security-member/wounded/2'])
})

test('English passives tie the item to the verb after it', () => {
  assert.deepEqual(results('One Peshmerga fighter was wounded.'), ['security-member/wounded/1'])
})

test('a negated action is no result', () => {
  assert.deepEqual(results('قتلت القوات انتحاريا دون وقوع إصابات بين المواطنين'), ['militant/killed/1'])
})

test('force names in their spellings map to the actor vocabulary', () => {
  assert.deepEqual(actors('قوات البشمركة وقطعات الجيش العراقي وجهاز مكافحة الإرهاب بإسناد طيران التحالف ضد داعـش'), ['coalition', 'iraqi-army', 'iraqi-cts', 'isis', 'peshmerga'])
  assert.deepEqual(actors('هێزەکانی پێشمەرگە و ئاسایش و حەشدی شەعبی'), ['asayish', 'peshmerga', 'pmf'])
  assert.deepEqual(actors('Iraqi F-16s and Federal Police units'), ['federal-police', 'iraqi-air-force'])
})

test('generic "the terrorists" name no actor', () => {
  assert.deepEqual(actors('لمنع عودة الإرهابيين إلى المناطق المتنازع عليها'), [])
})

test('a ministry that only speaks is no actor when others did the work', () => {
  assert.deepEqual(actors('أعلنت وزارة شؤون البيشمركة، اليوم، أن طيران التحالف الدولي دمر مخبأين لداعش'), ['coalition', 'isis'])
  assert.deepEqual(actors('بحث وزير شؤون البيشمركة مع قائد القوات البرية في الجيش العراقي'), ['iraqi-army', 'peshmerga'])
})

test('the operation name is read from quotes after عملية', () => {
  assert.equal(read('انتهاء عملية "فجر الحمرين" التي نفذتها القطعات').operationName, 'فجر الحمرين')
  assert.equal(read('ضمن عمليات «ثأر الشهداء» في المنطقة').operationName, 'ثأر الشهداء')
  assert.equal(read('Iraqi units concluded Operation Desert Lion on Monday').operationName, 'Desert Lion')
  assert.equal(read('لـ"تنظيم الدولة" هجوم').operationName, null)
})

test('evidence offsets point into the original text', () => {
  const text = 'قيادة العمليات: تدمير ٧ أوكار لداعـش في قضاء طوزخورماتو\nنفذت قوات البيشمركة أمس العملية.'
  const draft = read(text)
  const isis = draft.actors.find((actor) => actor.id === 'isis')!
  assert.equal(text.slice(isis.evidence[0]![0], isis.evidence[0]![1]), 'لداعـش')
  const tuz = draft.places.find((place) => place.name === 'Tuz Khurmatu')!
  assert.equal(text.slice(tuz.evidence[0]![0], tuz.evidence[0]![1]), 'طوزخورماتو')
  const hideout = draft.results[0]!
  assert.equal(text.slice(hideout.evidence[0]![0], hideout.evidence[0]![1]), '٧ أوكار')
})

test('event places leave out datelines, reference points and broader districts', () => {
  const draft = read('أربيل – أعلنت البيشمركة أمس تدمير كهف في قرية بلكانة جنوب كفري ضمن قضاء طوزخورماتو')
  assert.deepEqual(draft.eventPlaces.map((place) => place.name), ['Balkana'])
  assert.deepEqual(draft.places.map((place) => place.name).sort(), ['Balkana', 'Erbil', 'Kifri', 'Tuz Khurmatu'])
})

test('odd text never throws and always gives a valid draft', () => {
  for (const text of ['', '   ', '\u0000\u0001', '١٢٣', 'x'.repeat(5000), 'Peshmerga قوات البيشمركة mixed text هێزەکانی پێشمەرگە']) {
    const draft = read(text)
    assert.equal(incidentDraftSchema.safeParse(draft).success, true)
  }
  assert.ok(read('no date here').warnings.some((warning) => warning.includes('no date')))
})
