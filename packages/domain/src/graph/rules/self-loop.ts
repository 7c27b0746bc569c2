import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

/** `SELF_LOOP`: a node may not lead to itself; repeating work is a rework edge from a QC step. */
export const selfLoop: GraphRule = (index) =>
  index.selfLoops.map((i) => {
    const key = index.graph.edges[i]?.from ?? '';
    return graphIssue(
      'SELF_LOOP',
      `${nodeLabel(index, key)} is connected to itself. To repeat work after an inspection, add a rework edge from a QC step.`,
      [key],
      [i],
    );
  });
