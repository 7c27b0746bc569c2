import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';
import { validateGraph } from '../validate-graph.ts';

const nodes = { S: 'start', A: 'operation', Q: 'qc', P: 'operation', E: 'end', X: 'end' } as const;
const qcGraph = (...qcEdges: string[]) => letterGraph(nodes, ['S>A', 'A>Q', ...qcEdges, 'P>E']);

describe('QC_EDGES', () => {
  it('accepts pass plus fail, pass plus rework, and all three', () => {
    for (const edges of [
      ['Q>P pass', 'Q>X fail'],
      ['Q>P pass', 'Q>A rework'],
      ['Q>P pass', 'Q>X fail', 'Q>A rework'],
    ]) {
      expect(issuesOf('QC_EDGES', qcGraph(...edges))).toEqual([]);
    }
  });

  it('reports a QC step without a pass path', () => {
    expect(issuesOf('QC_EDGES', qcGraph('Q>X fail', 'Q>A rework'))[0]?.message).toMatch(/exactly one pass/);
  });

  it('reports a QC step with only a pass path', () => {
    expect(issuesOf('QC_EDGES', qcGraph('Q>P pass'))[0]?.message).toMatch(/fail or rework/);
  });

  it('reports two pass paths, two fail paths and a normal path', () => {
    const messages = issuesOf('QC_EDGES', qcGraph('Q>P pass', 'Q>E pass', 'Q>X fail', 'Q>E fail', 'Q>X normal')).map(
      (i) => i.message,
    );
    expect(messages).toEqual([
      expect.stringMatching(/exactly one pass path \(it has 2\)/),
      expect.stringMatching(/2 fail paths/),
      expect.stringMatching(/must be pass, fail or rework/),
    ]);
  });

  it('accepts several rework paths to different steps (minor to edge painting, major to stitching)', () => {
    const graph = letterGraph(
      { S: 'start', STITCH: 'operation', EDGE: 'operation', Q: 'qc', PACK: 'operation', E: 'end' },
      ['S>STITCH', 'STITCH>EDGE', 'EDGE>Q', 'Q>PACK pass', 'Q>EDGE rework', 'Q>STITCH rework', 'PACK>E'],
    );
    expect(validateGraph(graph)).toEqual([]);
  });
});
