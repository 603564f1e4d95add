/** Typed calls of the API the screens use; each returns the server's own type. */
import type { z } from 'zod'
import type { loginResponseSchema } from '../../../src/accounts/account-schemas.ts'
import { api, type RequestOptions } from './api-client.ts'
import type { ClientConfig, Organization, Room, User } from './server-types.ts'

export type LoginResponse = z.infer<typeof loginResponseSchema>
export type CurrentUser = User & { csrfToken: string }

export const endpoints = {
  clientConfig: (options?: RequestOptions) => api.get<ClientConfig>('/api/client-config', options),
  login: (username: string, password: string) => api.post<LoginResponse>('/api/auth/login', { username, password }),
  logout: () => api.post<void>('/api/auth/logout'),
  me: (options?: RequestOptions) => api.get<CurrentUser>('/api/auth/me', options),
  organizations: (options?: RequestOptions) => api.get<Organization[]>('/api/organizations', options),
  rooms: (options?: RequestOptions) => api.get<Room[]>('/api/rooms', options),
  room: (roomId: string, options?: RequestOptions) => api.get<Room>(`/api/rooms/${encodeURIComponent(roomId)}`, options),
}
