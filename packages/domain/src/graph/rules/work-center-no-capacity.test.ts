import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';

// letterGraph operations are planned on work center ASM.
const graph = letterGraph({ S: 'start', A: 'operation', B: 'operation', E: 'end' }, ['S>A', 'A>B', 'B>E']);

describe('WORK_CENTER_NO_CAPACITY', () => {
  it('accepts a work center with stations', () => {
    expect(issuesOf('WORK_CENTER_NO_CAPACITY', graph, { workCenters: [{ code: 'ASM', capacity: 3 }] })).toEqual([]);
  });

  it('warns once per empty work center, listing its steps', () => {
    expect(issuesOf('WORK_CENTER_NO_CAPACITY', graph, { workCenters: [{ code: 'ASM', capacity: 0 }] })).toEqual([
      expect.objectContaining({ severity: 'warning', nodeKeys: ['A', 'B'] }),
    ]);
  });
});
