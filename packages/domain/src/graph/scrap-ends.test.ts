import { describe, expect, it } from 'vitest';
import { letterGraph } from './letter-graph.ts';
import { scrapEndKeys } from './scrap-ends.ts';

describe('scrapEndKeys', () => {
  it('is the end reached only by a QC fail edge, not the end finished pieces reach', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end', X: 'end' }, [
      'S>A',
      'A>Q',
      'Q>E pass',
      'Q>A rework',
      'Q>X fail',
    ]);
    expect(scrapEndKeys(graph)).toEqual(new Set(['X']));
  });

  it('leaves out an end that finished pieces reach too', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>E pass',
      'Q>E fail',
    ]);
    expect(scrapEndKeys(graph)).toEqual(new Set());
  });
});
