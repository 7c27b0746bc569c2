import type { GraphNode } from '../graph/graph-schema.ts';

/** How many operators a work item of a node needs before its start and may have at most. */
export interface WorkItemLimits {
  readonly minOperators: number;
  readonly maxOperators: number;
}

/**
 * The operator limits of a work item at `node` (missing from the graph: one operator): at least
 * one operator, and never a maximum below the minimum, whatever the node's config says.
 */
export function workItemLimits(node: GraphNode | undefined): WorkItemLimits {
  const minOperators = Math.max(1, node?.config?.minOperators ?? 1);
  return { minOperators, maxOperators: Math.max(minOperators, node?.config?.maxOperators ?? 1) };
}
