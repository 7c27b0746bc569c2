import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { problemSchema } from '../../../../plugins/http-problem.ts';
import { createAtelierJob } from '../../../../production/create-atelier-job.ts';
import { PRODUCTION_COMMAND_ROLES, productionContext } from '../../../../production/production-context.ts';
import { releaseOrder } from '../../../../production/release-order.ts';
import { orderParamsSchema, releaseBodySchema } from '../order.schema.ts';
import { pageQuerySchema } from '../pagination.ts';
import { atelierJobDetailSchema, atelierJobPageSchema, createAtelierJobBodySchema } from './atelier-job.schema.ts';
import { getAtelierJob } from './get-atelier-job.ts';
import { listAtelierJobs } from './list-atelier-jobs.ts';

/** `/api/v1/atelier-jobs`: hand-craft jobs (hybrid ones linked to an MO) with their progress. */
const atelierJobs: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Orders'],
      summary: 'List atelier jobs',
      description: 'Newest code first, with piece progress and, for hybrid jobs, the linked manufacturing order.',
      querystring: pageQuerySchema,
      response: { 200: atelierJobPageSchema, 400: problemSchema },
    },
    handler: (request) => listAtelierJobs(fastify.db, request.query),
  });

  fastify.get('/:id', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Orders'],
      summary: 'Get an atelier job',
      description: 'By UUID or code, with live token and work-item counts per routing node.',
      params: orderParamsSchema,
      response: { 200: atelierJobDetailSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: (request) => getAtelierJob(fastify.db, request.params.id),
  });

  fastify.post('', {
    config: { roles: PRODUCTION_COMMAND_ROLES },
    schema: {
      tags: ['Orders'],
      summary: 'Create an atelier job',
      description:
        'A draft ATELIER job (always ATELIER: a production-type field is refused with 400); with `moId` a hybrid job linked to that manufacturing order. ' +
        'The code is generated (`AJ-<year>-<4 digits>`) when omitted.',
      body: createAtelierJobBodySchema,
      response: { 201: atelierJobDetailSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request, reply) => {
      const id = await createAtelierJob(productionContext(fastify, request), request.body);
      return reply.code(201).header('location', `${request.url}/${id}`).send(await getAtelierJob(fastify.db, id));
    },
  });

  fastify.post('/:id/release', {
    config: { roles: PRODUCTION_COMMAND_ROLES },
    schema: {
      tags: ['Orders'],
      summary: 'Release an atelier job',
      description:
        'Spawns one token per piece on the routing\'s newest published version, routed to the first work step(s), in one transaction. ' +
        '409 `ORDER_ALREADY_RELEASED` unless a draft; 422 `NO_PUBLISHED_VERSION`.',
      params: orderParamsSchema,
      body: releaseBodySchema,
      response: { 200: atelierJobDetailSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request) => {
      const context = productionContext(fastify, request);
      const released = await releaseOrder(context, { kind: 'atelierJob', idOrCode: request.params.id, attributes: request.body?.attributes });
      return getAtelierJob(fastify.db, released.orderId);
    },
  });
};

export default atelierJobs;
