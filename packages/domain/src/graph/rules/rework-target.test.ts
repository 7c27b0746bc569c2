import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

const tote = {
  S: 'start',
  A: 'operation',
  P: 'split',
  B: 'operation',
  C: 'operation',
  Q: 'qc',
  J: 'join',
  K: 'qc',
  E: 'end',
} as const;
const toteEdges = ['S>A', 'A>P', 'P>B', 'P>C', 'B>Q', 'Q>J pass', 'C>J', 'J>K', 'K>E pass', 'K>A rework'];

describe('REWORK_TARGET', () => {
  it('accepts rework from QC to an earlier step in the same section', () => {
    expect(issuesOf('REWORK_TARGET', letterGraph(tote, [...toteEdges, 'Q>B rework']))).toEqual([]);
  });

  it('reports rework jumping out of a parallel section', () => {
    const issues = issuesOf('REWORK_TARGET', letterGraph(tote, [...toteEdges, 'Q>A rework']));
    expect(issues).toEqual([expect.objectContaining({ nodeKeys: ['Q', 'A'], edgeIndexes: [10] })]);
    expect(issues[0]?.message).toMatch(/parallel section/);
  });

  it('reports rework jumping into a parallel section', () => {
    const issues = issuesOf(
      'REWORK_TARGET',
      letterGraph(
        tote,
        toteEdges.map((e) => (e === 'K>A rework' ? 'K>B rework' : e)),
      ),
    );
    expect(issues.map((i) => i.nodeKeys)).toEqual([['K', 'B']]);
  });

  it('reports rework to a step that is not upstream', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', B: 'operation', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>B pass',
      'B>E',
      'Q>B rework',
    ]);
    expect(issuesOf('REWORK_TARGET', graph)[0]?.message).toMatch(/does not go back/);
  });

  it('reports rework not from a QC step, to a non-work step, or without a pass limit', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', B: 'operation', Q: 'qc', E: 'end' }, [
      'S>A',
      'A>B',
      'B>Q',
      'Q>E pass',
      'B>A rework',
      'Q>S rework',
      { from: 'Q', to: 'A', kind: 'rework' },
      { from: 'Q', to: 'B', kind: 'rework', maxPasses: 0 },
    ]);
    const messages = issuesOf('REWORK_TARGET', graph).map((i) => `${i.edgeIndexes[0]}: ${i.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^4: .*only a QC step/),
      expect.stringMatching(/^5: .*start node; it must go back to a work step/),
      expect.stringMatching(/^6: .*maximum number of passes/),
      expect.stringMatching(/^7: .*maximum number of passes/),
    ]);
  });
});
