import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from './graph-index.ts';
import { letterGraph } from './letter-graph.ts';

describe('buildGraphIndex', () => {
  const tote = letterGraph(
    { S: 'start', A: 'operation', P: 'split', B: 'operation', C: 'operation', J: 'join', Q: 'qc', E: 'end', X: 'end' },
    ['S>A', 'A>P', 'P>B', 'P>C', 'B>J', 'C>J', 'J>Q', 'Q>E pass', 'Q>J rework', 'Q>X fail'],
  );

  it('indexes nodes and edges with their indexes', () => {
    const index = buildGraphIndex(tote);
    expect(index.nodeByKey.get('Q')?.type).toBe('qc');
    expect(index.outgoing('Q').map((e) => e.index)).toEqual([7, 8, 9]);
    expect(index.incoming('J').map((e) => e.edge.from)).toEqual(['B', 'C', 'Q']);
    expect(index.outgoing('E')).toEqual([]);
    expect(index.startKeys).toEqual(['S']);
    expect(index.endKeys).toEqual(['E', 'X']);
  });

  it('matches each split with its join and places nodes in sections', () => {
    const index = buildGraphIndex(tote);
    expect(index.joinOfSplit('P')).toBe('J');
    expect(index.splitOfJoin('J')).toBe('P');
    expect(index.sectionOf('A')).toBeNull();
    expect(index.sectionOf('B')).toMatchObject({ split: 'P', branch: 0, parent: null });
    expect(index.sectionOf('C')).toMatchObject({ split: 'P', branch: 1, parent: null });
    expect(index.sectionOf('J')).toBeNull();
    expect(index.sectionFindings).toEqual([]);
  });

  it('orders nodes topologically ignoring rework edges, and knows what is upstream', () => {
    const index = buildGraphIndex(tote);
    const order = index.topologicalOrder;
    expect(order).toHaveLength(9);
    for (const [from, to] of [
      ['S', 'A'],
      ['P', 'C'],
      ['J', 'Q'],
    ] as const)
      expect(order.indexOf(from)).toBeLessThan(order.indexOf(to));
    expect(index.cyclicKeys).toEqual([]);
    expect(index.isUpstream('A', 'Q')).toBe(true);
    expect(index.isUpstream('B', 'J')).toBe(true);
    expect(index.isUpstream('B', 'C')).toBe(false);
    expect(index.isUpstream('Q', 'A')).toBe(false);
  });

  it('handles nested splits', () => {
    const index = buildGraphIndex(
      letterGraph(
        {
          S: 'start',
          P: 'split',
          Q: 'split',
          A: 'operation',
          B: 'operation',
          K: 'join',
          C: 'operation',
          J: 'join',
          E: 'end',
        },
        ['S>P', 'P>Q', 'Q>A', 'Q>B', 'A>K', 'B>K', 'P>C', 'K>J', 'C>J', 'J>E'],
      ),
    );
    expect(index.joinOfSplit('P')).toBe('J');
    expect(index.joinOfSplit('Q')).toBe('K');
    expect(index.sectionOf('A')?.parent).toMatchObject({ split: 'P', branch: 0 });
    expect(index.sectionOf('K')).toMatchObject({ split: 'P', branch: 0 });
    expect(index.sectionFindings).toEqual([]);
  });

  it('sets aside dangling, self-loop and duplicate edges instead of throwing', () => {
    const index = buildGraphIndex(
      letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>A', 'A>Z', 'A>E', 'A>E']),
    );
    expect(index.danglingEdges).toEqual([2]);
    expect(index.selfLoops).toEqual([1]);
    expect(index.duplicateEdges).toEqual([{ index: 4, firstIndex: 3 }]);
    expect(index.outgoing('A').map((e) => e.index)).toEqual([3]);
  });

  it('lists the nodes of a forward cycle, not the ones merely behind it', () => {
    const index = buildGraphIndex(
      letterGraph({ S: 'start', A: 'operation', B: 'operation', C: 'operation', D: 'operation', E: 'end' }, [
        'S>A',
        'A>B',
        'B>C',
        'C>A',
        'C>D',
        'D>E',
      ]),
    );
    expect([...index.cyclicKeys].sort()).toEqual(['A', 'B', 'C']);
  });
});
