import { z } from 'zod';
import { pageQuerySchema, pageSchema } from './paging.ts';

/** Work-item states (SPEC §2). */
export const workItemStateSchema = z.enum(['ready', 'assigned', 'in_progress', 'paused', 'completed', 'cancelled']);

/** `/work-items/:id`. */
export const workItemParamsSchema = z.object({ id: z.uuid().describe('Work item id (UUID).') });

/** `GET /work-items` filters; `me` is the signed-in user. */
const nodeFilterSchema = z.string().min(1).max(64).optional().describe('Node key, e.g. `cut`.');
const workCenterFilterSchema = z.string().min(1).max(64).optional().describe('Work center code (e.g. `CUT`) or id.');

export const workItemListQuerySchema = pageQuerySchema.extend({
  state: workItemStateSchema.optional(),
  node: nodeFilterSchema,
  workCenter: workCenterFilterSchema,
  assignee: z.literal('me').optional().describe('`me`: items I am bound to (holder or colleague).'),
  available: z
    .literal('me')
    .optional()
    .describe('`me`: items I may claim now — ready, piece not cancelled, my skill levels and team fit the step.'),
});

/** A person on a work item and the time they worked on it. */
export const workItemOperatorSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  /** False once they left, handed off, or the item closed. */
  bound: z.boolean(),
  workedSeconds: z.number().describe('Sum of their time-log intervals; a running one counts up to now.'),
  closedSeconds: z
    .number()
    .describe(
      'Sum of their finished time-log intervals (seconds, fractional): a running timer shows this plus now − runningSince.',
    ),
  runningSince: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe(
      'Start of their running time log (their clock runs), null when it is stopped: a timer counts on from it.',
    ),
});

/** A work item as queues and the Kanban show it. */
export const workItemSchema = z
  .object({
    id: z.uuid(),
    state: workItemStateSchema,
    version: z.number().int(),
    visit: z.number().int().describe('1 for the first visit of the node, 2+ after rework.'),
    priority: z.number().int(),
    node: z.object({
      key: z.string(),
      name: z.string().nullable(),
      kind: z.enum(['operation', 'qc']),
      instructions: z.string().nullable(),
      standardMinutes: z.number().nullable(),
      minOperators: z.number().int(),
      maxOperators: z.number().int(),
      skills: z.array(z.object({ code: z.string(), minLevel: z.number().int() })),
      qcChecklist: z.array(z.string()).describe('What a QC step checks, shown as tick boxes.'),
    }),
    workCenter: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    token: z.object({
      id: z.uuid(),
      serial: z.string(),
      state: z.enum(['active', 'waiting', 'completed', 'cancelled']),
      attributes: z.record(z.string(), z.unknown()).describe('Piece attributes, e.g. leather, colour, size.'),
    }),
    order: z.object({
      id: z.uuid(),
      code: z.string(),
      kind: z.enum(['manufacturingOrder', 'atelierJob']),
      product: z.string(),
      dueDate: z.iso.date().nullable(),
    }),
    assigneeId: z.uuid().nullable().describe('The holder.'),
    operators: z.array(workItemOperatorSchema),
    workedSeconds: z.number().describe('Labour so far, all operators together.'),
    claimDeadline: z.iso.datetime({ offset: true }).nullable(),
    qc: z.object({ result: z.enum(['pass', 'fail', 'rework']), reasonCodes: z.array(z.string()) }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    startedAt: z.iso.datetime({ offset: true }).nullable(),
    completedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'WorkItem' });

/** A page of work items: highest priority first, then oldest. */
export const workItemPageSchema = pageSchema(workItemSchema).meta({ id: 'WorkItemPage' });

/** A work item as a command leaves it. */
export const workItemAfterCommandSchema = z
  .object({
    id: z.uuid(),
    tokenId: z.uuid(),
    nodeKey: z.string(),
    state: workItemStateSchema,
    version: z.number().int(),
    assigneeId: z.uuid().nullable(),
    operatorIds: z.array(z.uuid()).describe('Operators bound now, holder first.'),
  })
  .meta({ id: 'WorkItemAfterCommand' });

/** `POST /work-items/:id/complete`: where the piece went. */
export const completionSchema = z
  .object({
    workItem: workItemAfterCommandSchema,
    token: z.object({
      id: z.uuid(),
      state: z.enum(['active', 'waiting', 'completed', 'cancelled']),
      nodeKey: z.string(),
    }),
    next: z
      .array(z.object({ id: z.uuid(), tokenId: z.uuid(), nodeKey: z.string() }))
      .describe('Work items the routing opened.'),
  })
  .meta({ id: 'WorkItemCompletion' });

/** Body of `complete` (may be absent): a QC step needs `qc` (fail and rework with reason codes); an operation none. */
export const completeBodySchema = z
  .strictObject({
    qc: z
      .strictObject({
        result: z.enum(['pass', 'fail', 'rework']),
        reasonCodes: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
        reworkTo: z.string().min(1).max(64).optional().describe('With several rework edges: the node to go back to.'),
        note: z.string().trim().max(1000).optional().describe("The inspector's note (kept in the completion event)."),
        checked: z
          .array(z.string().max(500))
          .max(50)
          .optional()
          .describe('The checklist points ticked (kept in the completion event).'),
      })
      .optional(),
  })
  .nullish();

/** Why an operator pauses: the station offers these (the event keeps the code). */
export const PAUSE_REASONS = ['break', 'material', 'tool', 'question', 'shift_end', 'other'] as const;

/** A pause reason. */
export type PauseReason = (typeof PAUSE_REASONS)[number];

/** Body of `pause` (may be absent): the reason, from {@link PAUSE_REASONS}. */
export const pauseBodySchema = z
  .strictObject({ reason: z.enum(PAUSE_REASONS).optional().describe('Why the work stops; kept in the event.') })
  .nullish();

/**
 * Defect codes a QC station offers for fail and rework (the API accepts other codes too, e.g. from
 * an integrator's own list).
 */
export const QC_REASON_CODES = [
  'STITCH_GAP',
  'LOOSE_THREAD',
  'EDGE_PAINT',
  'LEATHER_FLAW',
  'SCRATCH',
  'COLOUR_MISMATCH',
  'LOOSE_RIVET',
  'HARDWARE_DEFECT',
  'MEASUREMENT',
  'GLUE_MARK',
] as const;

/** A QC defect code the station offers. */
export type QcReasonCode = (typeof QC_REASON_CODES)[number];

/** Body of `handoff`. */
export const handOffBodySchema = z.strictObject({
  toUserId: z.uuid().describe('The colleague who takes over.'),
  fromUserId: z.uuid().optional().describe('Managers on a multi-operator item: whose place (default the holder).'),
});

/** Body of `requeue`. */
export const requeueBodySchema = z.strictObject({ reason: z.string().trim().min(1).max(500).optional() }).nullish();

/** A body-less command accepts an empty JSON object (or no body). */
export const emptyBodySchema = z.strictObject({}).nullish();

/** Body of `claim-next` (may be absent): where to take work from; none is the whole factory. */
export const claimNextBodySchema = z
  .strictObject({ node: nodeFilterSchema, workCenter: workCenterFilterSchema })
  .nullish();

/** A work item in responses. */
export type WorkItemView = z.infer<typeof workItemSchema>;
/** `GET /work-items` filters. */
export type WorkItemListQuery = z.infer<typeof workItemListQuerySchema>;
