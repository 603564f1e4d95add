import { test } from 'node:test'
import assert from 'node:assert/strict'
import { foldLatin } from './latin-folding.ts'

test('transliteration variants of one name share a key', () => {
  assert.equal(foldLatin('Tuz Khurmatu'), foldLatin('Tuz Khormato'))
  assert.equal(foldLatin('Makhmour'), foldLatin('Makhmur'))
  assert.equal(foldLatin('Tooz'), foldLatin('Tuz'))
  assert.equal(foldLatin('Qara Tepe'), foldLatin('Qara Tapa'))
})

test('case, diacritics, apostrophes and the article are ignored', () => {
  assert.equal(foldLatin('Ba‘qūbah'), foldLatin('baqubah'))
  assert.equal(foldLatin('Al-Hawija'), foldLatin('Hawija'))
})
