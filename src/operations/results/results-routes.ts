/** HTTP routes of the results of joint operations: claims, figures proposed in rounds, agreement, reopening. */
import { requirePrincipal, type TansiqServer } from '../../platform/http/http-server.ts'
import {
  claimsParams, operationIdParams, operationResultsSchema, proposeFiguresBodySchema, recordClaimsBodySchema, reopenBodySchema, roundParams,
} from './results-schemas.ts'
import type { OperationResultsService } from './results-service.ts'

const tags = ['operations']

/** Registers the operation results routes. */
export function registerOperationResultsRoutes(app: TansiqServer, results: OperationResultsService): void {
  app.get('/api/operations/:id/results', {
    schema: { tags, summary: 'The claims of each participant side by side with every discrepancy marked, the rounds of agreement and the agreed figures', params: operationIdParams, response: { 200: operationResultsSchema } },
  }, async (request) => results.get(requirePrincipal(request), request.params.id))

  app.put('/api/operations/:id/results/claims/:organizationId', {
    schema: { tags, summary: 'Record the results your participating organization claims (replaces its list; editors of that organization only)', params: claimsParams, body: recordClaimsBodySchema, response: { 200: operationResultsSchema } },
  }, async (request) => results.recordClaims(requirePrincipal(request), request.params.id, request.params.organizationId, request.body, request.id))

  app.post('/api/operations/:id/results/rounds', {
    schema: { tags, summary: 'Propose figures for agreement: a new round (a commander of a participant or an editor of the lead)', params: operationIdParams, body: proposeFiguresBodySchema, response: { 201: operationResultsSchema } },
  }, async (request, reply) => reply.code(201).send(await results.propose(requirePrincipal(request), request.params.id, request.body, request.id)))

  app.post('/api/operations/:id/results/rounds/:round/agree', {
    schema: { tags, summary: 'Agree, as a commander, to the figures of the open round for your organization; the last agreement locks them', params: roundParams, response: { 200: operationResultsSchema } },
  }, async (request) => results.agree(requirePrincipal(request), request.params.id, request.params.round, request.id))

  app.post('/api/operations/:id/results/reopen', {
    schema: { tags, summary: 'Reopen locked figures with a reason (a commander of a participant): a change needs a new round agreed by all', params: operationIdParams, body: reopenBodySchema, response: { 200: operationResultsSchema } },
  }, async (request) => results.reopen(requirePrincipal(request), request.params.id, request.body, request.id))
}
