/** The movements API as the movement screens use it; each call returns the server's own type. */
import type { z } from 'zod'
import type { createMovementBodySchema, FindingView, MovementDetail, MovementPreview, Party, previewMovementBodySchema, TimelineEntry } from '../../../../src/movements/movement-schemas.ts'
import { api } from '../../api/api-client.ts'

export type { FindingView, MovementDetail, MovementPreview, Party, TimelineEntry }
export type MovementInput = z.input<typeof previewMovementBodySchema>
export type CreateMovementBody = z.input<typeof createMovementBodySchema>

const path = (id: string, action = '') => `/api/movements/${encodeURIComponent(id)}${action ? `/${action}` : ''}`

export const movementsApi = {
  get: (id: string, signal?: AbortSignal) => api.get<MovementDetail>(path(id), signal ? { signal } : {}),
  /** The impact analysis of the movement as drawn, nothing saved. */
  preview: (body: MovementInput) => api.post<MovementPreview>('/api/movements/preview', body),
  create: (body: CreateMovementBody) => api.post<MovementDetail>('/api/movements', body),
  acknowledge: (id: string, note?: string) => api.post<MovementDetail>(path(id, 'acknowledge'), note ? { note } : {}),
  object: (id: string, reason: string) => api.post<MovementDetail>(path(id, 'object'), { reason }),
  start: (id: string) => api.post<MovementDetail>(path(id, 'start')),
  complete: (id: string) => api.post<MovementDetail>(path(id, 'complete')),
  cancel: (id: string, reason?: string) => api.post<MovementDetail>(path(id, 'cancel'), reason ? { reason } : {}),
}
