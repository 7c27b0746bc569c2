import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './paging.ts';

/** Kinds of inbox item: what a manager is asked to decide. */
export const inboxKindValues = [
  'HANDOFF_APPROVAL',
  'UNASSIGNABLE',
  'OVERDUE',
  'REWORK_LIMIT',
  'QC_FAILED',
  'REPLACEMENT_APPROVAL',
] as const;

/** States of an inbox item. */
export const inboxStatusValues = ['open', 'approved', 'rejected', 'resolved'] as const;

/** Something a manager must decide. */
export const inboxItemSchema = z
  .object({
    id: z.uuid(),
    kind: z.string().describe(`One of ${inboxKindValues.join(', ')} (stable codes; new kinds may follow).`),
    status: z.enum(inboxStatusValues),
    payload: z.record(z.string(), z.unknown()).describe('What the engine saw, e.g. the filter that excluded everyone.'),
    nodeKey: z.string().nullable(),
    orderId: z.uuid().nullable(),
    tokenId: z.uuid().nullable(),
    serial: z.string().nullable(),
    workItemId: z.uuid().nullable(),
    workItemState: z.string().nullable(),
    workCenter: z.string().nullable(),
    userId: z.uuid().nullable().describe('The operator it concerns (the absent one for a hand-off).'),
    resolvedById: z.uuid().nullable(),
    comment: z.string().nullable(),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'InboxItem' });

/** A page of inbox items, newest first. */
export const inboxPageSchema = pageSchema(inboxItemSchema).meta({ id: 'InboxPage' });

/** `GET /inbox` filters. */
export const inboxListQuerySchema = pageQuerySchema.extend({
  kind: z.enum(inboxKindValues).optional(),
  status: z.enum(inboxStatusValues).default('open'),
  workCenter: z.string().min(1).max(100).optional().describe('Work center code or id.'),
  order: z.uuid().optional().describe('Manufacturing order or atelier job id.'),
});

/** `/:id` of an inbox item. */
export const inboxParamsSchema = z.object({ id: z.uuid().describe('Inbox item id (UUID).') });

/**
 * Body of `POST /inbox/:id/approve`: a hand-off approval or an unassignable item may name the
 * colleague (`toUserId`); without one the engine picks the best present candidate.
 */
export const approveInboxSchema = z
  .strictObject({
    comment: z.string().trim().min(1).max(1000).optional(),
    toUserId: z.uuid().optional(),
  })
  .nullish()
  .meta({ id: 'ApproveInboxItem' });

/** Body of `POST /inbox/:id/reject`. */
export const rejectInboxSchema = z
  .strictObject({ comment: z.string().trim().min(1).max(1000).optional() })
  .nullish()
  .meta({ id: 'RejectInboxItem' });

/** An inbox item. */
export type InboxItemView = z.infer<typeof inboxItemSchema>;
/** `GET /inbox` filters. */
export type InboxListQuery = z.infer<typeof inboxListQuerySchema>;
