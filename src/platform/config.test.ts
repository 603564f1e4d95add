import { test } from 'node:test'
import assert from 'node:assert/strict'
import { ConfigError, loadConfig } from './config.ts'

test('defaults give a working laptop configuration on port 8080 with the embedded database', () => {
  const config = loadConfig({})
  assert.equal(config.PORT, 8080)
  assert.equal(config.DATABASE_URL, undefined)
  assert.equal(config.TANSIQ_DATA_DIR, './data')
  assert.equal(config.TANSIQ_DEMO_PASSWORD, 'tansiq-demo')
})

test('the configuration is frozen once parsed', () => {
  const config = loadConfig({ PORT: '9000' })
  assert.equal(config.PORT, 9000)
  assert.throws(() => {
    ;(config as { PORT: number }).PORT = 1
  }, TypeError)
})

test('an invalid value stops with a message naming the variable', () => {
  assert.throws(() => loadConfig({ PORT: 'eighty' }), (error: unknown) => error instanceof ConfigError && /PORT/.test(error.message))
  assert.throws(() => loadConfig({ DATABASE_URL: 'not a url' }), /DATABASE_URL/)
  assert.throws(() => loadConfig({ COOKIE_SECURE: 'maybe' }), /COOKIE_SECURE/)
  assert.throws(() => loadConfig({ NODE_ENV: 'staging' }), /NODE_ENV/)
})

test('unrelated environment variables are ignored and empty ones mean unset', () => {
  const config = loadConfig({ HOME: '/root', PORT: '' })
  assert.equal(config.PORT, 8080)
  assert.equal('HOME' in config, false)
})
