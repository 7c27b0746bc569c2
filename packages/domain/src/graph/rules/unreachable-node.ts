import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';
import { reworkRepairs } from '../rework-repairs.ts';

/**
 * `UNREACHABLE_NODE`: every node is on some path from start. A repair step entered only through a
 * rework edge counts as reached; whether its loop leads back is `REWORK_TARGET`'s finding.
 */
export const unreachableNode: GraphRule = (index) => {
  if (index.startKeys.length === 0) return [];
  const repaired = new Set(reworkRepairs(index).flatMap((repair) => repair.region));
  const issues = [];
  for (const { key } of index.nodes) {
    if (!index.isReachable(key) && !repaired.has(key)) {
      issues.push(
        graphIssue('UNREACHABLE_NODE', `No piece can reach ${nodeLabel(index, key)}: no path leads to it from Start.`, [
          key,
        ]),
      );
    }
  }
  return issues;
};
