import { test } from 'node:test'
import assert from 'node:assert/strict'
import { normaliseForMatching } from '../../language/text-normaliser.ts'
import { tokenise } from '../../language/tokeniser.ts'
import { resolveEventDate } from './date-resolver.ts'

const date = (text: string, published: string) => resolveEventDate(tokenise(normaliseForMatching(text).text), published).date

test('Iraqi, Egyptian, Sorani and English month names give absolute dates', () => {
  assert.equal(date('انطلقت فجر يوم الاثنين 12 تموز 2021 عملية', '2021-07-14'), '2021-07-12')
  assert.equal(date('اعتقلت القوات في ١٥ نوفمبر ٢٠٢١ مطلوبين', '2021-11-20'), '2021-11-15')
  assert.equal(date('ئێوارەی ڕۆژی ٢٢ی ئابی ٢٠٢٢ بۆمبێک تەقییەوە', '2022-08-23'), '2022-08-22')
  assert.equal(date('ڕۆژی یەکشەممە ٦ی حوزەیرانی ٢٠٢١ ئۆپەراسیۆنێک ئەنجامدرا', '2021-06-07'), '2021-06-06')
  assert.equal(date('forces cleared caves on Sunday, April 10, 2022', '2022-04-12'), '2022-04-10')
})

test('a date without a year takes the year of publication, or the year before', () => {
  assert.equal(date('في 3 كانون الثاني اعتقلت القوات', '2023-01-09'), '2023-01-03')
  assert.equal(date('في 30 كانون الأول اعتقلت القوات', '2023-01-09'), '2022-12-30')
})

test('the Kurdish solar calendar converts from Newroz', () => {
  assert.equal(date('لە ١ی خاکەلێوەی ٢٧٢٢ ئۆپەراسیۆنێک دەستیپێکرد', '2022-03-25'), '2022-03-21')
})

test('relative days resolve against the publication date', () => {
  assert.equal(date('أحبطت القوات مساء أمس الجمعة هجوما', '2021-10-16'), '2021-10-15')
  assert.equal(date('نفذت القوات أول أمس الأحد عملية', '2021-11-23'), '2021-11-21')
  assert.equal(date('دوێنێ هێزەکانی پێشمەرگە ئۆپەراسیۆنێکیان ئەنجامدا', '2022-03-14'), '2022-03-13')
  assert.equal(date('ئەمڕۆ هێزەکان گەیشتن', '2022-03-14'), '2022-03-14')
  assert.equal(date('Two soldiers were killed last night', '2022-03-14'), '2022-03-13')
  assert.equal(date('troops cleared the village on Sunday', '2022-04-12'), '2022-04-10')
})

test('the event date beats the announcement date', () => {
  assert.equal(date('أعلنت خلية الإعلام الأمني، اليوم الثلاثاء، أن قطعات الشرطة نفذت أول أمس الأحد عملية تفتيش', '2021-11-23'), '2021-11-21')
  assert.equal(date('The Coalition said on Tuesday that forces conducted an operation on Sunday', '2022-04-12'), '2022-04-10')
})

test('an earlier context event does not give the event date', () => {
  assert.equal(date('اعتقلت القوات أمس ثلاثة مطلوبين. وكانت القوات قد نفذت في 3 أيار 2021 عملية مماثلة', '2021-06-07'), '2021-06-06')
})

test('غداة means the day after the event it names', () => {
  assert.equal(date('قتل جنديان غداة انطلاق العملية. وكانت القوات قد بدأت يوم الخميس 2 أيلول 2021 عملية', '2021-09-04'), '2021-09-03')
})

test('a text without a date gives null and a warning', () => {
  const reading = resolveEventDate(tokenise(normaliseForMatching('بحث الوزير مع قائد القوات البرية تفعيل الغرف المشتركة').text), '2021-05-20')
  assert.equal(reading.date, null)
  assert.ok(reading.warnings.length > 0)
})
