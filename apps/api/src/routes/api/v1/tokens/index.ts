import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import {
  cancelTokensBodySchema,
  cancelTokensResultSchema,
  problemSchema,
  tokenDetailSchema,
  tokenPageSchema,
  tokenParamsSchema,
  tokenQuerySchema,
} from '@atelier/contracts';
import { bulkCancelTokens } from '../../../../production/bulk-cancel-tokens.ts';
import { PRODUCTION_COMMAND_ROLES, productionContext } from '../../../../production/production-context.ts';
import { getToken } from '../../../../read-models/get-token.ts';
import { listTokens } from '../../../../read-models/list-tokens.ts';

/** `/api/v1/tokens`: pieces in production — search, timeline and genealogy, bulk cancellation. */
const tokens: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Tokens'],
      summary: 'List tokens',
      description: 'By serial, filtered by order (UUID or code), state, node and serial prefix.',
      querystring: tokenQuerySchema,
      response: { 200: tokenPageSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
    },
    handler: (request) => listTokens(fastify.db, request.query),
  });

  fastify.get('/:id', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Tokens'],
      summary: 'Get a token',
      description:
        'By UUID or serial, with genealogy (parent, children, replaces / replaced by), work items and full timeline.',
      params: tokenParamsSchema,
      response: { 200: tokenDetailSchema, 400: problemSchema, 401: problemSchema, 404: problemSchema },
    },
    handler: (request) => getToken(fastify.db, request.params.id),
  });

  fastify.post('/cancel', {
    config: { roles: PRODUCTION_COMMAND_ROLES },
    schema: {
      tags: ['Tokens'],
      summary: 'Cancel tokens (single or bulk)',
      description:
        'All or nothing: each listed token cancels its whole piece (components and open work items). QC_FAIL and REDESIGN spawn a replacement piece ' +
        '(serial `-R1`, REDESIGN on the newest published version); PERMANENT lowers the order target. 404 `TOKEN_NOT_FOUND`; 409 `TOKEN_NOT_CANCELLABLE`, `NEW_VERSION_REQUIRED`.',
      body: cancelTokensBodySchema,
      response: {
        200: cancelTokensResultSchema,
        400: problemSchema,
        401: problemSchema,
        403: problemSchema,
        404: problemSchema,
        409: problemSchema,
      },
    },
    handler: (request) => bulkCancelTokens(productionContext(fastify, request), request.body),
  });
};

export default tokens;
