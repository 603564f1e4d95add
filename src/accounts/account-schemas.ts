/** Schemas of the accounts capability: the runtime checks, the TypeScript types and the OpenAPI document. */
import { z } from 'zod'
import { roles } from '../platform/auth/roles.ts'

export const organizationIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/).describe('Organization identifier, e.g. peshmerga')
export const usernameSchema = z.string().regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lower-case letters, digits, dot, dash or underscore; 2–64 characters')
export const roleSchema = z.enum(roles)
/** Passwords: long enough to resist guessing, bounded so hashing cannot be abused. */
export const passwordSchema = z.string().min(10, 'at least 10 characters').max(256)

export const organizationSchema = z.object({
  id: organizationIdSchema,
  nameEn: z.string(),
  nameAr: z.string(),
  nameCkb: z.string(),
})
export type Organization = z.infer<typeof organizationSchema>

export const userSchema = z.object({
  id: z.string().uuid(),
  username: usernameSchema,
  displayName: z.string(),
  organizationId: organizationIdSchema,
  role: roleSchema,
  disabled: z.boolean(),
})
export type User = z.infer<typeof userSchema>

export const loginBodySchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
}).strict()

export const loginResponseSchema = z.object({
  token: z.string().describe('Session token: send as Authorization: Bearer, or rely on the HttpOnly cookie'),
  csrfToken: z.string().describe('Send as the x-csrf-token header on writes authenticated by the cookie'),
  expiresAt: z.string().datetime(),
  user: userSchema,
})

export const createUserBodySchema = z.object({
  username: usernameSchema,
  displayName: z.string().min(1).max(200),
  organizationId: organizationIdSchema,
  role: roleSchema,
  password: passwordSchema,
}).strict()
export type CreateUserInput = z.infer<typeof createUserBodySchema>

export const updateUserBodySchema = z.object({
  displayName: z.string().min(1).max(200).optional(),
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
}).strict()

export const changePasswordBodySchema = z.object({ password: passwordSchema }).strict()
