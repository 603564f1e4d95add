import { after, before, describe, test } from 'node:test'
import assert from 'node:assert/strict'
import { storageBackends } from '../platform/database/test-database.ts'
import { startTestTansiq, testPassword, type TestTansiq } from '../server/test-harness.ts'

function assertProblem(response: { statusCode: number; headers: Record<string, unknown>; json(): unknown }, status: number, code: string): void {
  assert.equal(response.statusCode, status, `expected ${status} ${code}, got ${response.statusCode}`)
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/)
  const body = response.json() as { code: string; status: number; type: string; title: string }
  assert.equal(body.code, code)
  assert.equal(body.status, status)
  assert.equal(body.type, `urn:tansiq:error:${code}`)
  assert.ok(body.title)
}

for (const backend of storageBackends()) {
  describe(`accounts and sessions over HTTP on ${backend}`, () => {
    let tansiq: TestTansiq
    before(async () => {
      tansiq = await startTestTansiq(backend, { LOGIN_MAX_FAILURES_PER_ACCOUNT: '3', BODY_LIMIT_BYTES: '4096' })
    })
    after(async () => {
      await tansiq.close()
    })

    test('health answers ok once migrated, without a session', async () => {
      const response = await tansiq.app.inject({ method: 'GET', url: '/api/health' })
      assert.equal(response.statusCode, 200)
      assert.equal(response.json().status, 'ok')
      assert.equal(response.json().storage, backend)
    })

    test('the OpenAPI 3.1 document describes the routes from their schemas', async () => {
      const response = await tansiq.app.inject({ method: 'GET', url: '/api/openapi.json' })
      const document = response.json()
      assert.equal(document.openapi, '3.1.0')
      assert.ok(document.paths['/api/auth/login'].post.requestBody)
      assert.deepEqual(document.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required.sort(), ['password', 'username'])
      assert.ok(document.paths['/api/users'].post)
    })

    test('login returns a token and user and sets an HttpOnly SameSite=Strict cookie', async () => {
      const response = await tansiq.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'pesh.watch', password: testPassword } })
      assert.equal(response.statusCode, 200)
      const body = response.json()
      assert.equal(body.user.username, 'pesh.watch')
      assert.equal(body.user.organizationId, 'peshmerga')
      assert.equal(body.user.role, 'watch-officer')
      assert.ok(body.token.length >= 40)
      const cookie = String(response.headers['set-cookie'])
      assert.match(cookie, /tansiq_session=/)
      assert.match(cookie, /HttpOnly/)
      assert.match(cookie, /SameSite=Strict/)
      assert.equal('passwordHash' in body.user, false)
    })

    test('the token works as a bearer token and as the cookie', async () => {
      const session = await tansiq.login('army.watch')
      const byBearer = await tansiq.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: session.authorization } })
      assert.equal(byBearer.json().username, 'army.watch')
      const byCookie = await tansiq.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session.cookie } })
      assert.equal(byCookie.json().organizationId, 'iraqi-army')
    })

    test('a wrong password is 401 and repeated failures are throttled with Retry-After', async () => {
      const attempt = () => tansiq.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cts.liaison', password: 'wrong-password' } })
      for (let i = 0; i < 3; i += 1) assertProblem(await attempt(), 401, 'invalid-credentials')
      const throttled = await attempt()
      assertProblem(throttled, 429, 'too-many-requests')
      assert.ok(Number(throttled.headers['retry-after']) > 0)
      const evenRight = await tansiq.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'cts.liaison', password: testPassword } })
      assertProblem(evenRight, 429, 'too-many-requests')
    })

    test('an unknown user gets the same answer as a wrong password', async () => {
      const response = await tansiq.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'whatever-password' } })
      assertProblem(response, 401, 'invalid-credentials')
    })

    test('logout revokes the session', async () => {
      const session = await tansiq.login('joc.watch')
      const out = await tansiq.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: session.authorization } })
      assert.equal(out.statusCode, 204)
      assertProblem(await tansiq.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: session.authorization } }), 401, 'session-expired')
    })

    test('an expired session is refused', async () => {
      const session = await tansiq.login('pesh.liaison')
      await tansiq.database.query("update sessions set expires_at = now() - interval '1 minute'")
      assertProblem(await tansiq.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: session.authorization } }), 401, 'session-expired')
    })

    test('no session is 401 and the wrong role is 403', async () => {
      assertProblem(await tansiq.app.inject({ method: 'GET', url: '/api/users' }), 401, 'unauthenticated')
      const viewer = await tansiq.login('coalition.viewer')
      const response = await tansiq.app.inject({
        method: 'POST', url: '/api/users', headers: { authorization: viewer.authorization },
        payload: { username: 'new.user', displayName: 'New', organizationId: 'coalition', role: 'viewer', password: 'long-enough-password' },
      })
      assertProblem(response, 403, 'forbidden')
    })

    test('cookie-authenticated writes need the CSRF token; bearer writes do not', async () => {
      const admin = await tansiq.login('admin')
      const payload = { username: 'csrf.probe', displayName: 'Probe', organizationId: 'joc', role: 'viewer', password: 'long-enough-password' }
      assertProblem(await tansiq.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie }, payload }), 403, 'csrf-rejected')
      assertProblem(await tansiq.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': 'guess' }, payload }), 403, 'csrf-rejected')
      const allowed = await tansiq.app.inject({ method: 'POST', url: '/api/users', headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken }, payload })
      assert.equal(allowed.statusCode, 201)
      const byBearer = await tansiq.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: admin.authorization }, payload: { ...payload, username: 'csrf.probe2' } })
      assert.equal(byBearer.statusCode, 201)
    })

    test('a disabled user cannot sign in and loses open sessions', async () => {
      const admin = await tansiq.login('admin')
      const victim = await tansiq.login('army.liaison')
      const me = (await tansiq.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: victim.authorization } })).json()
      const disable = await tansiq.app.inject({ method: 'PATCH', url: `/api/users/${me.id}`, headers: { authorization: admin.authorization }, payload: { disabled: true } })
      assert.equal(disable.statusCode, 200)
      assert.equal(disable.json().disabled, true)
      assertProblem(await tansiq.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: victim.authorization } }), 401, 'session-expired')
      assertProblem(await tansiq.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'army.liaison', password: testPassword } }), 403, 'account-disabled')
    })

    test('the last administrator cannot be disabled', async () => {
      const admin = await tansiq.login('admin')
      const me = (await tansiq.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: admin.authorization } })).json()
      assertProblem(await tansiq.app.inject({ method: 'PATCH', url: `/api/users/${me.id}`, headers: { authorization: admin.authorization }, payload: { disabled: true } }), 409, 'conflict')
    })

    test('bad input is a 4xx problem+json and never a 500', async () => {
      const admin = await tansiq.login('admin')
      const post = (payload: string, contentType = 'application/json') => tansiq.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: admin.authorization, 'content-type': contentType }, payload })
      assertProblem(await post('{"username": '), 400, 'malformed-json')
      assertProblem(await post(''), 400, 'malformed-json')
      assertProblem(await post(JSON.stringify({ username: 42, displayName: 'x', organizationId: 'joc', role: 'viewer', password: 'long-enough-password' })), 400, 'validation-failed')
      assertProblem(await post(JSON.stringify({ username: 'ok.name', displayName: 'x', organizationId: 'joc', role: 'viewer', password: 'long-enough-password', isAdmin: true })), 400, 'validation-failed')
      assertProblem(await post(JSON.stringify({ username: 'ok.name', displayName: 'x', organizationId: 'joc', role: 'general', password: 'long-enough-password' })), 400, 'validation-failed')
      assertProblem(await post(JSON.stringify({ username: 'ok.name', displayName: 'x'.repeat(5000), organizationId: 'joc', role: 'viewer', password: 'long-enough-password' })), 413, 'payload-too-large')
      const invalidUtf8 = Buffer.concat([Buffer.from('{"username":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')])
      const response = await tansiq.app.inject({ method: 'POST', url: '/api/users', headers: { authorization: admin.authorization, 'content-type': 'application/json' }, payload: invalidUtf8 })
      assertProblem(response, 400, 'invalid-encoding')
      assertProblem(await post('username=x', 'application/x-www-form-urlencoded'), 415, 'unsupported-media-type')
      assertProblem(await post(JSON.stringify({ username: 'unknown.org', displayName: 'x', organizationId: 'no-such-org', role: 'viewer', password: 'long-enough-password' })), 422, 'unprocessable')
    })

    test('an unknown route is a 404 problem+json', async () => {
      assertProblem(await tansiq.app.inject({ method: 'GET', url: '/api/no-such-thing' }), 404, 'route-not-found')
    })

    test('every answer carries a request id', async () => {
      const response = await tansiq.app.inject({ method: 'GET', url: '/api/health' })
      assert.match(String(response.headers['x-request-id']), /^[0-9a-f-]{36}$/)
    })

    test('user changes are in the audit log, visible to the organization concerned', async () => {
      const commander = await tansiq.login('pesh.commander')
      const entries = (await tansiq.app.inject({ method: 'GET', url: '/api/audit?limit=500', headers: { authorization: commander.authorization } })).json() as Array<{ action: string; objectType: string }>
      assert.ok(entries.some((entry) => entry.action === 'user.created'))
      const verify = (await tansiq.app.inject({ method: 'GET', url: '/api/audit/verify', headers: { authorization: commander.authorization } })).json()
      assert.equal(verify.ok, true)
    })
  })
}
