import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('UNREACHABLE_NODE', () => {
  it('accepts a graph where every node is on a path from start', () => {
    expect(
      issuesOf(
        'UNREACHABLE_NODE',
        letterGraph({ S: 'start', A: 'operation', B: 'operation', E: 'end' }, ['S>A', 'A>B', 'B>E']),
      ),
    ).toEqual([]);
  });

  it('reports each node no piece can reach', () => {
    const issues = issuesOf(
      'UNREACHABLE_NODE',
      letterGraph({ S: 'start', A: 'operation', B: 'operation', C: 'operation', E: 'end' }, [
        'S>A',
        'A>E',
        'B>C',
        'C>E',
      ]),
    );
    expect(issues.map((i) => i.nodeKeys)).toEqual([['B'], ['C']]);
  });

  it('counts a repair step entered only by a rework edge as reached', () => {
    // QC → rework → Repair → Assemble, Assemble upstream of the QC: a real repair loop.
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', R: 'operation', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>E pass',
      'Q>R rework',
      'R>A',
    ]);
    expect(issuesOf('UNREACHABLE_NODE', graph)).toEqual([]);
  });

  it('leaves a rework target that never leads back to REWORK_TARGET', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', R: 'operation', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>E pass',
      'Q>R rework',
      'R>E',
    ]);
    expect(issuesOf('UNREACHABLE_NODE', graph)).toEqual([]);
    expect(issuesOf('REWORK_TARGET', graph).map((i) => i.edgeIndexes)).toEqual([[3]]);
  });

  it('still reports a node behind a rework edge of an unreachable QC', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', R: 'operation', E: 'end' }, [
      'S>A',
      'A>E',
      'Q>E pass',
      'Q>R rework',
      'R>Q',
    ]);
    expect(issuesOf('UNREACHABLE_NODE', graph).map((i) => i.nodeKeys)).toEqual([['Q'], ['R']]);
  });
});
