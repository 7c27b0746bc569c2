import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

// letterGraph operations need skill "assembly" level 1.
const graph = letterGraph({ S: 'start', A: 'operation', E: 'end' }, ['S>A', 'A>E']);

describe('SKILL_UNCOVERED', () => {
  it('accepts a skill an active operator has at the level', () => {
    expect(issuesOf('SKILL_UNCOVERED', graph, { operators: [{ skills: [{ code: 'assembly', level: 2 }] }] })).toEqual(
      [],
    );
  });

  it('warns when only an inactive operator has the skill, or nobody', () => {
    for (const operators of [
      [{ active: false, skills: [{ code: 'assembly', level: 5 }] }],
      [{ skills: [{ code: 'cutting', level: 5 }] }],
    ]) {
      expect(issuesOf('SKILL_UNCOVERED', graph, { operators })).toEqual([
        expect.objectContaining({ severity: 'warning', nodeKeys: ['A'] }),
      ]);
    }
  });

  it('warns when the level is too low', () => {
    const stitched = letterGraph(
      {
        S: 'start',
        A: {
          key: 'A',
          type: 'operation',
          name: 'Saddle stitch',
          config: { workCenter: 'STI', standardMinutes: 50, skills: [{ code: 'saddle_stitching', minLevel: 4 }] },
        },
        E: 'end',
      },
      ['S>A', 'A>E'],
    );
    expect(
      issuesOf('SKILL_UNCOVERED', stitched, { operators: [{ skills: [{ code: 'saddle_stitching', level: 3 }] }] }),
    ).toHaveLength(1);
  });
});
