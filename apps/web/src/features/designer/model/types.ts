import type { EdgeCondition, EdgeKind, NodeConfig, NodeType } from '@atelier/domain';
import type { Edge, Node } from '@xyflow/react';

/**
 * What a canvas node carries. The React Flow node id is the routing node's key; the data object is
 * replaced (never mutated) on every edit, so reference equality tells an edit from a move or a
 * selection change (undo history and validation rely on that).
 */
export interface StepData extends Record<string, unknown> {
  name: string;
  config?: NodeConfig;
}

/** A node on the canvas, typed by its routing node type (xyflow's `Node<Data, 'kind'>` pattern). */
export type DesignerNode = Node<StepData, NodeType>;

/** What a canvas edge carries: the routing edge minus its ends. */
export interface KindData extends Record<string, unknown> {
  kind: EdgeKind;
  label?: string;
  condition?: EdgeCondition;
  maxPasses?: number;
}

/** A connection on the canvas. Its position in the edges array is its index in the routing document. */
export type DesignerEdge = Edge<KindData, 'kind'>;

/** The document fields around nodes and edges. */
export interface GraphMeta {
  code: string;
  name: string;
  description?: string;
}

/** Everything the undo history tracks and a save sends. */
export interface DesignerDoc {
  meta: GraphMeta;
  nodes: readonly DesignerNode[];
  edges: readonly DesignerEdge[];
}
