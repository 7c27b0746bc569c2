import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';
import type { GraphNode } from '../graph-schema.ts';
import type { ValidationContext } from '../validation-context.ts';

const stitch: GraphNode = {
  key: 'A',
  type: 'operation',
  name: 'Stitch body',
  config: {
    workCenter: 'STI',
    standardMinutes: 30,
    skills: [{ code: 'stitching', minLevel: 3 }],
    preset: 'stitching-2',
  },
};
const graph = letterGraph({ S: 'start', A: stitch, E: 'end' }, ['S>A', 'A>E']);
const known: ValidationContext = {
  workCenters: [{ code: 'STI', capacity: 4 }],
  skills: ['stitching'],
  presetCodes: ['stitching-2'],
};

describe('UNKNOWN_REFERENCE', () => {
  it('accepts references that exist', () => {
    expect(issuesOf('UNKNOWN_REFERENCE', graph, known)).toEqual([]);
  });

  it('checks nothing without a context', () => {
    expect(issuesOf('UNKNOWN_REFERENCE', graph)).toEqual([]);
  });

  it('reports an unknown work center, skill and preset', () => {
    const issues = issuesOf('UNKNOWN_REFERENCE', graph, {
      workCenters: [{ code: 'CUT', capacity: 3 }],
      skills: ['cutting'],
      presetCodes: ['cutting'],
    });
    expect(issues.map((i) => i.message)).toEqual([
      '"Stitch body" (A) refers to work center "STI", which does not exist.',
      '"Stitch body" (A) refers to skill "stitching", which does not exist.',
      '"Stitch body" (A) refers to preset "stitching-2", which does not exist.',
    ]);
  });
});
