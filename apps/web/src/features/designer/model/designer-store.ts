import type { EdgeKind, GraphNode } from '@atelier/domain';
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { EdgeChange, NodeChange } from '@xyflow/react';
import { temporal } from 'zundo';
import { createStore } from 'zustand/vanilla';
import { copySelection, pasteClip } from './clipboard.ts';
import type { Clip } from './clipboard.ts';
import { sameDoc, toFlowNode, toKindData } from './graph-mapping.ts';
import { uniqueKey } from './node-keys.ts';
import { GRID, NODE_SIZE } from './node-size.ts';
import type { DesignerDoc, DesignerEdge, DesignerNode, GraphMeta, KindData, StepData } from './types.ts';

/** The canvas state and every edit, as one zustand store with undo history (zundo). */
export interface DesignerState extends DesignerDoc {
  readOnly: boolean;
  /** Replaces the document (opening a version, reloading); clears the history. */
  load(doc: DesignerDoc, options?: { readOnly?: boolean }): void;
  /** Replaces the document as one undoable edit (an imported file). */
  replace(doc: DesignerDoc): void;
  /** React Flow's change feed (selection, measuring, moves, deletes). */
  onNodesChange(changes: NodeChange<DesignerNode>[]): void;
  onEdgesChange(changes: EdgeChange<DesignerEdge>[]): void;
  /** Draws an edge; returns its id. */
  connect(from: string, to: string, kind: EdgeKind): string;
  /** Adds a node from routing JSON (a preset applied), under a free key; returns the key. */
  addNode(node: GraphNode): string;
  /** Adds a node in the middle of an edge: from → node → to, the edge's kind kept on the first half. */
  insertOnEdge(edgeId: string, node: GraphNode): string;
  /** Replaces a node's name and config. */
  updateNodeData(id: string, data: StepData): void;
  /** Renames a node key, edges follow. False when the key is taken. */
  renameNode(id: string, key: string): boolean;
  updateEdgeData(id: string, data: KindData): void;
  updateMeta(meta: GraphMeta): void;
  /** Selects exactly these nodes and edges (issues panel, search). */
  select(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  deleteSelection(): void;
  copy(): Clip | null;
  paste(clip: Clip): void;
  duplicateSelection(): void;
  /** Lays the graph out left to right as one undoable step (dagre is loaded on first use). */
  layout(): Promise<void>;
  /** A drag: the history records one step for the whole gesture. */
  beginGesture(): void;
  endGesture(): void;
}

/** The store with its zundo history (`store.temporal`). */
export type DesignerStore = ReturnType<typeof createDesignerStore>;

const EMPTY_DOC: DesignerDoc = { meta: { code: '', name: '' }, nodes: [], edges: [] };
const HISTORY_LIMIT = 200;
/** Space left between a step inserted on an edge and the steps it pushes right. */
const ROOM_GAP = 64;
const PASTE_OFFSET = { x: 48, y: 48 };

const docOf = (state: DesignerDoc): DesignerDoc => ({ meta: state.meta, nodes: state.nodes, edges: state.edges });

/**
 * Creates a designer store. History tracks the document only (meta, nodes, edges); selection and
 * measuring are not steps because `sameDoc` ignores them. A drag is paused and recorded once at its end.
 */
export function createDesignerStore(initial: DesignerDoc = EMPTY_DOC) {
  let edgeSeq = initial.edges.length;
  let gestureStart: DesignerDoc | null = null;
  const nextEdgeId = () => `e${edgeSeq++}`;

  const store = createStore<DesignerState>()(
    temporal(
      (set, get) => {
        const keys = () => new Set(get().nodes.map((n) => n.id));
        const unselected = <T extends { selected?: boolean }>(items: readonly T[]) =>
          items.map((item) => (item.selected ? { ...item, selected: false } : item));
        const place = (node: GraphNode): DesignerNode => ({
          ...toFlowNode({ ...node, key: uniqueKey(node.key, keys()) }),
          selected: true,
        });
        return {
          ...initial,
          readOnly: false,
          load(doc, options = {}) {
            edgeSeq = Math.max(edgeSeq, doc.edges.length);
            set({ ...docOf(doc), readOnly: options.readOnly ?? false });
            store.temporal.getState().clear();
          },
          replace(doc) {
            edgeSeq = Math.max(edgeSeq, doc.edges.length);
            set(docOf(doc));
          },
          onNodesChange(changes) {
            const allowed = get().readOnly
              ? changes.filter((c) => c.type === 'select' || c.type === 'dimensions')
              : changes;
            if (allowed.length > 0) set({ nodes: applyNodeChanges(allowed, get().nodes as DesignerNode[]) });
          },
          onEdgesChange(changes) {
            const allowed = get().readOnly ? changes.filter((c) => c.type === 'select') : changes;
            if (allowed.length > 0) set({ edges: applyEdgeChanges(allowed, get().edges as DesignerEdge[]) });
          },
          connect(from, to, kind) {
            const id = nextEdgeId();
            const data: KindData = kind === 'rework' ? { kind, maxPasses: 2 } : { kind };
            set({ edges: [...get().edges, { id, source: from, target: to, type: 'kind', data }] });
            return id;
          },
          addNode(node) {
            const added = place(node);
            set({ nodes: [...unselected(get().nodes), added], edges: unselected(get().edges) });
            return added.id;
          },
          insertOnEdge(edgeId, node) {
            const edge = get().edges.find((e) => e.id === edgeId);
            if (!edge) return get().addNode(node);
            const placed = place(node);
            // Right of the edge's source, never on top of it; then make room: everything from there on
            // moves right by the new step's width, as on a whiteboard.
            const source = get().nodes.find((n) => n.id === edge.source);
            const sourceRight = source
              ? source.position.x +
                (source.measured?.width ?? NODE_SIZE[source.type ?? 'operation'].width) +
                ROOM_GAP / 2
              : Number.NEGATIVE_INFINITY;
            const x = Math.max(placed.position.x, Math.ceil(sourceRight / GRID) * GRID);
            const added = { ...placed, position: { x, y: placed.position.y } };
            const room = NODE_SIZE[node.type].width + ROOM_GAP;
            const moved = get().nodes.map((n) =>
              n.id !== edge.source && n.position.x >= x
                ? { ...n, position: { x: n.position.x + room, y: n.position.y } }
                : n,
            );
            const first: DesignerEdge = { ...edge, target: added.id, selected: false };
            const second: DesignerEdge = {
              id: nextEdgeId(),
              source: added.id,
              target: edge.target,
              type: 'kind',
              data: toKindData({ kind: node.type === 'qc' ? 'pass' : 'normal' }),
            };
            set({
              nodes: [...unselected(moved), added],
              edges: [...get().edges.map((e) => (e.id === edgeId ? first : e)), second],
            });
            return added.id;
          },
          updateNodeData(id, data) {
            set({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)) });
          },
          renameNode(id, key) {
            if (id === key) return true;
            if (keys().has(key)) return false;
            set({
              nodes: get().nodes.map((n) => (n.id === id ? { ...n, id: key } : n)),
              edges: get().edges.map((e) =>
                e.source === id || e.target === id
                  ? { ...e, source: e.source === id ? key : e.source, target: e.target === id ? key : e.target }
                  : e,
              ),
            });
            return true;
          },
          updateEdgeData(id, data) {
            set({ edges: get().edges.map((e) => (e.id === id ? { ...e, data } : e)) });
          },
          updateMeta(meta) {
            set({ meta });
          },
          select(nodeIds, edgeIds) {
            const nodes = new Set(nodeIds);
            const edges = new Set(edgeIds);
            set({
              nodes: get().nodes.map((n) =>
                Boolean(n.selected) === nodes.has(n.id) ? n : { ...n, selected: nodes.has(n.id) },
              ),
              edges: get().edges.map((e) =>
                Boolean(e.selected) === edges.has(e.id) ? e : { ...e, selected: edges.has(e.id) },
              ),
            });
          },
          deleteSelection() {
            const gone = new Set(
              get()
                .nodes.filter((n) => n.selected)
                .map((n) => n.id),
            );
            set({
              nodes: get().nodes.filter((n) => !n.selected),
              edges: get().edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target)),
            });
          },
          copy() {
            return copySelection(docOf(get()));
          },
          paste(clip) {
            const pasted = pasteClip(clip, docOf(get()), PASTE_OFFSET, nextEdgeId);
            set({
              nodes: [...unselected(get().nodes), ...pasted.nodes],
              edges: [...unselected(get().edges), ...pasted.edges],
            });
          },
          duplicateSelection() {
            const clip = get().copy();
            if (clip) get().paste(clip);
          },
          async layout() {
            const { autoLayout } = await import('./auto-layout.ts');
            const positions = autoLayout(docOf(get()));
            set({ nodes: get().nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) });
          },
          beginGesture() {
            if (gestureStart) return;
            gestureStart = docOf(get());
            store.temporal.getState().pause();
          },
          endGesture() {
            const start = gestureStart;
            gestureStart = null;
            const history = store.temporal.getState();
            history.resume();
            if (start && !sameDoc(start, docOf(get()))) {
              store.temporal.setState({
                pastStates: [...history.pastStates, start].slice(-HISTORY_LIMIT),
                futureStates: [],
              });
            }
          },
        };
      },
      {
        partialize: (state): DesignerDoc => docOf(state),
        equality: sameDoc,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return store;
}
