import { analyzeSections } from './analyze-sections.ts';
import type { SectionAnalysis } from './analyze-sections.ts';
import type { GraphEdge, GraphNode, NodeType, RoutingGraph } from './graph-schema.ts';

/** An edge together with its position in `graph.edges` (the id the designer highlights). */
export interface IndexedEdge {
  readonly index: number;
  readonly edge: GraphEdge;
}

/** An edge that was left out of the adjacency because an earlier edge already says the same. */
export interface DuplicateEdge {
  readonly index: number;
  readonly firstIndex: number;
}

/** Adjacency of a graph: what {@link analyzeSections} needs, and the first half of a {@link GraphIndex}. */
export interface GraphAdjacency {
  readonly graph: RoutingGraph;
  /** First node of each key (duplicates are listed in `duplicateKeys`). */
  readonly nodeByKey: ReadonlyMap<string, GraphNode>;
  /** The same nodes as an array, in graph order: what rules iterate. */
  readonly nodes: readonly GraphNode[];
  /** Keys used by more than one node → the node indexes using them. */
  readonly duplicateKeys: ReadonlyMap<string, readonly number[]>;
  /** Edges whose `from` or `to` names no node. */
  readonly danglingEdges: readonly number[];
  /** Edges from a node to itself. */
  readonly selfLoops: readonly number[];
  /** Repeated edges (same ends, kind and condition). */
  readonly duplicateEdges: readonly DuplicateEdge[];
  /** Keys of `start` and `end` nodes, in graph order. */
  readonly startKeys: readonly string[];
  readonly endKeys: readonly string[];
  /** Keys of the nodes of a type (first node of each key), in graph order. */
  keysOfType(type: NodeType): readonly string[];
  /** Outgoing edges of a node (dangling, self-loop and duplicate edges excluded), in graph order. */
  outgoing(key: string): readonly IndexedEdge[];
  /** Incoming edges of a node, same exclusions. */
  incoming(key: string): readonly IndexedEdge[];
  /**
   * Nodes in topological order over forward (non-`rework`) edges. Nodes on a forward cycle, and nodes
   * only reachable through one, are missing.
   */
  readonly topologicalOrder: readonly string[];
  /** Nodes on (or between) forward cycles: the ones a `rework` edge does not excuse. */
  readonly cyclicKeys: readonly string[];
  /** Is the node reachable from a `start` over forward edges? */
  isReachable(key: string): boolean;
  /** Can an `end` be reached from the node over forward edges? */
  reachesEnd(key: string): boolean;
  /** True when `descendant` can be reached from `ancestor` over forward edges. */
  isUpstream(ancestor: string, descendant: string): boolean;
}

/** The one analysis pass over a graph, shared by the validator and the routing engine. */
export type GraphIndex = GraphAdjacency & SectionAnalysis;

const NO_EDGES: readonly IndexedEdge[] = [];

/** Forward edges are the ones that must form a DAG; `rework` edges loop back on purpose. */
function isForward(edge: GraphEdge): boolean {
  return edge.kind !== 'rework';
}

function sameCondition(a: GraphEdge, b: GraphEdge): boolean {
  if (!a.condition || !b.condition) return a.condition === b.condition;
  return JSON.stringify(a.condition) === JSON.stringify(b.condition);
}

/** Same ends, kind and condition: drawing it again would send a piece twice. */
function findEarlierCopy(edges: readonly IndexedEdge[], edge: GraphEdge): number | undefined {
  for (const other of edges) {
    if (other.edge.to === edge.to && other.edge.kind === edge.kind && sameCondition(other.edge, edge))
      return other.index;
  }
  return undefined;
}

/** Marks every node reachable from `roots` along `next` (iterative, linear). */
function reach(count: number, roots: readonly number[], next: readonly (readonly number[])[]): Uint8Array {
  const seen = new Uint8Array(count);
  const stack = [...roots];
  for (const root of roots) seen[root] = 1;
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    for (const other of next[id] ?? []) {
      if (seen[other] === 0) {
        seen[other] = 1;
        stack.push(other);
      }
    }
  }
  return seen;
}

/**
 * Kahn's algorithm over forward edges. What cannot be ordered sits on a cycle or behind one; peeling
 * the nodes that cannot reach a cycle from that remainder leaves the cycles themselves.
 */
function orderTopologically(
  forwardOut: readonly number[][],
  forwardIn: readonly number[][],
): { order: number[]; cyclic: number[] } {
  const count = forwardOut.length;
  const inDegree = Int32Array.from(forwardIn, (list) => list.length);
  const order: number[] = [];
  for (let id = 0; id < count; id++) if (inDegree[id] === 0) order.push(id);
  for (let i = 0; i < order.length; i++) {
    for (const next of forwardOut[order[i] as number] ?? []) if (--(inDegree[next] as number) === 0) order.push(next);
  }
  if (order.length === count) return { order, cyclic: [] };
  const rest = new Uint8Array(count).fill(1);
  for (const id of order) rest[id] = 0;
  const outDegree = Int32Array.from(forwardOut, (list, id) => (rest[id] ? list.filter((k) => rest[k]).length : 0));
  const peel: number[] = [];
  for (let id = 0; id < count; id++) if (rest[id] && outDegree[id] === 0) peel.push(id);
  for (let i = 0; i < peel.length; i++) {
    const id = peel[i] as number;
    rest[id] = 0;
    for (const prev of forwardIn[id] ?? []) if (rest[prev] && --(outDegree[prev] as number) === 0) peel.push(prev);
  }
  const cyclic: number[] = [];
  for (let id = 0; id < count; id++) if (rest[id]) cyclic.push(id);
  return { order, cyclic };
}

/** Nodes by key on dense integer ids (one per distinct key); later nodes with a taken key are set aside. */
function indexNodes(graph: RoutingGraph) {
  const nodeByKey = new Map<string, GraphNode>();
  const idOf = new Map<string, number>();
  const nodes: GraphNode[] = [];
  const duplicateKeys = new Map<string, number[]>();
  graph.nodes.forEach((node, i) => {
    if (!idOf.has(node.key)) {
      idOf.set(node.key, nodes.length);
      nodes.push(node);
      nodeByKey.set(node.key, node);
      return;
    }
    const uses = duplicateKeys.get(node.key);
    if (uses) uses.push(i);
    else duplicateKeys.set(node.key, [graph.nodes.indexOf(nodeByKey.get(node.key) as GraphNode), i]);
  });
  return { nodeByKey, idOf, nodes, duplicateKeys };
}

/** Adjacency lists per node id; dangling, self-loop and repeated edges are set aside for their rules. */
function indexEdges(graph: RoutingGraph, idOf: ReadonlyMap<string, number>) {
  const empty = <T>() => Array.from({ length: idOf.size }, (): T[] => []);
  const outgoing = empty<IndexedEdge>();
  const incoming = empty<IndexedEdge>();
  const forwardOut = empty<number>();
  const forwardIn = empty<number>();
  const danglingEdges: number[] = [];
  const selfLoops: number[] = [];
  const duplicateEdges: DuplicateEdge[] = [];
  graph.edges.forEach((edge, index) => {
    const from = idOf.get(edge.from);
    const to = idOf.get(edge.to);
    if (from === undefined || to === undefined) return void danglingEdges.push(index);
    if (from === to) return void selfLoops.push(index);
    const out = outgoing[from] as IndexedEdge[];
    const firstIndex = findEarlierCopy(out, edge);
    if (firstIndex !== undefined) return void duplicateEdges.push({ index, firstIndex });
    const indexed = { index, edge };
    out.push(indexed);
    incoming[to]?.push(indexed);
    if (isForward(edge)) {
      forwardOut[from]?.push(to);
      forwardIn[to]?.push(from);
    }
  });
  return { outgoing, incoming, forwardOut, forwardIn, danglingEdges, selfLoops, duplicateEdges };
}

/** Everything except the split/join structure, computed on integer ids so the passes stay cheap. */
function buildAdjacency(graph: RoutingGraph): GraphAdjacency {
  const { nodeByKey, idOf, nodes, duplicateKeys } = indexNodes(graph);
  const { outgoing, incoming, forwardOut, forwardIn, danglingEdges, selfLoops, duplicateEdges } = indexEdges(
    graph,
    idOf,
  );
  const keysByType = new Map<NodeType, string[]>();
  const startIds: number[] = [];
  const endIds: number[] = [];
  nodes.forEach(({ key, type }, id) => {
    const ofType = keysByType.get(type);
    if (ofType) ofType.push(key);
    else keysByType.set(type, [key]);
    if (type === 'start') startIds.push(id);
    if (type === 'end') endIds.push(id);
  });
  const { order, cyclic } = orderTopologically(forwardOut, forwardIn);
  const position = new Int32Array(nodes.length).fill(-1);
  order.forEach((id, i) => (position[id] = i));
  const reachable = reach(nodes.length, startIds, forwardOut);
  const reachesEnd = reach(nodes.length, endIds, forwardIn);
  const marked = (set: Uint8Array, key: string) => {
    const id = idOf.get(key);
    return id !== undefined && set[id] === 1;
  };
  const toKeys = (ids: readonly number[]) => ids.map((id) => (nodes[id] as GraphNode).key);

  return {
    graph,
    nodeByKey,
    nodes,
    duplicateKeys,
    danglingEdges,
    selfLoops,
    duplicateEdges,
    startKeys: toKeys(startIds),
    endKeys: toKeys(endIds),
    keysOfType: (type) => keysByType.get(type) ?? [],
    outgoing: (key) => outgoing[idOf.get(key) ?? -1] ?? NO_EDGES,
    incoming: (key) => incoming[idOf.get(key) ?? -1] ?? NO_EDGES,
    topologicalOrder: toKeys(order),
    cyclicKeys: toKeys(cyclic),
    isReachable: (key) => marked(reachable, key),
    reachesEnd: (key) => marked(reachesEnd, key),
    isUpstream(ancestor, descendant) {
      // Only nodes ordered between the two can lie on a path, which keeps the search short.
      const floor = position[idOf.get(ancestor) ?? -1] ?? -1;
      const target = idOf.get(descendant) ?? -1;
      const ceiling = position[target] ?? -1;
      if (floor < 0 || ceiling < 0 || floor >= ceiling) return false;
      const seen = new Set([target]);
      const stack = [target];
      for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
        for (const prev of forwardIn[id] ?? []) {
          if (position[prev] === floor) return true;
          if (!seen.has(prev) && (position[prev] ?? -1) > floor) {
            seen.add(prev);
            stack.push(prev);
          }
        }
      }
      return false;
    },
  };
}

/**
 * Indexes a graph once: nodes by key, adjacency with edge indexes, topological order, reachability
 * and the split/join structure (`joinOfSplit`, `splitOfJoin`, `sectionOf`). Linear in the graph size;
 * never throws, whatever the graph (broken parts are listed for the validator).
 */
export function buildGraphIndex(graph: RoutingGraph): GraphIndex {
  const adjacency = buildAdjacency(graph);
  return { ...adjacency, ...analyzeSections(adjacency) };
}
