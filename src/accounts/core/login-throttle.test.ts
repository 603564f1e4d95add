import { test } from 'node:test'
import assert from 'node:assert/strict'
import { LoginThrottle } from './login-throttle.ts'

const limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowMs: 60_000 }

test('an account is throttled after its allowed failures, until the window passes', () => {
  const throttle = new LoginThrottle(limits)
  for (let i = 0; i < 3; i += 1) {
    assert.equal(throttle.check('pesh.watch', '10.0.0.1', 1000 + i).allowed, true)
    throttle.fail('pesh.watch', '10.0.0.1', 1000 + i)
  }
  const decision = throttle.check('pesh.watch', '10.0.0.9', 2000)
  assert.deepEqual(decision, { allowed: false, scope: 'account', retryAfterMs: 1000 + 60_000 - 2000 })
  assert.equal(throttle.check('pesh.watch', '10.0.0.9', 61_001).allowed, true)
})

test('an address spraying many accounts is throttled by address', () => {
  const throttle = new LoginThrottle(limits)
  for (let i = 0; i < 5; i += 1) throttle.fail(`user${i}`, '10.0.0.2', 100)
  const decision = throttle.check('someone-new', '10.0.0.2', 200)
  assert.equal(decision.allowed, false)
  assert.equal(decision.allowed === false && decision.scope, 'address')
  assert.equal(throttle.check('someone-new', '10.0.0.3', 200).allowed, true)
})

test('a successful login clears the account but not the address', () => {
  const throttle = new LoginThrottle(limits)
  for (let i = 0; i < 3; i += 1) throttle.fail('army.watch', '10.0.0.4', 10)
  throttle.succeed('army.watch')
  assert.equal(throttle.check('army.watch', '10.0.0.5', 20).allowed, true)
  throttle.fail('x', '10.0.0.4', 30)
  throttle.fail('y', '10.0.0.4', 30)
  assert.equal(throttle.check('z', '10.0.0.4', 40).allowed, false)
})
