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

  it('does not count a rework edge as a way in', () => {
    const graph = letterGraph({ S: 'start', Q: 'qc', A: 'operation', E: 'end' }, [
      'S>Q',
      'Q>E pass',
      'Q>A rework',
      'A>Q',
    ]);
    expect(issuesOf('UNREACHABLE_NODE', graph).map((i) => i.nodeKeys)).toEqual([['A']]);
  });
});
