import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';
import type { RoutingGraph } from '../graph-schema.ts';
import { validateGraph } from '../validate-graph.ts';

const both = (graph: RoutingGraph) => [...issuesOf('UNMATCHED_SPLIT', graph), ...issuesOf('UNMATCHED_JOIN', graph)];

describe('UNMATCHED_SPLIT / UNMATCHED_JOIN', () => {
  it('accepts well nested splits and joins, with a decision inside a branch', () => {
    const graph = letterGraph(
      {
        S: 'start',
        P: 'split',
        R: 'split',
        A: 'operation',
        B: 'operation',
        K: 'join',
        D: 'decision',
        C: 'operation',
        F: 'operation',
        J: 'join',
        E: 'end',
      },
      [
        'S>P',
        'P>R',
        'R>A',
        'R>B',
        'A>K',
        'B>K',
        'K>J',
        'P>D',
        { from: 'D', to: 'C', kind: 'condition', condition: { attribute: 'size', op: 'gt', value: 40 } },
        { from: 'D', to: 'F', kind: 'default' },
        'C>J',
        'F>J',
        'J>E',
      ],
    );
    expect(both(graph)).toEqual([]);
  });

  it('reports a branch that reaches an end before the join', () => {
    const graph = letterGraph(
      { S: 'start', P: 'split', A: 'operation', B: 'operation', Q: 'qc', J: 'join', E: 'end', X: 'end' },
      ['S>P', 'P>A', 'P>B', 'A>J', 'B>Q', 'Q>J pass', 'Q>X fail', 'J>E'],
    );
    const issues = both(graph);
    expect(issues).toEqual([expect.objectContaining({ code: 'UNMATCHED_SPLIT', nodeKeys: ['P', 'X'] })]);
  });

  it('reports a split whose branches never meet', () => {
    const graph = letterGraph({ S: 'start', P: 'split', A: 'operation', B: 'operation', E: 'end', F: 'end' }, [
      'S>P',
      'P>A',
      'P>B',
      'A>E',
      'B>F',
    ]);
    expect(both(graph).map((i) => i.code)).toEqual(['UNMATCHED_SPLIT', 'UNMATCHED_SPLIT']);
  });

  it('reports branches merging at a node that is not a join', () => {
    const graph = letterGraph(
      { S: 'start', P: 'split', A: 'operation', B: 'operation', C: 'operation', J: 'join', E: 'end' },
      ['S>P', 'P>A', 'P>B', 'A>C', 'B>C', 'C>J', 'J>E'],
    );
    const issues = both(graph);
    expect(issues[0]).toMatchObject({ code: 'UNMATCHED_SPLIT', nodeKeys: ['C', 'P'], edgeIndexes: [3, 4] });
  });

  it('reports a forgotten join once, without follow-up findings downstream', () => {
    const graph = letterGraph(
      {
        S: 'start',
        A: 'operation',
        P: 'split',
        B: 'operation',
        C: 'operation',
        M: 'operation',
        Q: 'qc',
        E: 'end',
        X: 'end',
      },
      ['S>A', 'A>P', 'P>B', 'P>C', 'B>M', 'C>M', 'M>Q', 'Q>E pass', 'Q>X fail', 'Q>A rework'],
    );
    const issues = validateGraph(graph);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'UNMATCHED_SPLIT', nodeKeys: ['M', 'P'] });
    expect(issues[0]?.message).toBe(
      'Branches of split "Node P" (P) meet at "Node M" (M), which is not a join; add a join where they come together.',
    );
  });

  it('reports a path jumping into a branch from outside the split', () => {
    const graph = letterGraph(
      { S: 'start', D: 'decision', P: 'split', B: 'operation', C: 'operation', J: 'join', E: 'end' },
      [
        'S>D',
        { from: 'D', to: 'P', kind: 'condition', condition: { attribute: 'size', op: 'gt', value: 40 } },
        { from: 'D', to: 'B', kind: 'default' },
        'P>B',
        'P>C',
        'B>J',
        'C>J',
        'J>E',
      ],
    );
    const issues = both(graph);
    expect(issues[0]).toMatchObject({ code: 'UNMATCHED_SPLIT', nodeKeys: ['B', 'P'], edgeIndexes: [2, 3] });
    expect(issues[0]?.message).toMatch(/outside any split/);
  });

  it('reports a split without a join', () => {
    const graph = letterGraph({ S: 'start', P: 'split', A: 'operation', B: 'operation', D: 'decision', E: 'end' }, [
      'S>P',
      'P>A',
      'P>B',
      'A>D',
      'B>D',
      { from: 'D', to: 'E', kind: 'default' },
    ]);
    expect(both(graph).map((i) => i.code)).toContain('UNMATCHED_SPLIT');
  });

  it('reports a join that closes no split', () => {
    const graph = letterGraph({ S: 'start', D: 'decision', A: 'operation', B: 'operation', J: 'join', E: 'end' }, [
      'S>D',
      { from: 'D', to: 'A', kind: 'condition', condition: { attribute: 'leather', op: 'eq', value: 'exotic' } },
      { from: 'D', to: 'B', kind: 'default' },
      'A>J',
      'B>J',
      'J>E',
    ]);
    expect(both(graph)).toEqual([expect.objectContaining({ code: 'UNMATCHED_JOIN', nodeKeys: ['J'] })]);
  });

  it('reports a join that mixes branches of two splits', () => {
    const graph = letterGraph(
      {
        S: 'start',
        P: 'split',
        R: 'split',
        A: 'operation',
        B: 'operation',
        C: 'operation',
        J: 'join',
        K: 'join',
        E: 'end',
      },
      ['S>P', 'P>R', 'P>C', 'R>A', 'R>B', 'A>J', 'C>J', 'B>K', 'J>K', 'K>E'],
    );
    expect(both(graph).map((i) => i.code)).toContain('UNMATCHED_JOIN');
  });

  it('reports a split whose branches end at two different joins', () => {
    const graph = letterGraph(
      {
        S: 'start',
        P: 'split',
        A: 'operation',
        B: 'operation',
        C: 'operation',
        D: 'operation',
        J: 'join',
        K: 'join',
        E: 'end',
      },
      ['S>P', 'P>A', 'P>B', 'P>C', 'P>D', 'A>J', 'B>J', 'C>K', 'D>K', 'J>E', 'K>E'],
    );
    const issues = both(graph);
    expect(issues).toContainEqual(expect.objectContaining({ code: 'UNMATCHED_JOIN', nodeKeys: ['P', 'J', 'K'] }));
  });

  it('reports a branch that never arrives at the join', () => {
    const graph = letterGraph(
      { S: 'start', P: 'split', A: 'operation', B: 'operation', C: 'operation', J: 'join', E: 'end' },
      ['S>P', 'P>A', 'P>B', 'P>C', 'A>J', 'B>J', 'J>E'],
    );
    expect(both(graph)).toEqual([
      expect.objectContaining({ code: 'UNMATCHED_SPLIT', nodeKeys: ['P', 'J'], edgeIndexes: [3] }),
    ]);
  });
});
