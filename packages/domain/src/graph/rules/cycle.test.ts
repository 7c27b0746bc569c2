import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('CYCLE', () => {
  it('accepts a loop closed by a rework edge', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>E pass',
      'Q>A rework',
    ]);
    expect(issuesOf('CYCLE', graph)).toEqual([]);
  });

  it('reports a loop of normal edges with its nodes and edges', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', B: 'operation', C: 'qc', E: 'end' }, [
      'S>A',
      'A>B',
      'B>C',
      'C>A fail',
      'C>E pass',
    ]);
    const issues = issuesOf('CYCLE', graph);
    expect(issues).toHaveLength(1);
    expect([...(issues[0]?.nodeKeys ?? [])].sort()).toEqual(['A', 'B', 'C']);
    expect([...(issues[0]?.edgeIndexes ?? [])].sort()).toEqual([1, 2, 3]);
  });
});
