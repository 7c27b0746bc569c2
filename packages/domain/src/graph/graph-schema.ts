import { z } from 'zod';

/**
 * The one schema of the `routing-graph/v1` interchange format (SPEC §2), used by the CLI, the API,
 * the database and the designer alike. It checks shape only (strict objects, types, ranges of single
 * fields); graph rules that span several nodes and edges live in `validateGraph`.
 */

/** Format tag every routing-graph document carries. */
export const GRAPH_FORMAT = 'routing-graph/v1';

/** Node types: work steps (`operation`, `qc`) and instant nodes (the rest). */
export const nodeTypeSchema = z.enum(['start', 'end', 'operation', 'qc', 'split', 'join', 'decision']);
/** A node type. */
export type NodeType = z.infer<typeof nodeTypeSchema>;

/** Edge kinds; `rework` is the only kind allowed to close a cycle. */
export const edgeKindSchema = z.enum(['normal', 'pass', 'fail', 'rework', 'condition', 'default']);
/** An edge kind. */
export type EdgeKind = z.infer<typeof edgeKindSchema>;

/** Comparison operators of a decision condition. */
export const conditionOpSchema = z.enum(['eq', 'neq', 'in', 'gt', 'gte', 'lt', 'lte']);
/** A condition operator. */
export type ConditionOp = z.infer<typeof conditionOpSchema>;

/** Assignment policies of a work step (SPEC §2 "Assignment engine"). */
export const assignmentPolicySchema = z.enum(['auto', 'offer', 'pool', 'manual']);
/** An assignment policy. */
export type AssignmentPolicy = z.infer<typeof assignmentPolicySchema>;

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
/** A scalar a token attribute is compared with. */
export type ConditionScalar = z.infer<typeof scalarSchema>;

/**
 * A condition on a token attribute. The value's shape per operator (array for `in`, number for the
 * ordering operators) is a graph rule (`DECISION_DEFAULT`) so a half-edited draft still parses.
 */
export const edgeConditionSchema = z.strictObject({
  attribute: z.string().min(1),
  op: conditionOpSchema,
  value: z.union([scalarSchema, z.array(scalarSchema)]),
});
/** A condition carried by a `condition` edge. */
export type EdgeCondition = z.infer<typeof edgeConditionSchema>;

/** Stable node key: letters, digits, `_`, `-`, `.`; it survives renames and versions. */
export const nodeKeySchema = z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'Use 1-64 letters, digits, "_", "-" or "."');

/** A required skill with its minimum level (1-5). */
export const skillRequirementSchema = z.strictObject({
  code: z.string().min(1),
  minLevel: z.number().int().min(1).max(5),
});
/** A required skill. */
export type SkillRequirement = z.infer<typeof skillRequirementSchema>;

/**
 * Node configuration. Every field is optional in the format; `OPERATION_CONFIG` says which ones an
 * operation needs, so a draft with missing values is reported as findings, not as a parse failure.
 */
export const nodeConfigSchema = z.strictObject({
  workCenter: z.string().min(1).optional(),
  standardMinutes: z.number().optional(),
  minOperators: z.number().int().optional(),
  maxOperators: z.number().int().optional(),
  skills: z.array(skillRequirementSchema).optional(),
  assignmentPolicy: assignmentPolicySchema.optional(),
  claimTimeoutMinutes: z.number().positive().optional(),
  instructions: z.string().optional(),
  qcChecklist: z.array(z.string()).optional(),
  preset: z.string().min(1).optional(),
});
/** Node configuration. */
export type NodeConfig = z.infer<typeof nodeConfigSchema>;

/** Canvas position of a node (designer only; no meaning for routing). */
export const positionSchema = z.strictObject({ x: z.number(), y: z.number() });
/** A canvas position. */
export type NodePosition = z.infer<typeof positionSchema>;

/** A node of a routing graph. */
export const graphNodeSchema = z.strictObject({
  key: nodeKeySchema,
  type: nodeTypeSchema,
  name: z.string().min(1).max(120),
  position: positionSchema.optional(),
  config: nodeConfigSchema.optional(),
});
/** A node of a routing graph. */
export type GraphNode = z.infer<typeof graphNodeSchema>;

/** An edge; edges are identified by their index in `edges`. */
export const graphEdgeSchema = z.strictObject({
  from: z.string().min(1),
  to: z.string().min(1),
  kind: edgeKindSchema,
  label: z.string().optional(),
  condition: edgeConditionSchema.optional(),
  maxPasses: z.number().int().optional(),
});
/** An edge of a routing graph. */
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

/** A whole routing graph document (`routing-graph/v1`). */
export const routingGraphSchema = z.strictObject({
  format: z.literal(GRAPH_FORMAT),
  code: z.string().min(1).max(40),
  name: z.string().min(1).max(200),
  description: z.string().optional(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
});
/** A routing graph. */
export type RoutingGraph = z.infer<typeof routingGraphSchema>;
