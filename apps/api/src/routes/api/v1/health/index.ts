import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { healthSchema, problemSchema } from '@atelier/contracts';
import { checkHealth } from './check-health.ts';

/** `/api/v1/health`: liveness and readiness for people, scripts and load balancers. */
const health: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { public: true },
    schema: {
      tags: ['System'],
      summary: 'Health',
      description:
        'The database kind, its applied migrations and the API version; 503 when the database does not answer.',
      response: { 200: healthSchema, 503: problemSchema },
    },
    handler: () => checkHealth(fastify.db),
  });
};

export default health;
