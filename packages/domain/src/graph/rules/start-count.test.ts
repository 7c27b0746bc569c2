import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('START_COUNT', () => {
  it('accepts exactly one start without incoming edges', () => {
    expect(issuesOf('START_COUNT', letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']))).toEqual([]);
  });

  it('reports a missing start', () => {
    expect(issuesOf('START_COUNT', letterGraph({ A: 'operation', E: 'end' }, ['A>E']))).toHaveLength(1);
  });

  it('reports two starts', () => {
    const issues = issuesOf(
      'START_COUNT',
      letterGraph({ S: 'start', T: 'start', A: 'operation', E: 'end' }, ['S>A', 'T>A', 'A>E']),
    );
    expect(issues).toEqual([expect.objectContaining({ nodeKeys: ['S', 'T'] })]);
  });

  it('reports an edge leading into start', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>E pass',
      'Q>S fail',
    ]);
    expect(issuesOf('START_COUNT', graph)).toEqual([
      expect.objectContaining({ nodeKeys: ['S', 'Q'], edgeIndexes: [3] }),
    ]);
  });
});
