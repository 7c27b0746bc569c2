import dagre from '@dagrejs/dagre';
import { GRID, NODE_SIZE } from './node-size.ts';
import type { DesignerDoc } from './types.ts';

const snap = (value: number) => Math.round(value / GRID) * GRID;

/**
 * Left-to-right layered layout (dagre): forward edges rank the nodes, so split branches sit side by
 * side and rework edges, left out of the ranking, run back visibly against the flow. Returns the new
 * top-left position of every node.
 */
export function autoLayout(doc: DesignerDoc): Map<string, { x: number; y: number }> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 24, marginy: 24 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) {
    const size = NODE_SIZE[node.type ?? 'operation'];
    graph.setNode(node.id, {
      width: node.measured?.width ?? size.width,
      height: node.measured?.height ?? size.height,
    });
  }
  for (const edge of doc.edges) {
    if (edge.data?.kind === 'rework' || !graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.setEdge(edge.source, edge.target, {}, edge.id);
  }
  dagre.layout(graph);
  const positions = new Map<string, { x: number; y: number }>();
  for (const id of graph.nodes()) {
    const laid = graph.node(id);
    positions.set(id, { x: snap(laid.x - laid.width / 2), y: snap(laid.y - laid.height / 2) });
  }
  return positions;
}
