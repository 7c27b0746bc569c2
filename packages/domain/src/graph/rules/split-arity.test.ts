import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('SPLIT_ARITY', () => {
  it('accepts a split with two branches', () => {
    const graph = letterGraph({ S: 'start', P: 'split', A: 'operation', B: 'operation', J: 'join', E: 'end' }, [
      'S>P',
      'P>A',
      'P>B',
      'A>J',
      'B>J',
      'J>E',
    ]);
    expect(issuesOf('SPLIT_ARITY', graph)).toEqual([]);
  });

  it('reports a split with one branch', () => {
    const graph = letterGraph({ S: 'start', P: 'split', A: 'operation', E: 'end' }, ['S>P', 'P>A', 'A>E']);
    expect(issuesOf('SPLIT_ARITY', graph)).toEqual([expect.objectContaining({ nodeKeys: ['P'], edgeIndexes: [1] })]);
  });
});
