import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('SELF_LOOP', () => {
  it('accepts a graph without self loops', () => {
    expect(issuesOf('SELF_LOOP', letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']))).toEqual([]);
  });

  it('reports a node connected to itself, even as rework', () => {
    const issues = issuesOf(
      'SELF_LOOP',
      letterGraph({ S: 'start', Q: 'qc', E: 'end' }, ['S>Q', 'Q>E pass', 'Q>Q rework']),
    );
    expect(issues).toEqual([expect.objectContaining({ nodeKeys: ['Q'], edgeIndexes: [2] })]);
  });
});
