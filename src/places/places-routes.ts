/** HTTP routes of places: name search and one place by id. Readable by every signed-in user. */
import { z } from 'zod'
import { requirePrincipal, type TansiqServer } from '../platform/http/http-server.ts'
import { placeIdSchema, placeSchema, placeSearchHitSchema, searchPlacesQuerySchema } from './places-schemas.ts'
import type { PlacesService } from './places-service.ts'

const idParams = z.object({ id: placeIdSchema }).strict()

/** Registers the places routes. */
export function registerPlacesRoutes(app: TansiqServer, places: PlacesService): void {
  app.get('/api/places', {
    schema: {
      tags: ['places'],
      summary: 'Find places by name, whatever the script or spelling: curated aliases, then exact, normalised and fuzzy matches',
      querystring: searchPlacesQuerySchema,
      response: { 200: z.array(placeSearchHitSchema) },
    },
  }, async (request) => {
    requirePrincipal(request)
    return places.search(request.query)
  })

  app.get('/api/places/:id', {
    schema: { tags: ['places'], summary: 'One place of the gazetteer, with every recorded spelling', params: idParams, response: { 200: placeSchema } },
  }, async (request) => {
    requirePrincipal(request)
    return places.get(request.params.id)
  })
}
