/** SQL of the accounts capability: organizations, users and sessions. */
import type { Queryable } from '../platform/database/database.ts'
import type { Role } from '../platform/auth/principal.ts'
import type { Organization, User } from './account-schemas.ts'

interface UserRow {
  id: string
  username: string
  display_name: string
  organization_id: string
  role: Role
  disabled_at: Date | null
  password_hash: string
}

const userColumns = 'id, username, display_name, organization_id, role, disabled_at, password_hash'

function toUser(row: UserRow): User {
  return { id: row.id, username: row.username, displayName: row.display_name, organizationId: row.organization_id, role: row.role, disabled: row.disabled_at !== null }
}

/** Lists organizations in a stable order. */
export async function listOrganizations(database: Queryable): Promise<Organization[]> {
  const rows = await database.query<{ id: string; name_en: string; name_ar: string; name_ckb: string }>('select id, name_en, name_ar, name_ckb from organizations order by id')
  return rows.map((row) => ({ id: row.id, nameEn: row.name_en, nameAr: row.name_ar, nameCkb: row.name_ckb }))
}

/** Creates an organization, or updates its names if it exists; returns whether it was new. */
export async function upsertOrganization(database: Queryable, organization: Organization): Promise<boolean> {
  const rows = await database.query<{ inserted: boolean }>(
    `insert into organizations (id, name_en, name_ar, name_ckb) values ($1, $2, $3, $4)
     on conflict (id) do update set name_en = excluded.name_en, name_ar = excluded.name_ar, name_ckb = excluded.name_ckb
     returning (xmax = 0) as inserted`,
    [organization.id, organization.nameEn, organization.nameAr, organization.nameCkb],
  )
  return rows[0]?.inserted ?? false
}

/** Whether an organization exists. */
export async function organizationExists(database: Queryable, id: string): Promise<boolean> {
  return (await database.query('select 1 from organizations where id = $1', [id])).length > 0
}

/** A user with the stored password hash, by username. */
export async function findUserByUsername(database: Queryable, username: string): Promise<(User & { passwordHash: string }) | null> {
  const [row] = await database.query<UserRow>(`select ${userColumns} from users where username = $1`, [username])
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null
}

/** A user by id. */
export async function findUserById(database: Queryable, id: string): Promise<User | null> {
  const [row] = await database.query<UserRow>(`select ${userColumns} from users where id = $1`, [id])
  return row ? toUser(row) : null
}

/** Users, optionally of one organization, ordered by username. */
export async function listUsers(database: Queryable, organizationId?: string): Promise<User[]> {
  const rows = organizationId
    ? await database.query<UserRow>(`select ${userColumns} from users where organization_id = $1 order by username`, [organizationId])
    : await database.query<UserRow>(`select ${userColumns} from users order by username`)
  return rows.map(toUser)
}

/** Inserts a user. */
export async function insertUser(database: Queryable, user: Omit<User, 'disabled'> & { passwordHash: string }): Promise<void> {
  await database.query(
    'insert into users (id, username, display_name, organization_id, role, password_hash) values ($1, $2, $3, $4, $5, $6)',
    [user.id, user.username, user.displayName, user.organizationId, user.role, user.passwordHash],
  )
}

/** Applies changes to a user's name, role or disabled state. */
export async function updateUser(database: Queryable, id: string, changes: { displayName?: string | undefined; role?: Role | undefined; disabled?: boolean | undefined }): Promise<void> {
  await database.query(
    `update users set display_name = coalesce($2, display_name), role = coalesce($3, role),
       disabled_at = case when $4::boolean is null then disabled_at when $4::boolean then coalesce(disabled_at, now()) else null end
     where id = $1`,
    [id, changes.displayName ?? null, changes.role ?? null, changes.disabled ?? null],
  )
}

/** Replaces a user's password hash. */
export async function setPasswordHash(database: Queryable, id: string, passwordHash: string): Promise<void> {
  await database.query('update users set password_hash = $2, password_changed_at = now() where id = $1', [id, passwordHash])
}

/** Number of enabled administrators. */
export async function countActiveAdmins(database: Queryable): Promise<number> {
  const [row] = await database.query<{ count: number }>("select count(*)::int as count from users where role = 'admin' and disabled_at is null")
  return row?.count ?? 0
}

/** Stores a new session under the hash of its token. */
export async function insertSession(database: Queryable, session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date; clientAddress: string }): Promise<void> {
  await database.query(
    'insert into sessions (token_hash, user_id, csrf_token, expires_at, client_address) values ($1, $2, $3, $4, $5)',
    [session.tokenHash, session.userId, session.csrfToken, session.expiresAt, session.clientAddress],
  )
}

/** The live session of a token hash joined with its enabled user, or null. */
export async function findLiveSession(database: Queryable, tokenHash: string): Promise<(User & { csrfToken: string; sessionId: string; expiresAt: Date }) | null> {
  const [row] = await database.query<UserRow & { csrf_token: string; token_hash: string; expires_at: Date }>(
    `select u.id, u.username, u.display_name, u.organization_id, u.role, u.disabled_at, u.password_hash, s.csrf_token, s.token_hash, s.expires_at
     from sessions s join users u on u.id = s.user_id
     where s.token_hash = $1 and s.revoked_at is null and s.expires_at > now() and u.disabled_at is null`,
    [tokenHash],
  )
  return row ? { ...toUser(row), csrfToken: row.csrf_token, sessionId: row.token_hash.slice(0, 16), expiresAt: new Date(row.expires_at) } : null
}

/** Revokes one session; returns whether it was live. */
export async function revokeSession(database: Queryable, tokenHash: string): Promise<boolean> {
  const rows = await database.query('update sessions set revoked_at = now() where token_hash = $1 and revoked_at is null returning 1', [tokenHash])
  return rows.length > 0
}

/** Revokes every session of a user (disabled account, changed password). */
export async function revokeUserSessions(database: Queryable, userId: string): Promise<number> {
  const rows = await database.query('update sessions set revoked_at = now() where user_id = $1 and revoked_at is null returning 1', [userId])
  return rows.length
}
