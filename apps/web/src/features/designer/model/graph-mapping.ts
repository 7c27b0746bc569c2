import { GRAPH_FORMAT } from '@atelier/domain';
import type { GraphEdge, GraphNode, RoutingGraph } from '@atelier/domain';
import { NODE_SIZE } from './node-size.ts';
import type { DesignerDoc, DesignerEdge, DesignerNode, KindData } from './types.ts';

/** Canvas edge data from a routing edge; absent optional fields stay absent so a round trip is exact. */
export function toKindData(edge: Omit<GraphEdge, 'from' | 'to'>): KindData {
  const data: KindData = { kind: edge.kind };
  if (edge.label !== undefined) data.label = edge.label;
  if (edge.condition !== undefined) data.condition = edge.condition;
  if (edge.maxPasses !== undefined) data.maxPasses = edge.maxPasses;
  return data;
}

/** A canvas node for a routing node (positionless nodes start at the origin until laid out). */
export function toFlowNode(node: GraphNode): DesignerNode {
  const size = NODE_SIZE[node.type];
  const flow: DesignerNode = {
    id: node.key,
    type: node.type,
    // Known before measuring, so the canvas culls off-screen nodes from the first render on.
    initialWidth: size.width,
    initialHeight: size.height,
    position: node.position ? { ...node.position } : { x: 0, y: 0 },
    data: node.config === undefined ? { name: node.name } : { name: node.name, config: node.config },
  };
  return flow;
}

/** A canvas edge; ids are local (`e0`, `e1`…), the routing format identifies edges by index only. */
export function toFlowEdge(edge: GraphEdge, id: string): DesignerEdge {
  return { id, source: edge.from, target: edge.to, type: 'kind', data: toKindData(edge) };
}

/** Which nodes of a document had no position (they need an auto-layout when opened). */
export function lacksPositions(graph: RoutingGraph): boolean {
  return graph.nodes.some((node) => node.position === undefined);
}

/** A routing-graph/v1 document as canvas state. */
export function graphToDoc(graph: RoutingGraph): DesignerDoc {
  return {
    meta: {
      code: graph.code,
      name: graph.name,
      ...(graph.description === undefined ? {} : { description: graph.description }),
    },
    nodes: graph.nodes.map(toFlowNode),
    edges: graph.edges.map((edge, i) => toFlowEdge(edge, `e${i}`)),
  };
}

/** Canvas state back to a routing-graph/v1 document, fields in the format's order. */
export function docToGraph(doc: DesignerDoc): RoutingGraph {
  const nodes = doc.nodes.map((node): GraphNode => {
    const out: GraphNode = { key: node.id, type: node.type ?? 'operation', name: node.data.name };
    out.position = { x: node.position.x, y: node.position.y };
    if (node.data.config !== undefined) out.config = node.data.config;
    return out;
  });
  const edges = doc.edges.map((edge): GraphEdge => {
    const data = edge.data ?? { kind: 'normal' };
    const out: GraphEdge = { from: edge.source, to: edge.target, kind: data.kind };
    if (data.label !== undefined) out.label = data.label;
    if (data.condition !== undefined) out.condition = data.condition;
    if (data.maxPasses !== undefined) out.maxPasses = data.maxPasses;
    return out;
  });
  return {
    format: GRAPH_FORMAT,
    code: doc.meta.code,
    name: doc.meta.name,
    ...(doc.meta.description === undefined ? {} : { description: doc.meta.description }),
    nodes,
    edges,
  };
}

/**
 * True when two documents say the same thing: same meta, nodes (id, type, position, data object)
 * and edges (ends, data object). Selection and measuring change node objects but not these, so they
 * are neither an undo step nor an unsaved change. Linear, reference compares only.
 */
export function sameDoc(a: DesignerDoc, b: DesignerDoc): boolean {
  if (a.meta !== b.meta || a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i] as DesignerNode;
    const y = b.nodes[i] as DesignerNode;
    if (x === y) continue;
    if (x.id !== y.id || x.type !== y.type || x.data !== y.data) return false;
    if (x.position.x !== y.position.x || x.position.y !== y.position.y) return false;
  }
  return sameEdges(a.edges, b.edges);
}

/** Like {@link sameDoc} but ignoring positions: what validation depends on. */
export function sameStructure(a: DesignerDoc, b: DesignerDoc): boolean {
  if (a.meta !== b.meta || a.nodes.length !== b.nodes.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i] as DesignerNode;
    const y = b.nodes[i] as DesignerNode;
    if (x !== y && (x.id !== y.id || x.type !== y.type || x.data !== y.data)) return false;
  }
  return sameEdges(a.edges, b.edges);
}

function sameEdges(a: readonly DesignerEdge[], b: readonly DesignerEdge[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as DesignerEdge;
    const y = b[i] as DesignerEdge;
    if (x !== y && (x.source !== y.source || x.target !== y.target || x.data !== y.data)) return false;
  }
  return true;
}
