/** HTTP routes of rooms. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { createRoomBodySchema, roomIdSchema, roomSchema, updateRoomBodySchema } from './room-schemas.ts'
import type { RoomsService } from './rooms-service.ts'

const idParams = z.object({ id: roomIdSchema }).strict()

/** Registers the rooms routes. */
export function registerRoomsRoutes(app: TansiqServer, rooms: RoomsService): void {
  app.get('/api/rooms', {
    schema: { tags: ['rooms'], summary: 'Rooms your organization is a member of', response: { 200: z.array(roomSchema) } },
  }, async (request) => rooms.list(requirePrincipal(request)))

  app.get('/api/rooms/:id', {
    schema: { tags: ['rooms'], summary: 'One room', params: idParams, response: { 200: roomSchema } },
  }, async (request) => rooms.get(requirePrincipal(request), request.params.id))

  app.post('/api/rooms', {
    schema: { tags: ['rooms'], summary: 'Create a room (admin)', body: createRoomBodySchema, response: { 201: roomSchema } },
  }, async (request, reply) => reply.code(201).send(await rooms.create(requirePrincipal(request), request.body, request.id)))

  app.patch('/api/rooms/:id', {
    schema: { tags: ['rooms'], summary: 'Change a room (admin); member changes re-release room objects', params: idParams, body: updateRoomBodySchema, response: { 200: roomSchema } },
  }, async (request) => rooms.update(requirePrincipal(request), request.params.id, request.body, request.id))
}
