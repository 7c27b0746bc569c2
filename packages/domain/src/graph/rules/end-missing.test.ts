import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

describe('END_MISSING', () => {
  it('accepts a graph with an end', () => {
    expect(issuesOf('END_MISSING', letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']))).toEqual([]);
  });

  it('reports a graph without an end', () => {
    expect(issuesOf('END_MISSING', letterGraph({ S: 'start', A: 'operation' }, ['S>A']))).toHaveLength(1);
  });

  it('reports an end that leads on', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', E: 'end', F: 'end' }, ['S>A', 'A>E', 'E>F']);
    expect(issuesOf('END_MISSING', graph)).toEqual([
      expect.objectContaining({ nodeKeys: ['E', 'F'], edgeIndexes: [2] }),
    ]);
  });
});
