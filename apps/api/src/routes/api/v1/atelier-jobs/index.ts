import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { problemSchema } from '../../../../plugins/http-problem.ts';
import { orderParamsSchema } from '../order.schema.ts';
import { pageQuerySchema } from '../pagination.ts';
import { atelierJobDetailSchema, atelierJobPageSchema } from './atelier-job.schema.ts';
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
};

export default atelierJobs;
