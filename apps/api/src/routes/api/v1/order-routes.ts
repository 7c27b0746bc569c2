import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { EVERY_ROLE } from '../../../auth/roles.ts';
import type { Database } from '../../../db/database.ts';
import { orderParamsSchema, pageQuerySchema, problemSchema, releaseBodySchema } from '@atelier/contracts';
import type { OrderKind } from '@atelier/contracts';
import {
  PRODUCTION_COMMAND_ROLES,
  productionContext,
  type ProductionContext,
} from '../../../production/production-context.ts';
import { releaseOrder } from '../../../production/release-order.ts';

/** OpenAPI summary and description of one route. */
export interface RouteDocs {
  readonly summary: string;
  readonly description: string;
}

/**
 * What differs between the two order kinds' routes (MOs and atelier jobs): their schemas, use
 * cases and wording. The routes themselves, roles and error responses are the same for both.
 */
export interface OrderKindRoutes<Page extends z.ZodType, Detail extends z.ZodType, CreateBody extends z.ZodType> {
  readonly kind: OrderKind;
  readonly schemas: { readonly page: Page; readonly detail: Detail; readonly createBody: CreateBody };
  readonly docs: {
    readonly list: RouteDocs;
    readonly get: RouteDocs;
    readonly create: RouteDocs;
    readonly release: RouteDocs;
  };
  list(db: Database, query: z.output<typeof pageQuerySchema>): Promise<z.output<Page>>;
  get(db: Database, idOrCode: string): Promise<z.output<Detail>>;
  /** Creates a draft order; returns its id. */
  create(context: ProductionContext, body: z.output<CreateBody>): Promise<string>;
}

/** List, get, create and release routes of one order kind, mounted at its URL prefix. */
export function orderRoutes<Page extends z.ZodType, Detail extends z.ZodType, CreateBody extends z.ZodType>(
  orders: OrderKindRoutes<Page, Detail, CreateBody>,
): FastifyPluginAsyncZod {
  // Fastify's types cannot resolve the output of a generic schema. The descriptor's functions are
  // checked against its own schemas above, and Fastify validates with those same schemas, so
  // erasing them to ZodType inside the routes loses no check.
  return routesOf(orders as unknown as OrderKindRoutes<z.ZodType, z.ZodType, z.ZodType>);
}

function routesOf(orders: OrderKindRoutes<z.ZodType, z.ZodType, z.ZodType>): FastifyPluginAsyncZod {
  const { schemas, docs } = orders;
  return async (fastify) => {
    fastify.get('', {
      config: { roles: EVERY_ROLE },
      schema: {
        tags: ['Orders'],
        ...docs.list,
        querystring: pageQuerySchema,
        response: { 200: schemas.page, 400: problemSchema },
      },
      handler: (request) => orders.list(fastify.db, request.query),
    });

    fastify.get('/:id', {
      config: { roles: EVERY_ROLE },
      schema: {
        tags: ['Orders'],
        ...docs.get,
        params: orderParamsSchema,
        response: { 200: schemas.detail, 400: problemSchema, 404: problemSchema },
      },
      handler: (request) => orders.get(fastify.db, request.params.id),
    });

    fastify.post('', {
      config: { roles: PRODUCTION_COMMAND_ROLES },
      schema: {
        tags: ['Orders'],
        ...docs.create,
        body: schemas.createBody,
        response: {
          201: schemas.detail,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request, reply) => {
        const id = await orders.create(productionContext(fastify, request), request.body);
        return reply
          .code(201)
          .header('location', `${request.url}/${id}`)
          .send(await orders.get(fastify.db, id));
      },
    });

    fastify.post('/:id/release', {
      config: { roles: PRODUCTION_COMMAND_ROLES },
      schema: {
        tags: ['Orders'],
        ...docs.release,
        params: orderParamsSchema,
        body: releaseBodySchema,
        response: {
          200: schemas.detail,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          404: problemSchema,
          409: problemSchema,
          422: problemSchema,
        },
      },
      handler: async (request) => {
        const context = productionContext(fastify, request);
        const released = await releaseOrder(context, {
          kind: orders.kind,
          idOrCode: request.params.id,
          attributes: request.body?.attributes,
        });
        return orders.get(fastify.db, released.orderId);
      },
    });
  };
}
