import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabels } from '../graph-issue.ts';

/** `CYCLE`: the only way back is a rework edge (which has a pass limit); any other loop never ends. */
export const cycle: GraphRule = (index) => {
  if (index.cyclicKeys.length === 0) return [];
  const inCycle = new Set(index.cyclicKeys);
  const edges = index.cyclicKeys.flatMap((key) =>
    index.outgoing(key).filter(({ edge }) => edge.kind !== 'rework' && inCycle.has(edge.to)),
  );
  return [
    graphIssue(
      'CYCLE',
      `${nodeLabels(index, index.cyclicKeys)} form a loop. Only a rework edge from a QC step may lead back to an earlier step; make the backward connection a rework edge.`,
      index.cyclicKeys,
      edges.map((e) => e.index),
    ),
  ];
};
