import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './paging.ts';

/** Schemas of `/api/v1/tokens`: pieces (and their components) with state, node and history. */

export const tokenStateSchema = z.enum(['active', 'waiting', 'completed', 'cancelled']);
export const cancellationTypeSchema = z.enum(['QC_FAIL', 'REDESIGN', 'PERMANENT']);

/** A token named in another's genealogy. */
export const tokenRefSchema = z.object({ id: z.uuid(), serial: z.string() }).meta({ id: 'TokenRef' });

/** A token as listed. `parentId` is set on a component made at a split; `replacesId` on a replacement piece. */
export const tokenSchema = z
  .object({
    id: z.uuid(),
    serial: z.string(),
    order: z.object({ id: z.uuid(), code: z.string(), kind: z.enum(['manufacturingOrder', 'atelierJob']) }),
    state: tokenStateSchema,
    nodeKey: z.string().describe('Where the token is (a completed token: its end node; a waiting parent: its join).'),
    parentId: z.uuid().nullable(),
    replacesId: z.uuid().nullable(),
    routing: z.object({ code: z.string(), version: z.number().int(), graphVersionId: z.uuid() }),
    attributes: z.record(z.string(), z.unknown()),
    cancellation: z.object({ type: cancellationTypeSchema, reason: z.string(), at: z.iso.datetime() }).nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Token' });

/** One event of a token's timeline, as the outbox holds it. */
export const timelineEventSchema = z
  .object({
    seq: z.number().int(),
    type: z.string(),
    at: z.iso.datetime(),
    actor: z.string().nullable(),
    workItemId: z.uuid().nullable(),
    nodeKey: z.string().nullable(),
    operatorId: z.uuid().nullable(),
    data: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'TimelineEvent' });

/** A token with its genealogy, its work items (one per step visit) and its full timeline. */
export const tokenDetailSchema = tokenSchema
  .extend({
    parent: tokenRefSchema.nullable(),
    children: z.array(tokenRefSchema.extend({ state: tokenStateSchema, nodeKey: z.string() })),
    replaces: tokenRefSchema.nullable(),
    replacedBy: tokenRefSchema.nullable(),
    workItems: z.array(
      z.object({
        id: z.uuid(),
        nodeKey: z.string(),
        visit: z.number().int(),
        state: z.enum(['ready', 'assigned', 'in_progress', 'paused', 'completed', 'cancelled']),
        assigneeId: z.uuid().nullable(),
        qcResult: z.enum(['pass', 'fail', 'rework']).nullable(),
        createdAt: z.iso.datetime(),
        completedAt: z.iso.datetime().nullable(),
      }),
    ),
    timeline: z.array(timelineEventSchema),
  })
  .meta({ id: 'TokenDetail' });

/** `GET /tokens` filters. */
export const tokenQuerySchema = pageQuerySchema.extend({
  order: z.string().min(1).max(64).optional().describe('UUID or code of a manufacturing order or atelier job.'),
  state: tokenStateSchema.optional(),
  node: z.string().min(1).max(100).optional().describe('Node key the tokens are at.'),
  serial: z.string().min(1).max(100).optional().describe('Serial prefix, e.g. `MO-2026-0012-00` (search as you type).'),
});

export const tokenPageSchema = pageSchema(tokenSchema).meta({ id: 'TokenPage' });

/** `:id` of a token route: its UUID or its serial (`MO-2026-0012-007`). */
export const tokenParamsSchema = z.object({
  id: z.string().min(1).max(100).describe('The UUID or the serial of the token.'),
});

/** `POST /tokens/cancel`: all or nothing. */
export const cancelTokensBodySchema = z
  .strictObject({
    tokenIds: z
      .array(z.uuid())
      .min(1)
      .max(500)
      .describe('Any token of each piece to cancel; the whole piece is cancelled.'),
    type: cancellationTypeSchema.describe(
      'QC_FAIL (scrap, replace on the same version), REDESIGN (replace on the newest published version), PERMANENT (no replacement, target quantity drops).',
    ),
    reason: z.string().trim().min(1).max(500),
  })
  .meta({ id: 'CancelTokens' });

/** What a cancellation did. */
export const cancelTokensResultSchema = z
  .object({
    type: cancellationTypeSchema,
    cancelled: z.array(tokenRefSchema),
    replacements: z.array(tokenRefSchema.extend({ replacesId: z.uuid(), graphVersionId: z.uuid() })),
    cancelledWorkItems: z.number().int(),
    orders: z.array(z.object({ orderId: z.uuid(), targetQuantityDelta: z.number().int() })),
  })
  .meta({ id: 'CancelTokensResult' });

export type TokenListItem = z.infer<typeof tokenSchema>;
export type TokenDetail = z.infer<typeof tokenDetailSchema>;
