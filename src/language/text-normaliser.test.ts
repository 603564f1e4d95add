import { test } from 'node:test'
import assert from 'node:assert/strict'
import { compactKey, foldText, normaliseForMatching, toAsciiDigits, toOriginalSpan } from './text-normaliser.ts'

test('harakat, tatweel and hamza forms fold away', () => {
  assert.equal(foldText('الْجَيْشُ'), 'الجيش')
  assert.equal(foldText('داعـــش'), 'داعش')
  assert.equal(foldText('أإآٱ'), 'اااا')
  assert.equal(foldText('مصطفى'), 'مصطفي')
  assert.equal(foldText('عملية'), 'عمليه')
})

test('Persian and Sorani letters fold onto their Arabic base letters', () => {
  assert.equal(foldText('کەرکووک'), 'كهركوك')
  assert.equal(compactKey('کەرکووک'), compactKey('كركوك'))
  assert.equal(compactKey('مەخموور'), compactKey('مخمور'))
  assert.equal(foldText('ئەیلوول'), foldText('أيلول'))
})

test('a name written with or without a space has one compact key', () => {
  assert.equal(compactKey('طوزخورماتو'), compactKey('طوز خورماتو'))
  assert.equal(compactKey('الحويجة'), compactKey('حويجه'))
})

test('Eastern Arabic and Persian digits become ASCII digits', () => {
  assert.equal(toAsciiDigits('٢٠٢١ و ۱۲'), '2021 و 12')
  assert.equal(foldText('٢٢ی'), '22ي')
})

test('zero-width characters are dropped', () => {
  assert.equal(foldText('دا\u200cعش\u200f'), 'داعش')
})

test('offsets of folded text point into the original text', () => {
  const original = 'قال: دَمَّرَت القوات ٣ أوكارٍ لداعـش'
  const normalised = normaliseForMatching(original)
  const start = normalised.text.indexOf('داعش')
  const [from, to] = toOriginalSpan(normalised, start, start + 'داعش'.length)
  assert.equal(original.slice(from, to), 'داعـش')
  const digit = normalised.text.indexOf('3')
  assert.equal(original[normalised.offsets[digit]!], '٣')
})
