/** How an object is released: to its originator only, to named organizations, or to every member of a room. */
import { z } from 'zod'
import { organizationIdSchema } from '../accounts/account-schemas.ts'

export const releaseScopes = ['originator', 'organizations', 'room'] as const

export const releaseSchema = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('originator') }).strict(),
  z.object({ scope: z.literal('organizations'), organizationIds: z.array(organizationIdSchema).min(1).max(50) }).strict(),
  z.object({ scope: z.literal('room'), roomId: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/) }).strict(),
]).describe('Releasability: originator only (default), named organizations, or every member organization of a room')
export type Release = z.infer<typeof releaseSchema>

/** What readers see of an object's release: the details only when they belong to the originator. */
export const releaseViewSchema = z.object({
  scope: z.enum(releaseScopes),
  organizationIds: z.array(z.string()).optional(),
  roomId: z.string().nullable().optional(),
  releasedTo: z.array(z.string()).optional().describe('Effective organizations; shown to the originator only'),
})
export type ReleaseView = z.infer<typeof releaseViewSchema>

export const changeReleaseBodySchema = z.object({ release: releaseSchema }).strict()
