import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('DEAD_END', () => {
  it('accepts a graph where every node reaches an end', () => {
    expect(issuesOf('DEAD_END', letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']))).toEqual([]);
  });

  it('reports a node with no way to an end', () => {
    const graph = letterGraph({ S: 'start', D: 'decision', A: 'operation', B: 'operation', E: 'end' }, [
      { from: 'S', to: 'D', kind: 'normal' },
      { from: 'D', to: 'A', kind: 'condition', condition: { attribute: 'leather', op: 'eq', value: 'exotic' } },
      { from: 'D', to: 'B', kind: 'default' },
      { from: 'A', to: 'E', kind: 'normal' },
    ]);
    expect(issuesOf('DEAD_END', graph).map((i) => i.nodeKeys)).toEqual([['B']]);
  });

  it('reports a QC step whose only way on is rework', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end' }, ['S>A', 'A>Q', 'Q>A rework', 'S>E']);
    expect(issuesOf('DEAD_END', graph).map((i) => i.nodeKeys)).toEqual([['A'], ['Q']]);
  });
});
