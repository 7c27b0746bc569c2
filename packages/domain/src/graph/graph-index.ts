import { analyzeSections } from './analyze-sections.ts';
import type { SectionAnalysis } from './analyze-sections.ts';
import type { GraphEdge, GraphNode, RoutingGraph } from './graph-schema.ts';

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
  /** Nodes reachable from a `start` over forward edges. */
  readonly reachable: ReadonlySet<string>;
  /** Nodes from which an `end` is reachable over forward edges. */
  readonly reachesEnd: ReadonlySet<string>;
  /** True when `descendant` can be reached from `ancestor` over forward edges. */
  isUpstream(ancestor: string, descendant: string): boolean;
}

/** The one analysis pass over a graph, shared by the validator and the routing engine. */
export type GraphIndex = GraphAdjacency & SectionAnalysis;

const NO_EDGES: readonly IndexedEdge[] = [];

function edgeIdentity(edge: GraphEdge): string {
  const condition = edge.condition ? JSON.stringify(edge.condition) : '';
  return `${edge.from}\u0000${edge.to}\u0000${edge.kind}\u0000${condition}`;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Forward edges are the ones that must form a DAG; `rework` edges loop back on purpose. */
function isForward(edge: GraphEdge): boolean {
  return edge.kind !== 'rework';
}

/** Visits every node reachable from `roots` along `next` (iterative, linear). */
function reach(roots: readonly string[], next: (key: string) => readonly string[]): Set<string> {
  const seen = new Set(roots);
  const stack = [...roots];
  for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
    for (const other of next(key)) {
      if (!seen.has(other)) {
        seen.add(other);
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
  keys: readonly string[],
  forwardOut: ReadonlyMap<string, string[]>,
  forwardIn: ReadonlyMap<string, string[]>,
): { order: string[]; cyclic: string[] } {
  const inDegree = new Map<string, number>();
  for (const key of keys) inDegree.set(key, forwardIn.get(key)?.length ?? 0);
  const order = keys.filter((key) => inDegree.get(key) === 0);
  for (let i = 0; i < order.length; i++) {
    for (const next of forwardOut.get(order[i] as string) ?? []) {
      const left = (inDegree.get(next) ?? 0) - 1;
      inDegree.set(next, left);
      if (left === 0) order.push(next);
    }
  }
  if (order.length === keys.length) return { order, cyclic: [] };
  const ordered = new Set(order);
  const rest = keys.filter((key) => !ordered.has(key));
  const restSet = new Set(rest);
  const outDegree = new Map<string, number>();
  for (const key of rest) outDegree.set(key, (forwardOut.get(key) ?? []).filter((k) => restSet.has(k)).length);
  const peel = rest.filter((key) => outDegree.get(key) === 0);
  for (let i = 0; i < peel.length; i++) {
    const key = peel[i] as string;
    restSet.delete(key);
    for (const prev of forwardIn.get(key) ?? []) {
      if (!restSet.has(prev)) continue;
      const left = (outDegree.get(prev) ?? 0) - 1;
      outDegree.set(prev, left);
      if (left === 0) peel.push(prev);
    }
  }
  return { order, cyclic: rest.filter((key) => restSet.has(key)) };
}

function buildAdjacency(graph: RoutingGraph): GraphAdjacency {
  const nodeByKey = new Map<string, GraphNode>();
  const keyUses = new Map<string, number[]>();
  graph.nodes.forEach((node, i) => {
    if (!nodeByKey.has(node.key)) nodeByKey.set(node.key, node);
    pushTo(keyUses, node.key, i);
  });
  const duplicateKeys = new Map([...keyUses].filter(([, uses]) => uses.length > 1));

  const outgoing = new Map<string, IndexedEdge[]>();
  const incoming = new Map<string, IndexedEdge[]>();
  const forwardOut = new Map<string, string[]>();
  const forwardIn = new Map<string, string[]>();
  const danglingEdges: number[] = [];
  const selfLoops: number[] = [];
  const duplicateEdges: DuplicateEdge[] = [];
  const firstOfIdentity = new Map<string, number>();
  graph.edges.forEach((edge, index) => {
    if (!nodeByKey.has(edge.from) || !nodeByKey.has(edge.to)) return void danglingEdges.push(index);
    if (edge.from === edge.to) return void selfLoops.push(index);
    const identity = edgeIdentity(edge);
    const firstIndex = firstOfIdentity.get(identity);
    if (firstIndex !== undefined) return void duplicateEdges.push({ index, firstIndex });
    firstOfIdentity.set(identity, index);
    pushTo(outgoing, edge.from, { index, edge });
    pushTo(incoming, edge.to, { index, edge });
    if (isForward(edge)) {
      pushTo(forwardOut, edge.from, edge.to);
      pushTo(forwardIn, edge.to, edge.from);
    }
  });

  const keys = [...nodeByKey.keys()];
  const startKeys = keys.filter((key) => nodeByKey.get(key)?.type === 'start');
  const endKeys = keys.filter((key) => nodeByKey.get(key)?.type === 'end');
  const { order, cyclic } = orderTopologically(keys, forwardOut, forwardIn);
  const position = new Map(order.map((key, i) => [key, i]));

  return {
    graph,
    nodeByKey,
    duplicateKeys,
    danglingEdges,
    selfLoops,
    duplicateEdges,
    startKeys,
    endKeys,
    outgoing: (key) => outgoing.get(key) ?? NO_EDGES,
    incoming: (key) => incoming.get(key) ?? NO_EDGES,
    topologicalOrder: order,
    cyclicKeys: cyclic,
    reachable: reach(startKeys, (key) => forwardOut.get(key) ?? []),
    reachesEnd: reach(endKeys, (key) => forwardIn.get(key) ?? []),
    isUpstream(ancestor, descendant) {
      // Only nodes ordered between the two can lie on a path, which keeps the search short.
      const floor = position.get(ancestor);
      const ceiling = position.get(descendant);
      if (floor === undefined || ceiling === undefined || floor >= ceiling) return false;
      const seen = new Set([descendant]);
      const stack = [descendant];
      for (let key = stack.pop(); key !== undefined; key = stack.pop()) {
        for (const prev of forwardIn.get(key) ?? []) {
          if (prev === ancestor) return true;
          if (!seen.has(prev) && (position.get(prev) ?? -1) > floor) {
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
