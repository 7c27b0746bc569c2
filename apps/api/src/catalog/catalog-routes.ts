import type { FastifyPluginAsync, FastifyTypeProviderDefault } from 'fastify';
import type { z } from 'zod';
import type { Actor } from '../auth/actor.ts';
import type { Role } from '../auth/roles.ts';
import type { CatalogListQuery } from './list-catalog-entries.ts';
import { catalogListQuerySchema, idOrCodeParamsSchema, problemSchema } from '@atelier/contracts';
import { catalogContext } from './catalog-context.ts';
import type { CatalogItem, CatalogResource } from './catalog-resource.ts';
import { createCatalogEntry } from './create-catalog-entry.ts';
import { getCatalogEntry } from './get-catalog-entry.ts';
import { listCatalogEntries } from './list-catalog-entries.ts';
import { setCatalogEntryActive } from './set-catalog-entry-active.ts';
import { updateCatalogEntry } from './update-catalog-entry.ts';

/** What {@link catalogRoutes} needs to serve one kind of master data. */
export interface CatalogRoutesOptions<
  Item extends CatalogItem,
  CreateBody extends z.ZodType,
  UpdateBody extends z.ZodType,
  Create extends object,
  Update extends object,
> {
  readonly resource: CatalogResource<Item, Create, Update>;
  /** OpenAPI tag, e.g. `Master data`. */
  readonly tag: string;
  /** Singular and plural nouns for summaries (`work center`, `work centers`). */
  readonly nouns: readonly [string, string];
  readonly itemSchema: z.ZodType<Item>;
  readonly pageSchema: z.ZodType<{ items: Item[]; nextCursor: string | null }>;
  readonly createSchema: CreateBody;
  readonly updateSchema: UpdateBody;
  /** Who may list and read. */
  readonly readRoles: readonly Role[];
  /** Who may create, change, deactivate and reactivate. */
  readonly writeRoles: readonly Role[];
  /** Turns a validated body into the resource's input (users hash their password here, outside the transaction). */
  readonly toCreate: (body: z.output<CreateBody>) => Create | Promise<Create>;
  readonly toUpdate: (body: z.output<UpdateBody>) => Update | Promise<Update>;
  /** What a reader sees of an item (users hide badge and credentials from most roles); all of it when absent. */
  readonly redact?: (item: Item, actor: Actor) => Item;
}

const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };

/**
 * The routes every master-data resource has: `GET /` (paged, code order), `GET /:id` (UUID or
 * code), `POST /` (201), `PATCH /:id`, `POST /:id/deactivate` and `POST /:id/reactivate`. Handlers
 * only parse, call the generic use case and map; the resource descriptor says how rows are stored.
 */
export function catalogRoutes<
  Item extends CatalogItem,
  CreateBody extends z.ZodType,
  UpdateBody extends z.ZodType,
  Create extends object,
  Update extends object,
>(options: CatalogRoutesOptions<Item, CreateBody, UpdateBody, Create, Update>): FastifyPluginAsync {
  const { resource, tag, nouns, itemSchema, pageSchema, readRoles, writeRoles } = options;
  const redact = options.redact ?? ((item: Item) => item);
  const [one, many] = nouns;
  return async (instance) => {
    // Zod still validates and serialises every route below; only the static request types come
    // from the explicit route generics, because the zod provider cannot infer through generic schemas.
    const fastify = instance.withTypeProvider<FastifyTypeProviderDefault>();
    type ById = { Params: { id: string } };
    fastify.get<{ Querystring: CatalogListQuery }>('', {
      config: { roles: readRoles },
      schema: {
        tags: [tag],
        summary: `List ${many}`,
        description: `In code order, one page at a time; deactivated ${many} only with \`includeInactive=true\`.`,
        querystring: catalogListQuerySchema,
        response: { 200: pageSchema, ...problems },
      },
      handler: async (request) => {
        const page = await listCatalogEntries(fastify.db.prisma, resource, request.query);
        return { ...page, items: page.items.map((item) => redact(item, request.actor)) };
      },
    });

    fastify.get<ById>('/:id', {
      config: { roles: readRoles },
      schema: {
        tags: [tag],
        summary: `Get a ${one}`,
        description: `By UUID or code, deactivated or not.`,
        params: idOrCodeParamsSchema,
        response: { 200: itemSchema, ...problems, 404: problemSchema },
      },
      handler: async (request) =>
        redact(await getCatalogEntry(fastify.db.prisma, resource, request.params.id), request.actor),
    });

    fastify.post<{ Body: z.output<CreateBody> }>('', {
      config: { roles: writeRoles },
      schema: {
        tags: [tag],
        summary: `Create a ${one}`,
        description: `409 when the code is taken (by an active or a deactivated ${one}); 422 when a referenced code does not exist.`,
        body: options.createSchema,
        response: { 201: itemSchema, ...problems, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request, reply) => {
        const input = await options.toCreate(request.body as z.output<CreateBody>);
        const item = await createCatalogEntry(catalogContext(fastify, request), resource, input);
        return reply.code(201).send(item);
      },
    });

    fastify.patch<ById & { Body: z.output<UpdateBody> }>('/:id', {
      config: { roles: writeRoles },
      schema: {
        tags: [tag],
        summary: `Change a ${one}`,
        description: 'Only the fields given change; the code never does (routings and history refer to it).',
        params: idOrCodeParamsSchema,
        body: options.updateSchema,
        response: { 200: itemSchema, ...problems, 404: problemSchema, 409: problemSchema, 422: problemSchema },
      },
      handler: async (request) => {
        const input = await options.toUpdate(request.body as z.output<UpdateBody>);
        return updateCatalogEntry(catalogContext(fastify, request), resource, request.params.id, input);
      },
    });

    for (const [path, active] of [
      ['/:id/deactivate', false],
      ['/:id/reactivate', true],
    ] as const) {
      fastify.post<ById>(path, {
        config: { roles: writeRoles },
        schema: {
          tags: [tag],
          summary: `${active ? 'Reactivate' : 'Deactivate'} a ${one}`,
          description: active
            ? `Puts a deactivated ${one} back into lists and pickers.`
            : `Takes the ${one} out of lists and pickers; it is kept, because routings and history refer to it. Repeating it changes nothing.`,
          params: idOrCodeParamsSchema,
          response: { 200: itemSchema, ...problems, 404: problemSchema, 409: problemSchema },
        },
        handler: (request) =>
          setCatalogEntryActive(catalogContext(fastify, request), resource, request.params.id, active),
      });
    }
  };
}
