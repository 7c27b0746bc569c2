import { buildGraphIndex } from './graph-index.ts';
import type { GraphIndex } from './graph-index.ts';
import type { GraphIssue } from './graph-issue.ts';
import type { GraphRule } from './graph-rule.ts';
import type { RoutingGraph } from './graph-schema.ts';
import type { ValidationContext } from './validation-context.ts';
import { ambiguousRoute } from './rules/ambiguous-route.ts';
import { cycle } from './rules/cycle.ts';
import { deadEnd } from './rules/dead-end.ts';
import { decisionDefault } from './rules/decision-default.ts';
import { decisionOverlap } from './rules/decision-overlap.ts';
import { duplicateEdge } from './rules/duplicate-edge.ts';
import { duplicateKey } from './rules/duplicate-key.ts';
import { edgeEndpoint } from './rules/edge-endpoint.ts';
import { edgeKind } from './rules/edge-kind.ts';
import { endMissing } from './rules/end-missing.ts';
import { joinArity } from './rules/join-arity.ts';
import { operationConfig } from './rules/operation-config.ts';
import { qcEdges } from './rules/qc-edges.ts';
import { reworkTarget } from './rules/rework-target.ts';
import { selfLoop } from './rules/self-loop.ts';
import { skillUncovered } from './rules/skill-uncovered.ts';
import { splitArity } from './rules/split-arity.ts';
import { startCount } from './rules/start-count.ts';
import { unknownReference } from './rules/unknown-reference.ts';
import { unmatchedSplitJoin } from './rules/unmatched-split-join.ts';
import { unreachableNode } from './rules/unreachable-node.ts';
import { workCenterNoCapacity } from './rules/work-center-no-capacity.ts';

/** Rules in reporting order: broken references first, then structure, then config, then warnings. */
const RULES: readonly GraphRule[] = [
  duplicateKey,
  edgeEndpoint,
  selfLoop,
  duplicateEdge,
  startCount,
  endMissing,
  unreachableNode,
  deadEnd,
  cycle,
  reworkTarget,
  splitArity,
  joinArity,
  unmatchedSplitJoin,
  decisionDefault,
  qcEdges,
  edgeKind,
  ambiguousRoute,
  operationConfig,
  unknownReference,
  skillUncovered,
  workCenterNoCapacity,
  decisionOverlap,
];

/**
 * Checks a parsed graph against every rule of SPEC §2 and returns the findings (empty when the graph
 * is clean). Never throws. Pass an already built index to reuse it (e.g. the routing engine's).
 */
export function validateGraph(
  graph: RoutingGraph,
  context: ValidationContext = {},
  index: GraphIndex = buildGraphIndex(graph),
): GraphIssue[] {
  return RULES.flatMap((rule) => rule(index, context));
}

/** A validation result as the API and CLI return it. */
export interface ValidationResult {
  /** False when any finding is an error (warnings do not block publishing). */
  valid: boolean;
  issues: GraphIssue[];
}

/** Wraps findings into `{ valid, issues }`. */
export function toValidationResult(issues: GraphIssue[]): ValidationResult {
  return { valid: issues.every((issue) => issue.severity !== 'error'), issues };
}
