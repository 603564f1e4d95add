/** Who is acting: the signed-in user behind a request, or an operator at the command line. */

import type { Role } from './roles.ts'

// The roles and who may do what live in roles.ts (pure, shared with the web client).
export { pictureEditorRoles, roles, type Role } from './roles.ts'

/** A signed-in user, as resolved from a session token. */
export interface Principal {
  userId: string
  username: string
  displayName: string
  organizationId: string
  role: Role
  sessionId: string
  csrfToken: string
  /** How the token arrived: cookies need CSRF protection on writes, bearer tokens do not. */
  via: 'cookie' | 'bearer'
}

/** Whoever a change is attributed to in the audit log. */
export interface Actor {
  userId: string | null
  username: string
  organizationId: string | null
  requestId: string | null
}

/** The actor of an HTTP request. */
export function actorOf(principal: Principal, requestId: string): Actor {
  return { userId: principal.userId, username: principal.username, organizationId: principal.organizationId, requestId }
}

/** The actor of a command run by an operator on the server itself. */
export function commandLineActor(command: string): Actor {
  const operator = process.env.SUDO_USER ?? process.env.USER ?? 'operator'
  return { userId: null, username: `cli:${operator}`, organizationId: null, requestId: command }
}
