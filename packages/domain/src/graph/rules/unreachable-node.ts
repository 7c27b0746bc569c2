import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

/** `UNREACHABLE_NODE`: every node is on some path from start (rework edges do not count). */
export const unreachableNode: GraphRule = (index) => {
  if (index.startKeys.length === 0) return [];
  const issues = [];
  for (const { key } of index.nodes) {
    if (!index.isReachable(key)) {
      issues.push(
        graphIssue('UNREACHABLE_NODE', `No piece can reach ${nodeLabel(index, key)}: no path leads to it from Start.`, [
          key,
        ]),
      );
    }
  }
  return issues;
};
