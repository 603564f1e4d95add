import { test } from 'node:test'
import assert from 'node:assert/strict'
import { calendarDay, directionOf, formatDate, formatDateTime, formatHourOffset, formatLongDate, formatNumber, formatTime, localiseDigits } from './locale-format.ts'

const morning = '2021-06-06T02:30:00Z' // 05:30 in Baghdad

test('Arabic and Sorani write numbers with Arabic-Indic digits, English with ASCII digits', () => {
  assert.equal(formatNumber(23, 'ar'), '٢٣')
  assert.equal(formatNumber(23, 'ckb'), '٢٣')
  assert.equal(formatNumber(23, 'en'), '23')
  assert.equal(formatNumber(1234, 'ar'), '١٬٢٣٤')
  assert.equal(formatNumber(2.5, 'ckb', { maximumFractionDigits: 1 }), '٢٫٥')
  assert.equal(localiseDigits('H+1:30', 'ar'), 'H+١:٣٠')
  assert.equal(localiseDigits('H+1:30', 'en'), 'H+1:30')
})

test('dates are given in the room\'s time zone, with Iraqi month names and the Sorani ezafe', () => {
  assert.equal(formatDate(morning, 'ar'), '٦ حزيران ٢٠٢١')
  assert.equal(formatDate(morning, 'ckb'), '٦ی حوزەیرانی ٢٠٢١')
  assert.equal(formatDate(morning, 'en'), '6 June 2021')
  assert.equal(formatLongDate(morning, 'ar'), 'الأحد ٦ حزيران ٢٠٢١')
  assert.equal(formatLongDate(morning, 'en'), 'Sunday 6 June 2021')
  assert.equal(formatTime(morning, 'ar'), '٠٥:٣٠')
  assert.equal(formatTime(morning, 'en'), '05:30')
  assert.equal(formatDateTime(morning, 'ckb'), '٦ی حوزەیرانی ٢٠٢١، ٠٥:٣٠')
  assert.equal(formatDateTime(morning, 'en'), '6 June 2021, 05:30')
  // 22:30 UTC on the 5th is already the 6th in Baghdad.
  assert.equal(calendarDay('2021-06-05T22:30:00Z'), '2021-06-06')
  assert.equal(formatTime('2021-06-05T22:30:00Z', 'en', 'UTC'), '22:30')
})

test('offsets from H-hour and writing direction', () => {
  assert.equal(formatHourOffset(-120, 'en'), 'H−2:00')
  assert.equal(formatHourOffset(0, 'ar'), 'H')
  assert.equal(formatHourOffset(90, 'ckb'), 'H+١:٣٠')
  assert.equal(directionOf('ar'), 'rtl')
  assert.equal(directionOf('ckb'), 'rtl')
  assert.equal(directionOf('en'), 'ltr')
})
