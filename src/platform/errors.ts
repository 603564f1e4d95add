/**
 * The one error registry: every failure Tansiq reports has a stable code, an HTTP status and a
 * title here. Errors are serialised once, at the HTTP boundary, as RFC 9457 problem+json.
 * Expected domain outcomes (an objection, a conflict finding) are values, not errors.
 */

/** Every error code Tansiq can answer with, its HTTP status and human title. */
export const errorRegistry = {
  'validation-failed': { status: 400, title: 'The request does not match the expected schema' },
  'malformed-json': { status: 400, title: 'The request body is not valid JSON' },
  'invalid-encoding': { status: 400, title: 'The request body is not valid UTF-8' },
  'invalid-geometry': { status: 400, title: 'The geometry is not valid' },
  'notice-too-short': { status: 400, title: 'Less notice than the room requires for this precedence: give a justification' },
  'unauthenticated': { status: 401, title: 'Authentication is required' },
  'invalid-credentials': { status: 401, title: 'Unknown user or wrong password' },
  'session-expired': { status: 401, title: 'The session has expired or was revoked' },
  'forbidden': { status: 403, title: 'Your role or organization does not allow this' },
  'csrf-rejected': { status: 403, title: 'Cross-site request rejected: missing or wrong CSRF token' },
  'account-disabled': { status: 403, title: 'The account is disabled' },
  'not-participant': { status: 403, title: 'Your organization does not take part in this operation' },
  'not-found': { status: 404, title: 'No such resource' },
  'route-not-found': { status: 404, title: 'No such route' },
  'method-not-allowed': { status: 405, title: 'Method not allowed' },
  'conflict': { status: 409, title: 'The request conflicts with the current state' },
  'already-exists': { status: 409, title: 'A resource with this identity already exists' },
  'locked': { status: 409, title: 'Agreed by all and locked: a change needs a new round of agreement' },
  'stale-round': { status: 409, title: 'That round of agreement is no longer the open one' },
  'stale-plan-revision': { status: 409, title: 'The operation\'s plan changed since the revision given: read it again' },
  'approvals-pending': { status: 409, title: 'Not every participating organization has approved the current plan' },
  'results-not-agreed': { status: 409, title: 'The operation\'s results are not agreed by every participant' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported content type' },
  'unprocessable': { status: 422, title: 'The request is well-formed but cannot be applied' },
  'plan-invalid': { status: 422, title: 'The operation\'s plan breaks a planning rule' },
  'upgrade-required': { status: 426, title: 'This endpoint is a WebSocket: send an upgrade request' },
  'too-many-requests': { status: 429, title: 'Too many attempts; wait before trying again' },
  'pdf-renderer-unavailable': { status: 503, title: 'PDF rendering is not available: Chromium is missing or does not start' },
  'not-ready': { status: 503, title: 'Tansiq is starting; try again shortly' },
  'internal': { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>

export type ErrorCode = keyof typeof errorRegistry

/** An error with a registered code; thrown by capabilities, serialised by the HTTP boundary. */
export class TansiqError extends Error {
  readonly code: ErrorCode
  readonly status: number
  readonly details: Record<string, unknown> | undefined

  constructor(code: ErrorCode, detail?: string, details?: Record<string, unknown>) {
    super(detail ?? errorRegistry[code].title)
    this.name = 'TansiqError'
    this.code = code
    this.status = errorRegistry[code].status
    this.details = details
  }
}

/** The RFC 9457 body Tansiq sends for every error. */
export interface ProblemDocument {
  type: string
  title: string
  status: number
  code: ErrorCode
  detail: string
  instance?: string
  requestId?: string
  [extension: string]: unknown
}

/** Shapes a registered error as a problem+json document. */
export function toProblem(code: ErrorCode, detail: string, extensions: Record<string, unknown> = {}): ProblemDocument {
  const entry = errorRegistry[code]
  return { type: `urn:tansiq:error:${code}`, title: entry.title, status: entry.status, code, detail, ...extensions }
}
