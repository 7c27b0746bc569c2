import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph, letterNode } from '../letter-graph.ts';

describe('DUPLICATE_KEY', () => {
  it('accepts unique keys', () => {
    expect(issuesOf('DUPLICATE_KEY', letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']))).toEqual(
      [],
    );
  });

  it('reports a key used twice, once', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']);
    graph.nodes.push({ ...letterNode('A', 'operation'), name: 'Second A' });
    const issues = issuesOf('DUPLICATE_KEY', graph);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'error', nodeKeys: ['A'] });
    expect(issues[0]?.message).toContain('Second A');
  });
});
