import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { getMe } from '../../../../auth/get-me.ts';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { setMyLocale } from '../../../../auth/set-my-locale.ts';
import { catalogContext } from '../../../../catalog/catalog-context.ts';
import { meSchema, problemSchema, updateMeSchema } from '@atelier/contracts';

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

  fastify.patch('', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Auth'],
      summary: 'Change what the signed-in person chose for themselves (their language)',
      description:
        'Stores `locale`, the language the web app shows this person, on a password or a station (PIN) session, ' +
        'with a user.locale_changed event (none when unchanged). 403 `USER_REQUIRED` for an API key.',
      body: updateMeSchema,
      response: { 200: meSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
    },
    handler: (request) => setMyLocale(catalogContext(fastify, request), request.body.locale),
  });
};

export default me;
