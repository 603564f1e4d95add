/** HTTP routes of the accounts capability: login, logout, the current user, organizations, users. */
import { z } from 'zod'
import type { Config } from '../platform/config.ts'
import { actorOf } from '../platform/auth/principal.ts'
import { TansiqError } from '../platform/errors.ts'
import { requirePrincipal, requireRole, sessionCookieName, type TansiqServer } from '../platform/http/http-server.ts'
import {
  changePasswordBodySchema, createUserBodySchema, loginBodySchema, loginResponseSchema, organizationSchema, updateUserBodySchema, userSchema,
} from './account-schemas.ts'
import type { AccountsService } from './accounts-service.ts'

const userIdParams = z.object({ id: z.string().uuid() }).strict()

/** Registers the accounts routes. */
export function registerAccountsRoutes(app: TansiqServer, accounts: AccountsService, config: Config): void {
  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Sign in; returns a bearer token and sets the session cookie', body: loginBodySchema, response: { 200: loginResponseSchema } },
  }, async (request, reply) => {
    const result = await accounts.login(request.body.username, request.body.password, request.ip, request.id)
    reply.setCookie(sessionCookieName, result.token, {
      httpOnly: true, sameSite: 'strict', secure: config.COOKIE_SECURE, path: '/', expires: result.expiresAt,
    })
    return { ...result, expiresAt: result.expiresAt.toISOString() }
  })

  app.post('/api/auth/logout', {
    schema: { tags: ['accounts'], summary: 'End the current session', response: { 204: z.null() } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request)
    const token = request.headers.authorization?.replace(/^Bearer\s+/, '') ?? request.cookies[sessionCookieName] ?? ''
    await accounts.logout(token, actorOf(principal, request.id))
    reply.clearCookie(sessionCookieName, { path: '/' })
    return reply.code(204).send(null)
  })

  app.get('/api/auth/me', {
    schema: { tags: ['accounts'], summary: 'The signed-in user', response: { 200: userSchema.extend({ csrfToken: z.string() }) } },
  }, async (request) => {
    const principal = requirePrincipal(request)
    return { id: principal.userId, username: principal.username, displayName: principal.displayName, organizationId: principal.organizationId, role: principal.role, disabled: false, csrfToken: principal.csrfToken }
  })

  app.get('/api/organizations', {
    schema: { tags: ['accounts'], summary: 'Organizations taking part in Tansiq', response: { 200: z.array(organizationSchema) } },
  }, async () => accounts.listOrganizations())

  app.get('/api/users', {
    schema: { tags: ['accounts'], summary: 'Users (admins see all, others their own organization)', response: { 200: z.array(userSchema) } },
  }, async (request) => {
    const principal = requirePrincipal(request)
    return accounts.listUsers(principal.role === 'admin' ? undefined : principal.organizationId)
  })

  app.post('/api/users', {
    schema: { tags: ['accounts'], summary: 'Create a user (admin)', body: createUserBodySchema, response: { 201: userSchema } },
  }, async (request, reply) => {
    const principal = requireRole(request, ['admin'])
    const user = await accounts.createUser(actorOf(principal, request.id), request.body)
    return reply.code(201).send(user)
  })

  app.patch('/api/users/:id', {
    schema: { tags: ['accounts'], summary: 'Rename, change the role of, disable or enable a user (admin)', params: userIdParams, body: updateUserBodySchema, response: { 200: userSchema } },
  }, async (request) => {
    const principal = requireRole(request, ['admin'])
    return accounts.updateUser(actorOf(principal, request.id), request.params.id, request.body)
  })

  app.post('/api/users/:id/password', {
    schema: { tags: ['accounts'], summary: 'Set a password (admin, or the user for themself); ends that user\'s sessions', params: userIdParams, body: changePasswordBodySchema, response: { 204: z.null() } },
  }, async (request, reply) => {
    const principal = requirePrincipal(request)
    if (principal.role !== 'admin' && principal.userId !== request.params.id) throw new TansiqError('forbidden', 'Only an administrator may set another user\'s password')
    await accounts.changePassword(actorOf(principal, request.id), request.params.id, request.body.password)
    return reply.code(204).send(null)
  })
}
