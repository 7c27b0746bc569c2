import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('DUPLICATE_EDGE', () => {
  it('accepts different kinds between the same nodes', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>E pass',
      'Q>A rework',
    ]);
    expect(issuesOf('DUPLICATE_EDGE', graph)).toEqual([]);
  });

  it('reports the same connection drawn twice, with both edges', () => {
    const issues = issuesOf(
      'DUPLICATE_EDGE',
      letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E', 'A>E']),
    );
    expect(issues).toEqual([expect.objectContaining({ nodeKeys: ['A', 'E'], edgeIndexes: [1, 2] })]);
  });
});
