import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

/**
 * `DEAD_END`: from every node some path leads to an end. Rework edges do not count: once their
 * passes are used up a piece must still be able to go forward.
 */
export const deadEnd: GraphRule = (index) => {
  if (index.endKeys.length === 0) return [];
  const issues = [];
  for (const { key } of index.nodes) {
    if (!index.reachesEnd(key)) {
      issues.push(
        graphIssue('DEAD_END', `Pieces at ${nodeLabel(index, key)} would get stuck: no path leads from it to an End.`, [
          key,
        ]),
      );
    }
  }
  return issues;
};
