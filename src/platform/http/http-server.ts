/**
 * The HTTP boundary shared by every capability: Fastify with zod validation and serialisation,
 * the OpenAPI 3.1 document generated from the same schemas, strict UTF-8 JSON bodies, session
 * authentication, CSRF protection for cookie sessions, and one problem+json error serialiser.
 */
import { createHash, randomUUID } from 'node:crypto'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import fastifyCookie from '@fastify/cookie'
import fastifySwagger from '@fastify/swagger'
import {
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Config } from '../config.ts'
import { TansiqError, toProblem, type ErrorCode } from '../errors.ts'
import type { Principal, Role } from '../auth/principal.ts'

/** Name of the HttpOnly session cookie. */
export const sessionCookieName = 'tansiq_session'
/** Header that cookie-authenticated writes must carry, holding the session's CSRF token. */
export const csrfHeaderName = 'x-csrf-token'

/** Resolves a session token to the signed-in user, or null when unknown, expired or revoked. */
export interface SessionResolver {
  resolve(token: string, via: Principal['via']): Promise<Principal | null>
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `public` routes need no session; every other /api route does. */
    access?: 'public'
  }
  interface FastifyRequest {
    principal: Principal | null
  }
}

export type TansiqServer = FastifyInstance<Server, IncomingMessage, ServerResponse, FastifyBaseLogger, ZodTypeProvider>

/** Replies with a registered error as problem+json. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, detail: string, extensions: Record<string, unknown> = {}): FastifyReply {
  const problem = toProblem(code, detail, { instance: request.url.split('?')[0], requestId: request.id, ...extensions })
  return reply.code(problem.status).type('application/problem+json').send(problem)
}

/** A strong ETag for content that does not change while the server runs: its SHA-256, shortened. */
export function contentEtag(content: Buffer): string {
  return `"${createHash('sha256').update(content).digest('base64url').slice(0, 27)}"`
}

/** The signed-in user of a request; throws `unauthenticated` on a public route without one. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new TansiqError('unauthenticated', 'Sign in first: no valid session token was sent')
  return request.principal
}

/** The signed-in user, who must hold one of `allowed` roles. */
export function requireRole(request: FastifyRequest, allowed: readonly Role[]): Principal {
  const principal = requirePrincipal(request)
  if (!allowed.includes(principal.role)) throw new TansiqError('forbidden', `This needs the role ${allowed.join(' or ')}; you are ${principal.role}`)
  return principal
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS'])

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization
  if (!header) return null
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(header.trim())
  return match ? match[1]! : ''
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/** Creates the Fastify instance with Tansiq's HTTP conventions; capabilities add their routes. */
export async function createHttpServer(options: { config: Config; sessions: SessionResolver; version: string }): Promise<TansiqServer> {
  const { config, sessions } = options
  const app = Fastify({
    logger: config.LOG_LEVEL === 'silent' ? false : { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT_BYTES,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>()

  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.decorateRequest('principal', null)

  // JSON bodies must be valid UTF-8: a lenient decoder would silently replace bad bytes.
  app.removeContentTypeParser(['application/json'])
  app.addContentTypeParser(/^application\/([\w.+-]+\+)?json$/, { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let text: string
    try {
      text = strictUtf8.decode(body)
    } catch {
      done(new TansiqError('invalid-encoding', 'The request body contains bytes that are not valid UTF-8'), undefined)
      return
    }
    if (text.trim() === '') {
      done(new TansiqError('malformed-json', 'The request body is empty'), undefined)
      return
    }
    try {
      done(null, JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)))
    } catch (error) {
      done(new TansiqError('malformed-json', `The request body is not valid JSON: ${(error as Error).message}`), undefined)
    }
  })

  await app.register(fastifyCookie)
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Tansiq API', version: options.version, description: 'Joint operations room: shared picture, releasability, movements, operations, audit.' },
      components: { securitySchemes: { session: { type: 'http', scheme: 'bearer' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  })

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  app.addHook('onRequest', async (request, reply) => {
    const bearer = bearerToken(request)
    const cookie = request.cookies[sessionCookieName]
    let principal: Principal | null = null
    if (bearer !== null) {
      principal = bearer ? await sessions.resolve(bearer, 'bearer') : null
      if (!principal) return sendProblem(reply, request, 'session-expired', 'The bearer token is unknown, expired or revoked')
    } else if (cookie) {
      principal = await sessions.resolve(cookie, 'cookie')
    }
    request.principal = principal
    const isPublic = request.is404 || request.routeOptions.config?.access === 'public' || !request.url.startsWith('/api/')
    if (!principal && !isPublic) {
      return sendProblem(reply, request, cookie ? 'session-expired' : 'unauthenticated', cookie ? 'Your session has expired or was revoked; sign in again' : 'Sign in first: send a session cookie or an Authorization: Bearer token')
    }
    if (principal?.via === 'cookie' && !safeMethods.has(request.method) && request.headers[csrfHeaderName] !== principal.csrfToken) {
      return sendProblem(reply, request, 'csrf-rejected', `Writes with a session cookie must carry the ${csrfHeaderName} header returned at login`)
    }
  })

  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, 'route-not-found', `No route ${request.method} ${request.url.split('?')[0]}`))

  app.setErrorHandler((error: FastifyError | TansiqError | Error, request, reply) => {
    if (error instanceof TansiqError) {
      if (error.code === 'too-many-requests' && typeof error.details?.retryAfterSeconds === 'number') reply.header('retry-after', String(error.details.retryAfterSeconds))
      return sendProblem(reply, request, error.code, error.message, error.details ?? {})
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({ path: `${error.validationContext ?? 'body'}${issue.instancePath === '/' ? '' : issue.instancePath}`, message: issue.message }))
      return sendProblem(reply, request, 'validation-failed', issues.map((issue) => `${issue.path}: ${issue.message}`).join('; '), { issues })
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response does not match its schema')
      return sendProblem(reply, request, 'internal', 'The server produced a response that does not match its schema')
    }
    const fastifyError = error as FastifyError
    switch (fastifyError.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(reply, request, 'payload-too-large', `The body exceeds ${request.routeOptions.bodyLimit ?? config.BODY_LIMIT_BYTES} bytes`)
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(reply, request, 'unsupported-media-type', `Content type ${request.headers['content-type'] ?? '(none)'} is not accepted here; send application/json`)
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
        return sendProblem(reply, request, 'malformed-json', fastifyError.message)
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(reply, request, 'validation-failed', 'The Content-Length header does not match the body')
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      return sendProblem(reply, request, 'validation-failed', fastifyError.message)
    }
    request.log.error({ err: error }, 'unhandled error')
    return sendProblem(reply, request, 'internal', 'An internal error occurred; it has been logged with this request id')
  })

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger())

  return app
}
