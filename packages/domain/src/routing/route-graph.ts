import { buildGraphIndex } from '../graph/graph-index.ts';
import type { GraphIndex, IndexedEdge } from '../graph/graph-index.ts';
import type { GraphEdge, GraphNode, RoutingGraph } from '../graph/graph-schema.ts';

/**
 * The lookups the routing engine makes on a published graph. Lookups that fail mean the graph was
 * never valid (publishing is blocked by validation errors), so they throw instead of refusing.
 */
export interface RouteGraph {
  readonly index: GraphIndex;
  readonly startKey: string;
  node(key: string): GraphNode;
  outgoing(key: string): readonly IndexedEdge[];
  /** The single outgoing edge of a start, operation or join node (`AMBIGUOUS_ROUTE` guarantees one). */
  onlyEdge(key: string): GraphEdge;
  /** The join that merges the branches of `splitKey`. */
  joinOf(splitKey: string): string;
}

/** Stable identity of an edge across versions, used to count rework passes on a token. */
export function edgeKey(edge: GraphEdge): string {
  return `${edge.from}->${edge.to}`;
}

function build(graph: RoutingGraph): RouteGraph {
  const index = buildGraphIndex(graph);
  const startKey = index.startKeys[0];
  if (startKey === undefined) throw new Error(`Graph ${graph.code} has no start node`);
  return {
    index,
    startKey,
    node(key) {
      const node = index.nodeByKey.get(key);
      if (node === undefined) throw new Error(`Graph ${graph.code} has no node "${key}"`);
      return node;
    },
    outgoing: (key) => index.outgoing(key),
    onlyEdge(key) {
      const edges = index.outgoing(key);
      const first = edges[0];
      if (first === undefined || edges.length !== 1)
        throw new Error(`Node "${key}" of ${graph.code} must have exactly one outgoing edge`);
      return first.edge;
    },
    joinOf(splitKey) {
      const join = index.joinOfSplit(splitKey);
      if (join === undefined) throw new Error(`Split "${splitKey}" of ${graph.code} has no matching join`);
      return join;
    },
  };
}

// Graphs are immutable once published, so one index per graph object serves every routing step.
const cache = new WeakMap<RoutingGraph, RouteGraph>();

/** The (cached) routing view of a published graph. */
export function routeGraph(graph: RoutingGraph): RouteGraph {
  let view = cache.get(graph);
  if (view === undefined) {
    view = build(graph);
    cache.set(graph, view);
  }
  return view;
}
