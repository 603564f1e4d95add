import { test } from 'node:test'
import assert from 'node:assert/strict'
import type { IncomingMessage } from 'node:http'
import { takeUrlToken } from './live-routes.ts'

const request = (url: string) => ({ url }) as IncomingMessage

test('a token in the URL of the live endpoint is taken out before anything routes or logs the request', () => {
  const withToken = request('/api/live?token=abcdefghijklmnopqrstuvwxyz&x=1')
  takeUrlToken(withToken)
  assert.equal(withToken.url, '/api/live?x=1')
  const alone = request('/api/live/?token=abcdefghijklmnopqrstuvwxyz')
  takeUrlToken(alone)
  assert.equal(alone.url, '/api/live/')
})

test('other URLs keep their parameters', () => {
  const elsewhere = request('/api/password-reset?token=abcdefghijklmnopqrstuvwxyz')
  takeUrlToken(elsewhere)
  assert.equal(elsewhere.url, '/api/password-reset?token=abcdefghijklmnopqrstuvwxyz')
  const plain = request('/api/live')
  takeUrlToken(plain)
  assert.equal(plain.url, '/api/live')
})
