import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { EVERY_ROLE } from '../../../../auth/roles.ts';
import { problemSchema } from '../../../../plugins/http-problem.ts';
import { createManufacturingOrder } from '../../../../production/create-manufacturing-order.ts';
import { PRODUCTION_COMMAND_ROLES, productionContext } from '../../../../production/production-context.ts';
import { releaseOrder } from '../../../../production/release-order.ts';
import { orderParamsSchema, releaseBodySchema } from '../order.schema.ts';
import { pageQuerySchema } from '../pagination.ts';
import { getManufacturingOrder } from './get-manufacturing-order.ts';
import { listManufacturingOrders } from './list-manufacturing-orders.ts';
import { createManufacturingOrderBodySchema, manufacturingOrderDetailSchema, manufacturingOrderPageSchema } from './manufacturing-order.schema.ts';

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

  fastify.post('', {
    config: { roles: PRODUCTION_COMMAND_ROLES },
    schema: {
      tags: ['Orders'],
      summary: 'Create a manufacturing order',
      description:
        'A draft OEM order. An MO is always OEM: a body with a production-type field (`productionType`, `type`, …) is refused with 400. ' +
        'The code is generated (`MO-<year>-<4 digits>`) when omitted.',
      body: createManufacturingOrderBodySchema,
      response: { 201: manufacturingOrderDetailSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request, reply) => {
      const id = await createManufacturingOrder(productionContext(fastify, request), request.body);
      return reply.code(201).header('location', `${request.url}/${id}`).send(await getManufacturingOrder(fastify.db, id));
    },
  });

  fastify.post('/:id/release', {
    config: { roles: PRODUCTION_COMMAND_ROLES },
    schema: {
      tags: ['Orders'],
      summary: 'Release a manufacturing order',
      description:
        'Spawns one token per piece (serials `<code>-001` …) on the routing\'s newest published version, routed to the first work step(s), in one transaction. ' +
        '409 `ORDER_ALREADY_RELEASED` unless a draft; 422 `NO_PUBLISHED_VERSION`.',
      params: orderParamsSchema,
      body: releaseBodySchema,
      response: { 200: manufacturingOrderDetailSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request) => {
      const context = productionContext(fastify, request);
      const released = await releaseOrder(context, { kind: 'manufacturingOrder', idOrCode: request.params.id, attributes: request.body?.attributes });
      return getManufacturingOrder(fastify.db, released.orderId);
    },
  });
};

export default manufacturingOrders;
