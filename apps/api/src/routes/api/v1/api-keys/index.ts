import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { authContext } from '../../../../auth/auth-context.ts';
import { createApiKey } from '../../../../auth/create-api-key.ts';
import { listApiKeys } from '../../../../auth/list-api-keys.ts';
import { revokeApiKey } from '../../../../auth/revoke-api-key.ts';
import {
  apiKeyParamsSchema,
  apiKeySchema,
  createApiKeyBodySchema,
  createdApiKeySchema,
  pageQuerySchema,
  pageSchema,
  problemSchema,
} from '@atelier/contracts';

/** `/api/v1/api-keys`: admins issue and revoke the keys integrators call the API with. */
const apiKeys: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['Auth'],
      summary: 'List API keys',
      description: 'Newest first, revoked keys included. Secrets are never shown again after creation.',
      querystring: pageQuerySchema,
      response: { 200: pageSchema(apiKeySchema), 400: problemSchema },
    },
    handler: (request) => listApiKeys(fastify.db, request.query),
  });

  fastify.post('', {
    // Not idempotent by key: a replay would need the new secret stored in clear in idempotency_keys.
    config: { roles: ['admin'], idempotency: false },
    schema: {
      tags: ['Auth'],
      summary: 'Create an API key',
      description:
        'Returns the key (`af_<prefix>_<secret>`) once; only a hash is stored. Integrators send it as `Authorization: Bearer <key>` ' +
        'and act with the key role (default integrator). `Idempotency-Key` is ignored here: the secret is never stored.',
      body: createApiKeyBodySchema,
      response: { 201: createdApiKeySchema, 400: problemSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createApiKey(authContext(fastify, request), request.body)),
  });

  fastify.post('/:id/revoke', {
    config: { roles: ['admin'] },
    schema: {
      tags: ['Auth'],
      summary: 'Revoke an API key',
      description: 'The key stops working at once, on every replica. Revoking a revoked key is harmless.',
      params: apiKeyParamsSchema,
      response: { 200: apiKeySchema, 400: problemSchema, 404: problemSchema },
    },
    handler: (request) => revokeApiKey(authContext(fastify, request), request.params.id),
  });
};

export default apiKeys;
