import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('AMBIGUOUS_ROUTE', () => {
  it('accepts one way out of start, operations and joins', () => {
    const graph = letterGraph({ S: 'start', P: 'split', A: 'operation', B: 'operation', J: 'join', E: 'end' }, [
      'S>P',
      'P>A',
      'P>B',
      'A>J',
      'B>J',
      'J>E',
    ]);
    expect(issuesOf('AMBIGUOUS_ROUTE', graph)).toEqual([]);
  });

  it('reports an operation with two ways out', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', B: 'operation', C: 'operation', E: 'end' }, [
      'S>A',
      'A>B',
      'A>C',
      'B>E',
      'C>E',
    ]);
    expect(issuesOf('AMBIGUOUS_ROUTE', graph)).toEqual([
      expect.objectContaining({ nodeKeys: ['A', 'B', 'C'], edgeIndexes: [1, 2] }),
    ]);
  });

  it('reports start and join with two ways out', () => {
    const graph = letterGraph(
      { S: 'start', P: 'split', A: 'operation', B: 'operation', J: 'join', E: 'end', F: 'end' },
      ['S>P', 'S>E', 'P>A', 'P>B', 'A>J', 'B>J', 'J>E', 'J>F'],
    );
    expect(issuesOf('AMBIGUOUS_ROUTE', graph).map((i) => i.nodeKeys[0])).toEqual(['S', 'J']);
  });
});
