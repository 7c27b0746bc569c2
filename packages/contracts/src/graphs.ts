import { ISSUE_SEVERITY, routingGraphSchema } from '@atelier/domain';
import { z } from 'zod';
import { catalogNameSchema } from './catalog.ts';
import { pageQuerySchema, pageSchema } from './paging.ts';

/**
 * Routing graphs and their versions. A version's `body` is the routing-graph/v1 document; drafts
 * are edited with `If-Match: "<revision>"` and answer with `ETag: "<revision>"`.
 */

/** Status of a version: `draft` (editable), `published` (immutable, releasable), `retired` (no new releases). */
export const graphVersionStatusSchema = z.enum(['draft', 'published', 'retired']);

/** The code of a routing graph, as the routing-graph/v1 format allows it. */
export const graphCodeSchema = routingGraphSchema.shape.code;

/** A routing graph as listed: the newest published version (what new orders release on) and the open draft. */
export const graphSummarySchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    latestPublished: z.number().int().nullable().describe('Number of the newest published version; null when none is.'),
    draft: z
      .number()
      .int()
      .nullable()
      .describe('Number of the open draft; null when there is none (at most one at a time).'),
    versionCount: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'RoutingGraphSummary' });

/** A version without its body. */
export const graphVersionSummarySchema = z
  .object({
    id: z.uuid(),
    number: z.number().int(),
    status: graphVersionStatusSchema,
    revision: z.number().int().describe('Bumped by every draft edit; the ETag.'),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    publishedAt: z.iso.datetime().nullable(),
    retiredAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'GraphVersionSummary' });

/** A routing graph with all its versions, newest first. */
export const graphDetailSchema = graphSummarySchema
  .extend({ versions: z.array(graphVersionSummarySchema) })
  .meta({ id: 'RoutingGraph' });

/** One version with its routing-graph/v1 body. */
export const graphVersionSchema = graphVersionSummarySchema
  .extend({ graphId: z.uuid(), code: z.string(), body: routingGraphSchema })
  .meta({ id: 'GraphVersion' });

/** One finding of the validator, or a schema error (`code: SCHEMA`, message starting with the JSON path). */
export const graphIssueSchema = z
  .object({
    code: z.enum([...(Object.keys(ISSUE_SEVERITY) as [keyof typeof ISSUE_SEVERITY]), 'SCHEMA']),
    severity: z.enum(['error', 'warning']),
    message: z.string(),
    nodeKeys: z.array(z.string()),
    edgeIndexes: z.array(z.number().int()),
  })
  .meta({ id: 'GraphIssue' });

/** `{valid, issues}`: valid unless some issue is an error; the same as `graph:validate` prints (without `file`). */
export const validationResultSchema = z
  .object({ valid: z.boolean(), issues: z.array(graphIssueSchema) })
  .meta({ id: 'GraphValidationResult' });

/** A published version with the warnings it was published with. */
export const publishedVersionSchema = graphVersionSchema
  .extend({ issues: z.array(graphIssueSchema) })
  .meta({ id: 'PublishedGraphVersion' });

/** A page of routing graphs. */
export const graphPageSchema = pageSchema(graphSummarySchema).meta({ id: 'RoutingGraphPage' });
/** A page of versions, newest first. */
export const graphVersionPageSchema = pageSchema(graphVersionSummarySchema).meta({ id: 'GraphVersionPage' });

/** Body of `POST /graphs`: without `body`, draft v1 is a start wired to an end. */
export const createGraphSchema = z
  .strictObject({
    code: graphCodeSchema,
    name: catalogNameSchema,
    body: routingGraphSchema
      .optional()
      .describe('Initial routing-graph/v1 document of draft v1; its code must be the graph code.'),
  })
  .meta({ id: 'CreateRoutingGraph' });

/** Body of `POST /graphs/:id/versions`. */
export const createDraftSchema = z
  .strictObject({
    from: z.number().int().min(1).optional().describe('Version to copy; the newest version when omitted.'),
  })
  .meta({ id: 'CreateGraphDraft' });

/** `/graphs/:id` — UUID or code. */
export const graphParamsSchema = z.object({ id: z.string().min(1).max(100).describe('UUID or code') });
/** `/graphs/:id/versions/:n`. */
export const graphVersionParamsSchema = graphParamsSchema.extend({
  n: z.coerce.number().int().min(1).max(1_000_000).describe('Version number'),
});

/** `?context=` of `POST /graphs/validate`. */
export const validateQuerySchema = z.object({
  context: z
    .enum(['none', 'factory'])
    .default('none')
    .describe(
      '`none`: the same as `graph:validate FILE`; `factory`: also check references and warnings against this factory (as publishing does).',
    ),
});

/** `?cursor=&limit=` of the version list. */
export const versionPageQuerySchema = pageQuerySchema;

/** A routing graph as listed. */
export type GraphSummary = z.infer<typeof graphSummarySchema>;
/** A graph with its versions. */
export type GraphDetail = z.infer<typeof graphDetailSchema>;
/** A version without its body. */
export type GraphVersionSummary = z.infer<typeof graphVersionSummarySchema>;
/** A version with its body. */
export type GraphVersion = z.infer<typeof graphVersionSchema>;
/** A validation result. */
export type ValidationResultBody = z.infer<typeof validationResultSchema>;
