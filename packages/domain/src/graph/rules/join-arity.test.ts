import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('JOIN_ARITY', () => {
  it('accepts a join of two branches', () => {
    const graph = letterGraph({ S: 'start', P: 'split', A: 'operation', B: 'operation', J: 'join', E: 'end' }, [
      'S>P',
      'P>A',
      'P>B',
      'A>J',
      'B>J',
      'J>E',
    ]);
    expect(issuesOf('JOIN_ARITY', graph)).toEqual([]);
  });

  it('reports a join with one incoming edge', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', J: 'join', E: 'end' }, ['S>A', 'A>J', 'J>E']);
    expect(issuesOf('JOIN_ARITY', graph)).toEqual([expect.objectContaining({ nodeKeys: ['J'], edgeIndexes: [1] })]);
  });
});
