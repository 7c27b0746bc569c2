import type { GraphEdge, GraphNode } from '@atelier/domain';
import { docToGraph, toFlowEdge, toFlowNode } from './graph-mapping.ts';
import { uniqueKey } from './node-keys.ts';
import type { DesignerDoc, DesignerEdge, DesignerNode } from './types.ts';

/** What copy puts aside: the selected nodes and the edges between them, as routing JSON. */
export interface Clip {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** The selected nodes and the edges among them; null when nothing is selected. */
export function copySelection(doc: DesignerDoc): Clip | null {
  const selected = new Set(doc.nodes.filter((n) => n.selected).map((n) => n.id));
  if (selected.size === 0) return null;
  const graph = docToGraph(doc);
  return {
    nodes: graph.nodes.filter((n) => selected.has(n.key)),
    edges: graph.edges.filter((e) => selected.has(e.from) && selected.has(e.to)),
  };
}

/**
 * The clip as new canvas nodes and edges: fresh keys, moved by `offset`, selected (the old selection
 * is the caller's to clear). `nextEdgeId` names the new edges.
 */
export function pasteClip(
  clip: Clip,
  doc: DesignerDoc,
  offset: { x: number; y: number },
  nextEdgeId: () => string,
): { nodes: DesignerNode[]; edges: DesignerEdge[] } {
  const taken = new Set(doc.nodes.map((n) => n.id));
  const renamed = new Map<string, string>();
  const nodes = clip.nodes.map((node) => {
    const key = uniqueKey(node.key, taken);
    taken.add(key);
    renamed.set(node.key, key);
    const at = node.position ?? { x: 0, y: 0 };
    return { ...toFlowNode({ ...node, key, position: { x: at.x + offset.x, y: at.y + offset.y } }), selected: true };
  });
  const edges = clip.edges.map((edge) => ({
    ...toFlowEdge(
      { ...edge, from: renamed.get(edge.from) ?? edge.from, to: renamed.get(edge.to) ?? edge.to },
      nextEdgeId(),
    ),
    selected: true,
  }));
  return { nodes, edges };
}
