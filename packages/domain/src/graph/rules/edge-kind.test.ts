import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('EDGE_KIND', () => {
  it('accepts normal edges between operations', () => {
    expect(issuesOf('EDGE_KIND', letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']))).toEqual([]);
  });

  it('reports pass/fail out of an operation and condition/default out of a split', () => {
    const graph = letterGraph(
      { S: 'start', A: 'operation', P: 'split', B: 'operation', C: 'operation', J: 'join', E: 'end' },
      ['S>A', 'A>P pass', 'P>B default', 'P>C condition', 'B>J', 'C>J', 'J>E'],
    );
    expect(issuesOf('EDGE_KIND', graph).map((i) => i.edgeIndexes)).toEqual([[1], [2], [3]]);
  });

  it('reports a condition or a pass limit on an edge that does not use it', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', E: 'end' }, [
      { from: 'S', to: 'A', kind: 'normal', condition: { attribute: 'leather', op: 'eq', value: 'calf' } },
      { from: 'A', to: 'E', kind: 'normal', maxPasses: 2 },
    ]);
    expect(issuesOf('EDGE_KIND', graph).map((i) => i.message)).toEqual([
      expect.stringMatching(/carries a condition/),
      expect.stringMatching(/carries a pass limit/),
    ]);
  });
});
