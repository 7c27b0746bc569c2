import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('EDGE_ENDPOINT', () => {
  it('accepts edges between existing nodes', () => {
    expect(issuesOf('EDGE_ENDPOINT', letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']))).toEqual(
      [],
    );
  });

  it('reports an edge to a missing node, naming it', () => {
    const issues = issuesOf(
      'EDGE_ENDPOINT',
      letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E', 'A>Z']),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ nodeKeys: ['A'], edgeIndexes: [2] });
    expect(issues[0]?.message).toContain('"Z"');
  });
});
