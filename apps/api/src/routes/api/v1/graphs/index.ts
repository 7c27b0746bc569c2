import { checkGraphJson, routingGraphSchema } from '@atelier/domain';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EVERY_ROLE, type Role } from '../../../../auth/roles.ts';
import { catalogContext } from '../../../../catalog/catalog-context.ts';
import { createDraftVersion } from '../../../../graphs/create-draft-version.ts';
import { createGraph } from '../../../../graphs/create-graph.ts';
import { getGraphVersion } from '../../../../graphs/get-graph-version.ts';
import { findGraph, toGraphDetail } from '../../../../graphs/graph-read-model.ts';
import { importGraph } from '../../../../graphs/import-graph.ts';
import { listGraphVersions } from '../../../../graphs/list-graph-versions.ts';
import { listGraphs } from '../../../../graphs/list-graphs.ts';
import { loadValidationContext } from '../../../../graphs/load-validation-context.ts';
import { publishGraphVersion } from '../../../../graphs/publish-graph-version.ts';
import { retireGraphVersion } from '../../../../graphs/retire-graph-version.ts';
import { updateDraftVersion } from '../../../../graphs/update-draft-version.ts';
import {
  createDraftSchema,
  createGraphSchema,
  graphDetailSchema,
  graphPageSchema,
  graphParamsSchema,
  graphSummarySchema,
  graphVersionPageSchema,
  graphVersionParamsSchema,
  graphVersionSchema,
  pageQuerySchema,
  problemSchema,
  publishedVersionSchema,
  validateQuerySchema,
  validationResultSchema,
} from '@atelier/contracts';
import {
  ifMatchRevision,
  requiredIfMatchRevision,
  routingBody,
  routingDocument,
  setVersionETag,
} from './graph-request.ts';

const TAG = 'Routing graphs';
/** Designers and admins draw, publish and retire; every role reads routings (operators see their steps). */
const DESIGNERS: readonly Role[] = ['admin', 'designer'];
const auth = { 401: problemSchema, 403: problemSchema };
const ifMatchHeaders = z.object({
  'if-match': z.string().optional().describe('ETag of the version as loaded, e.g. "3".'),
});

/**
 * `/api/v1/graphs`: routing graphs and their versions (draft → published → retired), validation
 * identical to the `graph:validate` CLI, and routing-graph/v1 import/export.
 */
const graphs: FastifyPluginAsyncZod = async (fastify) => {
  fastify.get('', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: [TAG],
      summary: 'List routing graphs',
      description: 'In code order, with the newest published version (what new orders release on) and the open draft.',
      querystring: pageQuerySchema,
      response: { 200: graphPageSchema, 400: problemSchema, ...auth },
    },
    handler: (request) => listGraphs(fastify.db, request.query),
  });

  fastify.post('', {
    config: { roles: DESIGNERS },
    schema: {
      tags: [TAG],
      summary: 'Create a routing graph',
      description:
        'Creates the graph with draft v1: the given routing-graph/v1 body (its code must be the graph code) or a start wired to an end.',
      body: createGraphSchema,
      response: { 201: graphDetailSchema, 400: problemSchema, ...auth, 409: problemSchema, 422: problemSchema },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await createGraph(catalogContext(fastify, request), request.body)),
  });

  fastify.post('/validate', {
    config: { roles: ['admin', 'designer', 'manager', 'integrator'] },
    attachValidation: true,
    schema: {
      tags: [TAG],
      summary: 'Validate a routing graph',
      description:
        'Any JSON → `{valid, issues}`, exactly as `pnpm graph:validate FILE` prints it (schema errors are `SCHEMA` issues ' +
        'with the JSON path). Always 200: an invalid graph is an answer, not an error. `context=factory` also checks ' +
        'references and warnings against this factory, as publishing does.',
      querystring: validateQuerySchema,
      body: routingGraphSchema,
      response: { 200: validationResultSchema, 400: problemSchema, ...auth },
    },
    handler: async (request) => {
      const json = routingDocument(request);
      return checkGraphJson(
        json,
        request.query.context === 'factory' ? await loadValidationContext(fastify.db.prisma) : {},
      );
    },
  });

  fastify.post('/import', {
    config: { roles: DESIGNERS },
    attachValidation: true,
    schema: {
      tags: [TAG],
      summary: 'Import a routing-graph/v1 document',
      description:
        'A new code creates the graph with the document as draft v1; a known code gets it as its next draft (409 while a draft is open). ' +
        'Schema errors are a 400 listing each JSON path.',
      body: routingGraphSchema,
      response: {
        201: z
          .object({ created: z.boolean(), graph: graphSummarySchema, version: graphVersionSchema })
          .meta({ id: 'GraphImportResult' }),
        400: problemSchema,
        ...auth,
        409: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const body = routingBody(request);
      const result = await importGraph(catalogContext(fastify, request), body);
      setVersionETag(reply, result.version);
      return reply.code(201).send(result);
    },
  });

  fastify.get('/:id', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: [TAG],
      summary: 'Get a routing graph',
      description: 'By UUID or code, with all its versions (newest first, without bodies).',
      params: graphParamsSchema,
      response: { 200: graphDetailSchema, ...auth, 404: problemSchema },
    },
    handler: async (request) => toGraphDetail(await findGraph(fastify.db.prisma, request.params.id)),
  });

  fastify.get('/:id/versions', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: [TAG],
      summary: "List a graph's versions",
      description: 'Newest first, without bodies.',
      params: graphParamsSchema,
      querystring: pageQuerySchema,
      response: { 200: graphVersionPageSchema, 400: problemSchema, ...auth, 404: problemSchema },
    },
    handler: (request) => listGraphVersions(fastify.db, request.params.id, request.query),
  });

  fastify.post('/:id/versions', {
    config: { roles: DESIGNERS },
    schema: {
      tags: [TAG],
      summary: 'Open a new draft',
      description:
        'Copies the newest version (or `from`) into the next version number as a draft. One draft at a time: 409 `DRAFT_EXISTS`.',
      params: graphParamsSchema,
      body: createDraftSchema.nullish(),
      response: {
        201: graphVersionSchema.describe('With `ETag`.'),
        400: problemSchema,
        ...auth,
        404: problemSchema,
        409: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const version = await createDraftVersion(catalogContext(fastify, request), request.params.id, request.body?.from);
      setVersionETag(reply, version);
      return reply.code(201).send(version);
    },
  });

  fastify.get('/:id/versions/:n', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: [TAG],
      summary: 'Get a version',
      description: 'With its routing-graph/v1 body; `ETag` is the revision to send as `If-Match` when saving a draft.',
      params: graphVersionParamsSchema,
      response: { 200: graphVersionSchema.describe('With `ETag`.'), 400: problemSchema, ...auth, 404: problemSchema },
    },
    handler: async (request, reply) => {
      const version = await getGraphVersion(fastify.db, request.params.id, request.params.n);
      setVersionETag(reply, version);
      return version;
    },
  });

  fastify.put('/:id/versions/:n', {
    config: { roles: DESIGNERS },
    attachValidation: true,
    schema: {
      tags: [TAG],
      summary: 'Save a draft',
      description:
        'Replaces the draft body. `If-Match` is required (428 without it, 412 `REVISION_MISMATCH` when someone saved meanwhile). ' +
        'Schema errors are a 400 `GRAPH_SCHEMA_INVALID` listing each JSON path; graph-rule findings do not block saving a draft.',
      params: graphVersionParamsSchema,
      headers: ifMatchHeaders,
      body: routingGraphSchema,
      response: {
        200: graphVersionSchema.describe('With the new `ETag`.'),
        400: problemSchema,
        ...auth,
        404: problemSchema,
        409: problemSchema,
        412: problemSchema,
        422: problemSchema,
        428: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const body = routingBody(request);
      const revision = requiredIfMatchRevision(request);
      const version = await updateDraftVersion(
        catalogContext(fastify, request),
        request.params.id,
        request.params.n,
        revision,
        body,
      );
      setVersionETag(reply, version);
      return version;
    },
  });

  fastify.post('/:id/versions/:n/publish', {
    config: { roles: DESIGNERS },
    schema: {
      tags: [TAG],
      summary: 'Publish a draft',
      description:
        'Validates the draft against this factory (work centers, skills, operators, presets). Any error: 422 `GRAPH_INVALID` with ' +
        '`issues`, nothing changes. Warnings come back with the published version. Earlier published versions stay published for ' +
        'the tokens pinned to them. `If-Match` is optional (412 when stale).',
      params: graphVersionParamsSchema,
      headers: ifMatchHeaders,
      response: {
        200: publishedVersionSchema,
        400: problemSchema,
        ...auth,
        404: problemSchema,
        409: problemSchema,
        412: problemSchema,
        422: problemSchema,
      },
    },
    handler: (request) =>
      publishGraphVersion(
        catalogContext(fastify, request),
        request.params.id,
        request.params.n,
        ifMatchRevision(request),
      ),
  });

  fastify.post('/:id/versions/:n/retire', {
    config: { roles: DESIGNERS },
    schema: {
      tags: [TAG],
      summary: 'Retire a version',
      description: 'No new releases on it (or, for a draft, abandons it). Tokens already pinned to it keep running.',
      params: graphVersionParamsSchema,
      response: { 200: graphVersionSchema, 400: problemSchema, ...auth, 404: problemSchema, 409: problemSchema },
    },
    handler: (request) => retireGraphVersion(catalogContext(fastify, request), request.params.id, request.params.n),
  });

  fastify.get('/:id/versions/:n/export', {
    config: { roles: EVERY_ROLE },
    schema: {
      tags: [TAG],
      summary: 'Export a version',
      description: 'The routing-graph/v1 document as a download; `POST /graphs/import` takes it back unchanged.',
      params: graphVersionParamsSchema,
      response: {
        200: routingGraphSchema.describe('With `Content-Disposition: attachment`.'),
        400: problemSchema,
        ...auth,
        404: problemSchema,
      },
    },
    handler: async (request, reply) => {
      const version = await getGraphVersion(fastify.db, request.params.id, request.params.n);
      const file = `${version.code}-v${version.number}.json`.replace(/[^A-Za-z0-9_.-]/g, '_');
      reply.header('content-disposition', `attachment; filename="${file}"`);
      return version.body;
    },
  });
};

export default graphs;
