/**
 * Accounts: organizations, users, roles and sessions. Sessions are random bearer tokens stored
 * by their SHA-256; each carries a CSRF token for cookie-authenticated writes. Every change is
 * audited in the same transaction.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { Config } from '../platform/config.ts'
import type { Database } from '../platform/database/database.ts'
import type { Actor, Principal, Role } from '../platform/auth/principal.ts'
import { TansiqError } from '../platform/errors.ts'
import type { SessionResolver } from '../platform/http/http-server.ts'
import { appendAuditEntry } from '../audit/audit-log.ts'
import type { CreateUserInput, Organization, User } from './account-schemas.ts'
import * as store from './accounts-store.ts'
import { LoginThrottle } from './core/login-throttle.ts'
import { hashPassword, verifyDecoy, verifyPassword } from './password-hashing.ts'

/** SHA-256 of a session token, the form in which sessions are stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface LoginResult {
  token: string
  csrfToken: string
  expiresAt: Date
  user: User
}

export type AccountsService = ReturnType<typeof createAccountsService>

/** Builds the accounts capability over a database. */
export function createAccountsService(options: { database: Database; config: Config; clock?: () => number }) {
  const { database, config } = options
  const clock = options.clock ?? Date.now
  const throttle = new LoginThrottle({
    maxFailuresPerAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
    windowMs: config.LOGIN_WINDOW_MINUTES * 60_000,
  })

  // Resolved sessions are kept for a few seconds so that bursts of requests (searches typed letter
  // by letter, map panning) do not each pay a database round trip. Logout, disabling and password
  // changes clear the cache at once; expiry is checked on every hit.
  const sessionCacheMs = 5000
  const sessionCache = new Map<string, { principal: Omit<Principal, 'via'>; cachedAt: number; expiresAt: number }>()
  const forgetSessions = (userId?: string) => {
    if (userId === undefined) sessionCache.clear()
    else for (const [key, entry] of sessionCache) if (entry.principal.userId === userId) sessionCache.delete(key)
  }

  const sessions: SessionResolver = {
    async resolve(token, via): Promise<Principal | null> {
      const tokenHash = hashToken(token)
      const now = clock()
      const cached = sessionCache.get(tokenHash)
      if (cached && now - cached.cachedAt < sessionCacheMs && now < cached.expiresAt) return { ...cached.principal, via }
      const session = await store.findLiveSession(database, tokenHash)
      if (!session) {
        sessionCache.delete(tokenHash)
        return null
      }
      if (sessionCache.size > 10_000) sessionCache.clear()
      const { via: _via, ...principal } = {
        userId: session.id,
        username: session.username,
        displayName: session.displayName,
        organizationId: session.organizationId,
        role: session.role,
        sessionId: session.sessionId,
        csrfToken: session.csrfToken,
        via,
      }
      sessionCache.set(tokenHash, { principal, cachedAt: now, expiresAt: session.expiresAt.getTime() })
      return { ...principal, via }
    },
  }

  async function requireOrganization(id: string): Promise<void> {
    if (!(await store.organizationExists(database, id))) throw new TansiqError('unprocessable', `Unknown organization ${id}`)
  }

  return {
    sessions,

    /** Checks credentials (throttled per account and address) and opens a session. */
    async login(username: string, password: string, clientAddress: string, requestId: string): Promise<LoginResult> {
      const account = username.trim().toLowerCase()
      const decision = throttle.check(account, clientAddress, clock())
      if (!decision.allowed) {
        const retryAfterSeconds = Math.max(1, Math.ceil(decision.retryAfterMs / 1000))
        throw new TansiqError('too-many-requests', `Too many failed logins for this ${decision.scope}; try again in ${retryAfterSeconds} s`, { retryAfterSeconds })
      }
      const user = await store.findUserByUsername(database, account)
      const valid = user ? await verifyPassword(user.passwordHash, password) : (await verifyDecoy(password), false)
      if (!user || !valid) {
        throttle.fail(account, clientAddress, clock())
        throw new TansiqError('invalid-credentials')
      }
      if (user.disabled) throw new TansiqError('account-disabled', 'This account is disabled; ask an administrator')
      throttle.succeed(account)
      const token = randomBytes(32).toString('base64url')
      const csrfToken = randomBytes(24).toString('base64url')
      const expiresAt = new Date(clock() + config.SESSION_TTL_MINUTES * 60_000)
      const { passwordHash: _passwordHash, ...publicUser } = user
      await database.transaction(async (transaction) => {
        await store.insertSession(transaction, { tokenHash: hashToken(token), userId: user.id, csrfToken, expiresAt, clientAddress })
        await appendAuditEntry(transaction, { userId: user.id, username: user.username, organizationId: user.organizationId, requestId }, {
          action: 'session.opened', objectType: 'user', objectId: user.id, change: { clientAddress, expiresAt: expiresAt.toISOString() },
        })
      })
      return { token, csrfToken, expiresAt, user: publicUser }
    },

    /** Revokes the session of a token. */
    async logout(token: string, actor: Actor): Promise<void> {
      sessionCache.delete(hashToken(token))
      await database.transaction(async (transaction) => {
        if (await store.revokeSession(transaction, hashToken(token))) {
          await appendAuditEntry(transaction, actor, { action: 'session.revoked', objectType: 'user', objectId: actor.userId ?? actor.username, change: {} })
        }
      })
    },

    /** Creates or renames organizations. */
    async ensureOrganizations(actor: Actor, organizations: readonly Organization[]): Promise<void> {
      await database.transaction(async (transaction) => {
        for (const organization of organizations) {
          const inserted = await store.upsertOrganization(transaction, organization)
          await appendAuditEntry(transaction, actor, { action: inserted ? 'organization.created' : 'organization.updated', objectType: 'organization', objectId: organization.id, change: organization, visibleTo: [organization.id] })
        }
      })
    },

    listOrganizations: () => store.listOrganizations(database),
    listUsers: (organizationId?: string) => store.listUsers(database, organizationId),
    findUserByUsername: async (username: string) => {
      const user = await store.findUserByUsername(database, username)
      if (!user) return null
      const { passwordHash: _passwordHash, ...rest } = user
      return rest
    },
    countActiveAdmins: () => store.countActiveAdmins(database),

    /** Creates a user with an argon2id-hashed password. */
    async createUser(actor: Actor, input: CreateUserInput): Promise<User> {
      await requireOrganization(input.organizationId)
      if (await store.findUserByUsername(database, input.username)) throw new TansiqError('already-exists', `The username ${input.username} is taken`)
      const user = { id: randomUUID(), username: input.username, displayName: input.displayName, organizationId: input.organizationId, role: input.role }
      const passwordHash = await hashPassword(input.password)
      await database.transaction(async (transaction) => {
        await store.insertUser(transaction, { ...user, passwordHash })
        await appendAuditEntry(transaction, actor, { action: 'user.created', objectType: 'user', objectId: user.id, change: user, visibleTo: [user.organizationId] })
      })
      return { ...user, disabled: false }
    },

    /** Changes a user's name, role or disabled state; disabling ends their sessions. */
    async updateUser(actor: Actor, userId: string, changes: { displayName?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined }): Promise<User> {
      const before = await store.findUserById(database, userId)
      if (!before) throw new TansiqError('not-found', `No user ${userId}`)
      const losesAdmin = before.role === 'admin' && !before.disabled && (changes.disabled === true || (changes.role !== undefined && changes.role !== 'admin'))
      if (losesAdmin && (await store.countActiveAdmins(database)) <= 1) throw new TansiqError('conflict', 'This is the last enabled administrator; create another one first')
      await database.transaction(async (transaction) => {
        await store.updateUser(transaction, userId, changes)
        if (changes.disabled) await store.revokeUserSessions(transaction, userId)
        forgetSessions(userId)
        await appendAuditEntry(transaction, actor, { action: 'user.updated', objectType: 'user', objectId: userId, change: changes, visibleTo: [before.organizationId] })
      })
      return (await store.findUserById(database, userId))!
    },

    /** Sets a new password and ends the user's sessions. */
    async changePassword(actor: Actor, userId: string, password: string): Promise<void> {
      const user = await store.findUserById(database, userId)
      if (!user) throw new TansiqError('not-found', `No user ${userId}`)
      const passwordHash = await hashPassword(password)
      await database.transaction(async (transaction) => {
        await store.setPasswordHash(transaction, userId, passwordHash)
        await store.revokeUserSessions(transaction, userId)
        forgetSessions(userId)
        await appendAuditEntry(transaction, actor, { action: 'user.password-changed', objectType: 'user', objectId: userId, change: {}, visibleTo: [user.organizationId] })
      })
    },
  }
}
