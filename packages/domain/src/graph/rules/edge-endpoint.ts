import type { GraphRule } from '../graph-rule.ts';
import { graphIssue } from '../graph-issue.ts';

/** `EDGE_ENDPOINT`: both ends of an edge must be nodes of the graph. */
export const edgeEndpoint: GraphRule = (index) =>
  index.danglingEdges.map((i) => {
    const edge = index.graph.edges[i];
    if (!edge) return graphIssue('EDGE_ENDPOINT', `Edge ${i} does not exist.`, [], [i]);
    const missing = [edge.from, edge.to].filter((key) => !index.nodeByKey.has(key));
    const existing = [edge.from, edge.to].filter((key) => index.nodeByKey.has(key));
    return graphIssue(
      'EDGE_ENDPOINT',
      `The connection from "${edge.from}" to "${edge.to}" points at ${missing.map((k) => `"${k}"`).join(' and ')}, which is not in the routing.`,
      existing,
      [i],
    );
  });
