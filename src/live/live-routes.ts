/**
 * `GET /api/live`: the WebSocket of the live picture. The handler only authenticates and hands the
 * socket to the hub. Authentication is the HTTP session — a bearer token, the session cookie (from
 * Tansiq's own origin only), or, for browsers that cannot set headers on a WebSocket, `?token=`.
 * A token in a URL can end up in logs and proxies' histories, so the parameter is taken out of the
 * URL before Fastify routes or logs the request.
 */
import type { IncomingMessage } from 'node:http'
import fastifyWebsocket from '@fastify/websocket'
import type { FastifyRequest } from 'fastify'
import type { Principal } from '../platform/auth/principal.ts'
import { sendProblem, sessionCookieName, type SessionResolver, type TansiqServer } from '../platform/http/http-server.ts'
import type { LiveHub } from './live-hub.ts'
import { liveLimits } from './live-messages.ts'

export const livePath = '/api/live'

/** Tokens taken out of live request URLs, by request. */
const urlTokens = new WeakMap<IncomingMessage, string>()
/** The credential each accepted live request authenticated with, to check the session again later. */
const credentials = new WeakMap<IncomingMessage, { token: string; via: Principal['via'] }>()

const tokenShape = /^[A-Za-z0-9_-]{20,200}$/

/** Moves a `token` query parameter of a live request out of its URL (so no log shows it) into a side table. */
export function takeUrlToken(request: IncomingMessage): void {
  const url = request.url
  if (!url || !url.includes('token=')) return
  const parsed = new URL(url, 'http://live.invalid')
  if (parsed.pathname !== livePath && parsed.pathname !== `${livePath}/`) return
  const token = parsed.searchParams.get('token')
  if (token === null) return
  parsed.searchParams.delete('token')
  request.url = parsed.pathname + parsed.search
  urlTokens.set(request, token)
}

/** Whether the request's Origin (when a browser sent one) is the host it was sent to. */
function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin
  if (origin === undefined) return true
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}

function headerToken(request: FastifyRequest): string | null {
  const match = /^Bearer\s+(\S+)$/.exec(request.headers.authorization?.trim() ?? '')
  return match ? match[1]! : null
}

/** Registers the WebSocket plugin and `GET /api/live`; closing the server closes every live socket. */
export async function registerLiveRoutes(app: TansiqServer, hub: LiveHub, sessions: SessionResolver): Promise<void> {
  // Before Fastify's own listeners, so the token never reaches its router or its request log.
  app.server.prependListener('upgrade', takeUrlToken)
  app.server.prependListener('request', takeUrlToken)
  // Registered before the plugin's own preClose, which would otherwise wait on clients that never read.
  app.addHook('preClose', async () => hub.close())
  await app.register(fastifyWebsocket, { options: { maxPayload: liveLimits.maxClientMessageBytes } })
  // An upgrade answered with an HTTP error (here, or by the session hook, which runs before the
  // plugin's own cleanup) leaves a socket Node no longer manages: close it, or it stays open.
  // Accepted upgrades are hijacked and never reach onResponse.
  app.addHook('onResponse', async (request) => {
    if (request.raw.headers.upgrade !== undefined) request.raw.socket.destroy()
  })

  app.route({
    method: 'GET',
    url: livePath,
    // Authenticated by the hook below, which also accepts ?token=.
    config: { access: 'public' },
    schema: {
      tags: ['live'],
      summary: 'The live picture over WebSocket (upgrade required)',
      description: 'Authenticate with Authorization: Bearer, the session cookie, or ?token= (browsers). Messages: src/live/live-messages.ts.',
    },
    onRequest: async (request, reply) => {
      let principal = request.principal
      const urlToken = urlTokens.get(request.raw)
      if (!principal && urlToken !== undefined) {
        principal = tokenShape.test(urlToken) ? await sessions.resolve(urlToken, 'bearer') : null
        if (!principal) return sendProblem(reply, request, 'session-expired', 'The token parameter is unknown, expired or revoked')
      }
      const cookie = request.cookies[sessionCookieName]
      if (!principal) {
        return sendProblem(reply, request, cookie ? 'session-expired' : 'unauthenticated', 'Sign in first: send Authorization: Bearer, the session cookie, or ?token=')
      }
      // A cookie is sent by the browser whatever page opens the socket: only Tansiq's own pages may use it.
      if (principal.via === 'cookie' && !sameOrigin(request)) {
        return sendProblem(reply, request, 'csrf-rejected', 'A cookie session may open the live feed only from Tansiq\'s own origin')
      }
      request.principal = principal
      const token = urlToken ?? headerToken(request) ?? cookie ?? ''
      credentials.set(request.raw, { token, via: principal.via })
    },
    handler: async (request, reply) => sendProblem(reply, request, 'upgrade-required', `${livePath} is a WebSocket: send an upgrade request`),
    wsHandler: (socket, request) => {
      const principal = request.principal!
      const credential = credentials.get(request.raw)!
      hub.accept(socket, principal, async () => (await sessions.resolve(credential.token, credential.via)) !== null)
    },
  })
}
