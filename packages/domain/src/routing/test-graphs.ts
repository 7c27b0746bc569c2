import type { GraphEdge, GraphNode, RoutingGraph } from '../graph/graph-schema.ts';

const work = { workCenter: 'WC', standardMinutes: 5, minOperators: 1, maxOperators: 1 };

/**
 * A tiny graph from letter specs: `nodes` as `key:type`, `edges` as `from>to` or `from>to:kind`
 * (rework edges get `maxPasses`, condition edges the given condition).
 */
export function letterGraph(
  nodes: string[],
  edges: string[],
  extras: { maxPasses?: number; conditions?: Record<string, GraphEdge['condition']> } = {},
): RoutingGraph {
  return {
    format: 'routing-graph/v1',
    code: 'TEST',
    name: 'Test',
    nodes: nodes.map((spec): GraphNode => {
      const [key = '', type = 'operation'] = spec.split(':');
      const node: GraphNode = { key, type: type as GraphNode['type'], name: key };
      return type === 'operation' ? { ...node, config: work } : node;
    }),
    edges: edges.map((spec): GraphEdge => {
      const [ends = '', kind = 'normal'] = spec.split(':');
      const [from = '', to = ''] = ends.split('>');
      const edge: GraphEdge = { from, to, kind: kind as GraphEdge['kind'] };
      if (kind === 'rework') return { ...edge, maxPasses: extras.maxPasses ?? 2 };
      const condition = extras.conditions?.[spec];
      return condition ? { ...edge, condition } : edge;
    }),
  };
}

/** start → a → b → end */
export const linear = letterGraph(['s:start', 'a', 'b', 'e:end'], ['s>a', 'a>b', 'b>e']);

/** start → a → split → {b, c} → join → d → end */
export const splitJoin = letterGraph(['s:start', 'a', 'fork:split', 'b', 'c', 'j:join', 'd', 'e:end'], ['s>a', 'a>fork', 'fork>b', 'fork>c', 'b>j', 'c>j', 'j>d', 'd>e']);

/** start → split1 → { b → split2 → {c, d} → join2 → f ; g } → join1 → end */
export const nested = letterGraph(
  ['s:start', 'f1:split', 'b', 'f2:split', 'c', 'd', 'j2:join', 'f', 'g', 'j1:join', 'e:end'],
  ['s>f1', 'f1>b', 'f1>g', 'b>f2', 'f2>c', 'f2>d', 'c>j2', 'd>j2', 'j2>f', 'f>j1', 'g>j1', 'j1>e'],
);

/** start → split → {a, straight to join} → join → end: a branch with no work step. */
export const emptyBranch = letterGraph(['s:start', 'fork:split', 'a', 'j:join', 'e:end'], ['s>fork', 'fork>a', 'fork>j', 'a>j', 'j>e']);

/** start → decision: exotic leather → x, otherwise → y; both → end */
export const decision = letterGraph(['s:start', 'dec:decision', 'x', 'y', 'e:end'], ['s>dec', 'dec>x:condition', 'dec>y:default', 'x>e', 'y>e'], {
  conditions: { 'dec>x:condition': { attribute: 'leather', op: 'eq', value: 'exotic' } },
});

/** start → cut → stitch → qc; pass → end, rework → stitch (max 2), fail → repair → end */
export const qcWithFail = letterGraph(
  ['s:start', 'cut', 'stitch', 'qc:qc', 'repair', 'e:end'],
  ['s>cut', 'cut>stitch', 'stitch>qc', 'qc>e:pass', 'qc>stitch:rework', 'qc>repair:fail', 'repair>e'],
);

/** Like `qcWithFail` without the fail edge: past the rework limit a manager decides. */
export const qcReworkOnly = letterGraph(['s:start', 'cut', 'stitch', 'qc:qc', 'e:end'], ['s>cut', 'cut>stitch', 'stitch>qc', 'qc>e:pass', 'qc>stitch:rework']);
