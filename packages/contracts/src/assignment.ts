import { z } from 'zod';
import { catalogCodeSchema } from './catalog.ts';

/** Assignment policies (SPEC §2): assign the best candidate, offer it to them, leave it in the pool, or for a manager. */
export const assignmentPolicyValues = ['auto', 'offer', 'pool', 'manual'] as const;
const policySchema = z.enum(assignmentPolicyValues);

const weightsSchema = z
  .strictObject({
    load: z.number().min(0).max(1000).optional().describe('Score points per open standard minute (default 1).'),
    skillMargin: z
      .number()
      .min(0)
      .max(1000)
      .optional()
      .describe('Score points per skill level above the minimum (default 0: a tie-break only).'),
    continuity: z
      .boolean()
      .optional()
      .describe('Atelier pieces go first to the artisan of their earlier steps (default true).'),
  })
  .describe('Ranking weights; lower score ranks first.');

const ruleSkillSchema = z.strictObject({ code: catalogCodeSchema, minLevel: z.number().int().min(1).max(5) });
const seconds = z
  .number()
  .int()
  .min(1)
  .max(7 * 24 * 3600);
const minutes = z.number().int().min(1).max(100_000);

/** An assignment rule: for one node of a routing (graph + nodeKey) or for a whole work center. */
export const assignmentRuleSchema = z
  .object({
    id: z.uuid(),
    graph: z.string().nullable().describe('Routing graph code (node rules).'),
    nodeKey: z.string().nullable(),
    workCenter: z.string().nullable().describe('Work center code (work-center rules).'),
    team: z.string().nullable().describe('Only members of this team are candidates.'),
    skills: z.array(ruleSkillSchema).describe("Skills a candidate needs besides the node's own."),
    policy: policySchema,
    claimTimeoutSec: z.number().int().nullable(),
    offerTimeoutSec: z.number().int().nullable(),
    maxOpenMinutes: z.number().int().nullable(),
    overdueMinutes: z.number().int().nullable(),
    weights: weightsSchema,
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'AssignmentRule' });

/** Every assignment rule, newest first. */
export const assignmentRuleListSchema = z
  .object({ items: z.array(assignmentRuleSchema) })
  .meta({ id: 'AssignmentRuleList' });

const ruleFields = {
  team: catalogCodeSchema.nullable().optional(),
  skills: z.array(ruleSkillSchema).max(20).optional(),
  policy: policySchema.optional(),
  claimTimeoutSec: seconds.nullable().optional(),
  offerTimeoutSec: seconds.nullable().optional(),
  maxOpenMinutes: minutes.nullable().optional(),
  overdueMinutes: minutes.nullable().optional(),
  weights: weightsSchema.optional(),
  active: z.boolean().optional(),
};

/** Body of `POST /assignment-rules`: a node rule (`graph` + `nodeKey`) or a work-center rule (`workCenter`). */
export const createAssignmentRuleSchema = z
  .strictObject({
    graph: z.string().min(1).max(100).optional().describe('Routing graph code or id, with nodeKey.'),
    nodeKey: z.string().min(1).max(64).optional(),
    workCenter: catalogCodeSchema.optional(),
    ...ruleFields,
    policy: policySchema,
  })
  .refine((body) => (body.graph === undefined) === (body.nodeKey === undefined), {
    message: 'A node rule names both graph and nodeKey',
    path: ['nodeKey'],
  })
  .refine((body) => body.nodeKey !== undefined || body.workCenter !== undefined, {
    message: 'Name a node (graph + nodeKey) or a work center',
    path: ['workCenter'],
  })
  .meta({ id: 'CreateAssignmentRule' });

/** Body of `PATCH /assignment-rules/:id`: what the rule applies to stays, its settings change. */
export const updateAssignmentRuleSchema = z
  .strictObject(ruleFields)
  .refine((body) => Object.keys(body).length > 0, 'Give at least one field to change')
  .meta({ id: 'UpdateAssignmentRule' });

/** `/:id` of an assignment rule. */
export const assignmentRuleParamsSchema = z.object({ id: z.uuid().describe('Assignment rule id (UUID).') });

/** Body of `POST /work-items/:id/assign`. */
export const assignBodySchema = z
  .strictObject({
    userId: z.uuid(),
    force: z.boolean().default(false).describe('Override the qualification and attendance check (needs a reason).'),
    reason: z.string().trim().min(1).max(500).optional(),
  })
  .meta({ id: 'AssignWorkItem' });

/** Body of `POST /work-items/:id/unassign`. */
export const unassignBodySchema = z
  .strictObject({ reason: z.string().trim().min(1).max(500).optional() })
  .nullish()
  .meta({ id: 'UnassignWorkItem' });

const scoreSchema = z.object({
  continuity: z.boolean(),
  openMinutes: z.number(),
  skillMargin: z.number(),
  lastAssignedAt: z.iso.datetime().nullable(),
  score: z.number(),
});

const exclusionSchema = z.enum([
  'inactive',
  'not-operator',
  'absent',
  'skill',
  'team',
  'work-center',
  'load-cap',
  'skipped',
]);

/** `GET /assignment/explain/:workItemId`: why the engine does what it does with an item. */
export const assignmentExplainSchema = z
  .object({
    workItemId: z.uuid(),
    state: z.string(),
    assigneeId: z.uuid().nullable(),
    rule: z.object({
      source: z.enum(['node-rule', 'work-center-rule', 'node-config']),
      ruleId: z.uuid().nullable(),
      policy: policySchema,
      team: z.string().nullable(),
      skills: z.array(ruleSkillSchema),
      claimTimeoutSec: z.number().nullable(),
      offerTimeoutSec: z.number(),
      maxOpenMinutes: z.number().nullable(),
      weights: z.object({ load: z.number(), skillMargin: z.number(), continuity: z.boolean() }),
    }),
    action: z
      .enum(['assign', 'offer', 'pool', 'manual', 'unassignable'])
      .describe('What the engine does with the item now.'),
    chosen: z.object({ userId: z.uuid(), displayName: z.string() }).nullable(),
    blockingFilter: exclusionSchema.nullable(),
    excludedBy: z.record(z.string(), z.number()),
    candidates: z.array(
      z.object({
        userId: z.uuid(),
        displayName: z.string(),
        eligible: z.boolean(),
        rank: z.number().int().nullable(),
        score: scoreSchema.nullable(),
        excludedBy: exclusionSchema.nullable(),
        detail: z.string().nullable(),
      }),
    ),
    offer: z.object({ userId: z.uuid(), offeredAt: z.iso.datetime(), expiresAt: z.iso.datetime() }).nullable(),
    lastDecision: z
      .object({ decidedAt: z.iso.datetime(), action: z.string(), chosenId: z.uuid().nullable() })
      .nullable()
      .describe("The engine's last recorded decision about the item."),
  })
  .meta({ id: 'AssignmentExplain' });

/** An assignment rule. */
export type AssignmentRuleView = z.infer<typeof assignmentRuleSchema>;
/** A new assignment rule. */
export type CreateAssignmentRule = z.infer<typeof createAssignmentRuleSchema>;
/** Changes to an assignment rule. */
export type UpdateAssignmentRule = z.infer<typeof updateAssignmentRuleSchema>;
/** The explain output. */
export type AssignmentExplain = z.infer<typeof assignmentExplainSchema>;
