import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMe } from '../../../../auth/get-me.ts';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { meSchema, problemSchema } from '@atelier/contracts';

/** `/api/v1/me`: who the caller is. */
const me: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Auth'],
      summary: 'The signed-in user (or API key)',
      description:
        'Roles, team and skills of the caller; `station` is true for a PIN session. 401 when not signed in: show the login page.',
      response: { 200: meSchema, 401: problemSchema },
    },
    handler: (request) => getMe(fastify.db, request.actor),
  });
};

export default me;
