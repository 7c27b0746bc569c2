import type { GraphRule } from '../graph-rule.ts';
import { graphIssue, nodeLabel } from '../graph-issue.ts';

/** `DUPLICATE_EDGE`: the same connection drawn twice would send a piece twice. */
export const duplicateEdge: GraphRule = (index) =>
  index.duplicateEdges.map(({ index: i, firstIndex }) => {
    const edge = index.graph.edges[i];
    const from = edge?.from ?? '';
    const to = edge?.to ?? '';
    return graphIssue(
      'DUPLICATE_EDGE',
      `The ${edge?.kind} connection from ${nodeLabel(index, from)} to ${nodeLabel(index, to)} is drawn twice; remove one.`,
      [from, to],
      [firstIndex, i],
    );
  });
