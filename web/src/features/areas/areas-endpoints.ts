/** The areas API as the area screens use it; each call returns the server's own type. */
import type { z } from 'zod'
import type { Area, createAreaBodySchema, updateAreaBodySchema } from '../../../../src/areas/area-schemas.ts'
import { api } from '../../api/api-client.ts'

export type CreateAreaBody = z.input<typeof createAreaBodySchema>
export type UpdateAreaBody = z.input<typeof updateAreaBodySchema>

export const areasApi = {
  create: (body: CreateAreaBody) => api.post<Area>('/api/areas', body),
  update: (id: string, body: UpdateAreaBody) => api.patch<Area>(`/api/areas/${encodeURIComponent(id)}`, body),
}
