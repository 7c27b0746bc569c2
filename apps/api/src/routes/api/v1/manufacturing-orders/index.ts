import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { problemSchema } from '../../../../plugins/http-problem.ts';
import { orderParamsSchema } from '../order.schema.ts';
import { pageQuerySchema } from '../pagination.ts';
import { getManufacturingOrder } from './get-manufacturing-order.ts';
import { listManufacturingOrders } from './list-manufacturing-orders.ts';
import { manufacturingOrderDetailSchema, manufacturingOrderPageSchema } from './manufacturing-order.schema.ts';

/** `/api/v1/manufacturing-orders`: OEM batch orders with their progress. */
const manufacturingOrders: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Orders'],
      summary: 'List manufacturing orders',
      description: 'Newest code first, with piece progress (completed / in flight / cancelled / not released).',
      querystring: pageQuerySchema,
      response: { 200: manufacturingOrderPageSchema, 400: problemSchema },
    },
    handler: (request) => listManufacturingOrders(fastify.db, request.query),
  });

  fastify.get('/:id', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: ['Orders'],
      summary: 'Get a manufacturing order',
      description: 'By UUID or code, with live token and work-item counts per routing node and linked atelier jobs.',
      params: orderParamsSchema,
      response: { 200: manufacturingOrderDetailSchema, 400: problemSchema, 404: problemSchema },
    },
    handler: (request) => getManufacturingOrder(fastify.db, request.params.id),
  });
};

export default manufacturingOrders;
