import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadPlaceIndex } from './gazetteer-loader.ts'
import { searchPlaceNames, withinOneEdit } from './places-search.ts'
import type { PlaceSearchQuery } from './places-search.ts'

// The shipped gazetteer (23,000 places): the spellings below are those of real reports.
const index = loadPlaceIndex()
const search = (q: string, options: Partial<PlaceSearchQuery> = {}) => searchPlaceNames(index, { q, limit: 10, ...options })
const firstId = (q: string, options: Partial<PlaceSearchQuery> = {}) => search(q, options)[0]?.record.id

const spellings: Array<[phenomenon: string, expectedId: string, queries: string[]]> = [
  ['Arabic diacritics', 'curated:kifri', ['كفري', 'كِفْرِي', 'كَفْري']],
  ['tatweel', 'curated:kifri', ['كـــفـري', 'كفـــري']],
  ['alef and hamza forms', 'curated:erbil', ['أربيل', 'إربيل', 'اربيل', 'آربيل']],
  ['alef and hamza forms', 'curated:jalawla', ['جلولاء', 'جلولا']],
  ['ى and ي', 'curated:diyala', ['ديالى', 'ديالي']],
  ['ى and ي', 'curated:kifri', ['كفرى']],
  ['ة and ه', 'curated:hawija', ['الحويجة', 'الحويجه', 'حويجة']],
  ['spaces inside names', 'curated:tuz-khurmatu', ['طوزخورماتو', 'طوز خورماتو', 'طوز  خورماتو']],
  ['Sorani letters', 'curated:kirkuk', ['کەرکووک', 'كركوك', 'کەرکوک']],
  ['Sorani letters', 'curated:makhmour', ['مەخموور', 'مەخمور', 'مخمور']],
  ['Sorani letters', 'curated:sulaymaniyah', ['سلێمانی', 'السليمانية', 'سليمانية']],
  ['Sorani letters', 'curated:kalar', ['کەلار', 'كلار']],
  ['Sorani letters', 'curated:garmiyan', ['گەرمیان', 'كرميان', 'گرميان']],
  ['Sorani letters', 'curated:dibis', ['دووبز', 'الدبس', 'دبس']],
  ['Sorani letters', 'curated:chamchamal', ['چەمچەماڵ']],
  ['Eastern Arabic and Persian digits', 'wof:1327339463', ['قرية ١٧ اصلاح', 'قرية ۱۷ اصلاح', 'قرية 17 اصلاح', '١٧ اصلاح']],
  ['Eastern Arabic and Persian digits', 'wof:1108562789', ['الثورة ١', 'الثورة ۱', 'الثورة 1']],
  ['Latin transliterations', 'curated:tuz-khurmatu', ['Tuz Khurmatu', 'Tuz Khormato', 'Tooz', 'Touz', 'TUZ KHURMATU', 'tuz-khurmatu']],
  ['Latin transliterations', 'curated:kifri', ['Kifri', 'Kifry', 'Kefri']],
  ['Latin transliterations', 'curated:kirkuk', ['Kirkuk', 'Kerkuk', 'Karkuk']],
  ['Latin transliterations', 'curated:dibis', ['Dibis', 'Dibs', 'Dubz']],
  ['Latin transliterations', 'curated:makhmour', ['Makhmour', 'Makhmur', 'Mexmur', 'Makhmoor']],
  ['Latin transliterations', 'curated:sulaymaniyah', ['Sulaymaniyah', 'Slemani', 'Sulaimaniya', 'Sulaimaniyya']],
  ['Latin transliterations', 'curated:kalar', ['Kalar', 'Kelar']],
  ['Latin transliterations', 'curated:garmiyan', ['Garmiyan', 'Germian', 'Garmyan']],
]

for (const [phenomenon, expectedId, queries] of spellings) {
  test(`${phenomenon}: ${queries.join(' / ')} find ${expectedId} first`, () => {
    for (const query of queries) assert.equal(firstId(query), expectedId, `${query} → ${search(query).map((result) => result.record.id).join(', ')}`)
  })
}

test('the start of a name finds the place it begins', () => {
  assert.equal(firstId('Kirk'), 'curated:kirkuk')
  assert.equal(firstId('طوز خ'), 'curated:tuz-khurmatu')
  assert.equal(firstId('Khanaqi'), 'curated:khanaqin')
  assert.deepEqual(search('سلێما').slice(0, 2).map((result) => result.record.id), ['curated:sulaymaniyah', 'wof:85672475'], 'the city, then its governorate')
  assert.equal(search('Kirk')[0]?.tier, 'fuzzy')
})

test('a misspelled name one letter off still finds the place, as a fuzzy match', () => {
  for (const [query, name] of [['Kirkk', 'Kirkuk'], ['Khanaqn', 'Khanaqin'], ['Tikrt', 'Tikrit'], ['Chamchmal', /^Chamcham[aā]l$/], ['Makhmaur', 'Makhmour'], ['كركوكك', 'Kirkuk']] as const) {
    const [first] = search(query)
    assert.match(first?.record.name ?? '', typeof name === 'string' ? new RegExp(`^${name}$`) : name, `${query} → ${search(query).map((result) => result.record.id).join(', ')}`)
    assert.equal(first?.tier, 'fuzzy')
  }
  // The names a query begins come before the names one letter off it: Sulaymaniyah begins with
  // "Sulaim"; Anbar, once called Dulaim (one letter off), comes after it.
  assert.deepEqual(search('Sulaim', { kind: 'governorate' }).map((result) => [result.record.id, result.tier]), [['wof:85672475', 'fuzzy'], ['curated:anbar', 'fuzzy']])
})

test('exact matches come before normalised before fuzzy, whatever the importance of the places', () => {
  // "Khan" is the exact name of a village, another spelling of other villages, and the start of the district Khanaqin.
  const results = search('Khan', { limit: 30 })
  const tiers = results.map((result) => result.tier)
  assert.equal(tiers[0], 'exact')
  assert.ok(tiers.includes('normalised') && tiers.includes('fuzzy'))
  const khanaqin = results.findIndex((result) => result.record.id === 'curated:khanaqin')
  assert.ok(khanaqin > tiers.lastIndexOf('normalised'), 'the district that only begins with the query comes after every whole-name match')
  const rank = { alias: 3, exact: 2, normalised: 1, fuzzy: 0 }
  for (const query of ['Khan', 'Tooz', 'Kifri', 'كرك', 'Kirkuk', 'Dibs', 'سلێما']) {
    const found = search(query, { limit: 30 })
    for (let i = 1; i < found.length; i++) {
      assert.ok(rank[found[i - 1]!.tier] >= rank[found[i]!.tier], `${query}: ${found[i - 1]!.tier} before ${found[i]!.tier}`)
      assert.ok(found[i - 1]!.score >= found[i]!.score, `${query}: scores follow the order`)
    }
  }
})

test('a curated alias outranks the gazetteer rows of the same name, and a duplicate row of the same place is left out', () => {
  const results = search('Kifri')
  assert.deepEqual(results.slice(0, 2).map((result) => [result.record.id, result.tier]), [['curated:kifri', 'alias'], ['wof:421179701', 'exact']])
  // Who's On First's own Kifri district lies within a few km of the curated one: it is the same place.
  assert.equal(results.filter((result) => result.record.kind === 'district' && result.record.name === 'Kifri').length, 1)
})

test('near breaks the tie between two villages of the same name', () => {
  // Kharbani: one village in Makhmour district (Erbil), one in Halabja, 230 km apart.
  const nearMakhmour = search('خرباني', { near: { lat: 35.78, lon: 43.58 } })
  const nearHalabja = search('خرباني', { near: { lat: 35.18, lon: 45.99 } })
  assert.equal(nearMakhmour[0]?.record.id, 'wof:1310193293')
  assert.equal(nearHalabja[0]?.record.id, 'wof:1310410569')
  assert.ok(nearMakhmour[0]!.distanceKm! < 30 && nearHalabja[0]!.distanceKm! < 30)
  assert.equal(search('خرباني')[0]?.distanceKm, null)
})

test('kind and limit narrow the answer', () => {
  const governorates = search('Kirkuk', { kind: 'governorate' })
  assert.ok(governorates.length >= 1)
  assert.ok(governorates.every((result) => result.record.kind === 'governorate'))
  assert.equal(search('Khan', { limit: 3 }).length, 3)
  assert.deepEqual(search('zzqxv'), [])
})

test('one edit: an inserted, deleted, substituted or swapped letter, and no more', () => {
  assert.ok(withinOneEdit('kirkuk', 'kirkk'))
  assert.ok(withinOneEdit('kirkuk', 'kirkuuk'))
  assert.ok(withinOneEdit('kirkuk', 'kirkik'))
  assert.ok(withinOneEdit('kirkuk', 'kikruk'))
  assert.ok(!withinOneEdit('kirkuk', 'kikrk'))
  assert.ok(!withinOneEdit('kirkuk', 'karkak'))
})
