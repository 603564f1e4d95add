import { test } from 'node:test'
import assert from 'node:assert/strict'
import { detectLanguage, detectLanguageDetailed } from './language-detector.ts'

test('Arabic, Sorani and English statements are told apart', () => {
  assert.equal(detectLanguage('أعلنت قوات البيشمركة تدمير ثلاثة كهوف لداعش في قضاء كفري'), 'ar')
  assert.equal(detectLanguage('هێزەکانی پێشمەرگە دوێنێ سێ ئەشکەوتی داعشیان لە کفری تێکدا'), 'ckb')
  assert.equal(detectLanguage('Peshmerga forces destroyed three ISIS caves near Kifri'), 'en')
})

test('a text half in English and half in Arabic is flagged as mixed', () => {
  const guess = detectLanguageDetailed('Peshmerga forces destroyed three caves near Kifri on Sunday. أعلنت قوات البيشمركة تدمير ثلاثة كهوف لداعش في قضاء كفري')
  assert.equal(guess.mixed, true)
})
