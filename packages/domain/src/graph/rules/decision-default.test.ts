import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';
import type { GraphEdge } from '../graph-schema.ts';

const nodes = { S: 'start', D: 'decision', A: 'operation', B: 'operation', E: 'end' } as const;
const exotic: GraphEdge = {
  from: 'D',
  to: 'A',
  kind: 'condition',
  condition: { attribute: 'leather', op: 'eq', value: 'exotic' },
};
const fallback: GraphEdge = { from: 'D', to: 'B', kind: 'default' };
const decisionGraph = (...decisionEdges: GraphEdge[]) => letterGraph(nodes, ['S>D', ...decisionEdges, 'A>E', 'B>E']);

describe('DECISION_DEFAULT', () => {
  it('accepts conditions plus exactly one default', () => {
    expect(issuesOf('DECISION_DEFAULT', decisionGraph(exotic, fallback))).toEqual([]);
  });

  it('reports a decision without a default', () => {
    const issues = issuesOf(
      'DECISION_DEFAULT',
      decisionGraph(exotic, { ...exotic, to: 'B', condition: { attribute: 'leather', op: 'eq', value: 'calf' } }),
    );
    expect(issues).toEqual([expect.objectContaining({ nodeKeys: ['D'] })]);
    expect(issues[0]?.message).toMatch(/0 default/);
  });

  it('reports two defaults', () => {
    const issues = issuesOf('DECISION_DEFAULT', decisionGraph({ ...fallback, to: 'A' }, fallback));
    expect(issues).toEqual([expect.objectContaining({ edgeIndexes: [1, 2] })]);
  });

  it('reports a decision with a single way out', () => {
    const graph = letterGraph({ S: 'start', D: 'decision', B: 'operation', E: 'end' }, ['S>D', fallback, 'B>E']);
    expect(issuesOf('DECISION_DEFAULT', graph)[0]?.message).toMatch(/at least two ways out/);
  });

  it('reports a condition edge without a condition, an unsound condition and a normal edge', () => {
    const missing: GraphEdge = { from: 'D', to: 'A', kind: 'condition' };
    const unsound: GraphEdge = {
      from: 'D',
      to: 'A',
      kind: 'condition',
      condition: { attribute: 'size', op: 'gt', value: 'large' },
    };
    const normal: GraphEdge = { from: 'D', to: 'A', kind: 'normal' };
    for (const edge of [missing, unsound, normal]) {
      expect(issuesOf('DECISION_DEFAULT', decisionGraph(edge, fallback))).toEqual([
        expect.objectContaining({ nodeKeys: ['D', 'A'], edgeIndexes: [1] }),
      ]);
    }
  });
});
