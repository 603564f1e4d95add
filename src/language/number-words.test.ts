import { test } from 'node:test'
import assert from 'node:assert/strict'
import { foldText } from './text-normaliser.ts'
import { readQuantity } from './number-words.ts'

const read = (text: string) => readQuantity(foldText(text).split(' '), 0)

test('digits in three scripts are read', () => {
  assert.equal(read('11 عبوة')?.value, 11)
  assert.equal(read('١٢ عبوة')?.value, 12)
  assert.equal(read('۲۷ كانون')?.value, 27)
})

test('Arabic number words in masculine and feminine forms, teens and tens', () => {
  assert.equal(read('سبعة أوكار')?.value, 7)
  assert.equal(read('ثلاث عجلات')?.value, 3)
  assert.equal(read('خمس عشرة عبوة')?.value, 15)
  assert.equal(read('اثنتي عشرة غارة')?.value, 12)
  assert.equal(read('خمسة وعشرين مسلحا')?.value, 25)
  assert.equal(read('وثلاثة أنفاق')?.value, 3)
})

test('Sorani and English number words', () => {
  assert.equal(read('سێ ئۆتۆمبێل')?.value, 3)
  assert.equal(read('پێنج ئەشکەوت')?.value, 5)
  assert.equal(read('twenty-one fighters')?.value, 21)
  assert.equal(read('a dozen bombs')?.value, 12)
})

test('vague quantities count as null', () => {
  assert.equal(read('عدد من المهاجمين')?.value, null)
  assert.equal(read('several tunnels')?.value, null)
  assert.equal(read('چەند بۆمبێک')?.value, null)
  assert.equal(read('العديد من العبوات')?.value, null)
})

test('"at least four" counts as four', () => {
  assert.equal(read('at least four fighters')?.value, 4)
  assert.equal(read('ما لا يقل عن خمسة')?.value, 5)
})
