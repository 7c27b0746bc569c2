import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import atelierJobs from './atelier-jobs/index.ts';
import health from './health/index.ts';
import manufacturingOrders from './manufacturing-orders/index.ts';
import openapiDocument from './openapi-document.ts';

/**
 * `/api/v1`: each sub-folder is a URL prefix and exports its routes as one plugin. Routes are
 * registered here explicitly rather than by directory scanning so the set is typed and greppable.
 */
const apiV1: FastifyPluginAsyncZod = async (fastify) => {
  await fastify.register(openapiDocument);
  await fastify.register(health, { prefix: '/health' });
  await fastify.register(manufacturingOrders, { prefix: '/manufacturing-orders' });
  await fastify.register(atelierJobs, { prefix: '/atelier-jobs' });
};

export default apiV1;
