import type { RoutingGraph } from './graph-schema.ts';

/**
 * The `end` nodes a piece reaches only by failing QC: every edge into them is a `fail` edge (the
 * tote's "Scrapped"). A piece that completes at one of these was scrapped, not made, so order
 * counts must not count it as completed.
 */
export function scrapEndKeys(graph: RoutingGraph): Set<string> {
  const incoming = new Map<string, string[]>();
  for (const edge of graph.edges) incoming.set(edge.to, [...(incoming.get(edge.to) ?? []), edge.kind]);
  const keys = new Set<string>();
  for (const node of graph.nodes) {
    const kinds = incoming.get(node.key) ?? [];
    if (node.type === 'end' && kinds.length > 0 && kinds.every((kind) => kind === 'fail')) keys.add(node.key);
  }
  return keys;
}
