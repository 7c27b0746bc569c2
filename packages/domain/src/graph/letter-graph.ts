import { GRAPH_FORMAT } from './graph-schema.ts';
import type { EdgeKind, GraphEdge, GraphNode, NodeType, RoutingGraph } from './graph-schema.ts';
import type { GraphIssue, IssueCode } from './graph-issue.ts';
import { validateGraph } from './validate-graph.ts';
import type { ValidationContext } from './validation-context.ts';

/** An edge written `"A>B"` (normal) or `"A>B kind"`, or spelled out in full. */
export type LetterEdge = string | GraphEdge;

/**
 * Builds a tiny test graph from letters: `letterGraph({ S: 'start', A: 'operation', E: 'end' },
 * ['S>A', 'A>E'])`. Work steps get a complete config so only the rule under test can fire. Test-only.
 */
export function letterGraph(nodes: Record<string, NodeType | GraphNode>, edges: readonly LetterEdge[]): RoutingGraph {
  return {
    format: GRAPH_FORMAT,
    code: 'TEST-01',
    name: 'Test graph',
    nodes: Object.entries(nodes).map(([key, spec]) => (typeof spec === 'string' ? letterNode(key, spec) : spec)),
    edges: edges.map((edge) => (typeof edge === 'string' ? letterEdge(edge) : edge)),
  };
}

/** A node named after its key; operations come fully configured. */
export function letterNode(key: string, type: NodeType): GraphNode {
  if (type !== 'operation') return { key, type, name: `Node ${key}` };
  return {
    key,
    type,
    name: `Node ${key}`,
    config: {
      workCenter: 'ASM',
      standardMinutes: 5,
      minOperators: 1,
      maxOperators: 1,
      skills: [{ code: 'assembly', minLevel: 1 }],
    },
  };
}

function letterEdge(spec: string): GraphEdge {
  const [ends = '', kind = 'normal'] = spec.split(' ');
  const [from = '', to = ''] = ends.split('>');
  const edge: GraphEdge = { from, to, kind: kind as EdgeKind };
  return kind === 'rework' ? { ...edge, maxPasses: 2 } : edge;
}

/** The findings of one code for a graph (test helper: each rule test looks only at its own code). */
export function issuesOf(code: IssueCode, graph: RoutingGraph, context: ValidationContext = {}): GraphIssue[] {
  return validateGraph(graph, context).filter((issue) => issue.code === code);
}
