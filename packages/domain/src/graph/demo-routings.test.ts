import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESETS } from '../presets/default-presets.ts';
import { DEMO_SKILLS, DEMO_WORK_CENTERS } from '../presets/demo-vocabulary.ts';
import { buildGraphIndex } from './graph-index.ts';
import { parseGraph } from './parse-graph.ts';
import { validateGraph } from './validate-graph.ts';

const demoContext = {
  workCenters: DEMO_WORK_CENTERS,
  skills: DEMO_SKILLS.map((s) => s.code),
  presetCodes: DEFAULT_PRESETS.map((p) => p.code),
  operators: DEMO_SKILLS.map((s) => ({ skills: [{ code: s.code, level: 5 }] })),
};

function loadRouting(file: string) {
  const result = parseGraph(
    JSON.parse(readFileSync(new URL(`../../../../examples/routings/${file}`, import.meta.url), 'utf8')),
  );
  if (!result.ok) throw new Error(`${file}: ${JSON.stringify(result.errors)}`);
  return result.graph;
}

describe('demo routings', () => {
  it.each([
    ['tote-bag.json', 'TOTE-01'],
    ['wallet.json', 'WALLET-01'],
    ['belt.json', 'BELT-01'],
  ])('%s parses as %s and validates with no findings against the demo vocabulary', (file, code) => {
    const graph = loadRouting(file);
    expect(graph.code).toBe(code);
    expect(validateGraph(graph, demoContext)).toEqual([]);
  });

  it('tote: body and strap in parallel, a 2-artisan stitch step, QC reworks to assembly or scraps', () => {
    const graph = loadRouting('tote-bag.json');
    const index = buildGraphIndex(graph);
    expect(index.joinOfSplit('split')).toBe('join');
    expect(index.nodeByKey.get('stitch-body')?.config).toMatchObject({ minOperators: 1, maxOperators: 2 });
    expect(index.outgoing('qc').map(({ edge }) => [edge.kind, edge.to, edge.maxPasses])).toEqual([
      ['pass', 'pack', undefined],
      ['rework', 'assemble', 2],
      ['fail', 'scrap', undefined],
    ]);
  });

  it('wallet: exotic leather goes to hand saddle stitching, everything else to the machine', () => {
    const index = buildGraphIndex(loadRouting('wallet.json'));
    expect(index.outgoing('leather').map(({ edge }) => [edge.kind, edge.to, edge.condition?.value])).toEqual([
      ['condition', 'saddle-stitch', 'exotic'],
      ['default', 'machine-stitch', undefined],
    ]);
  });

  it('draws left to right: every edge except rework goes to a node further right', () => {
    for (const file of ['tote-bag.json', 'wallet.json', 'belt.json']) {
      const graph = loadRouting(file);
      const x = new Map(graph.nodes.map((n) => [n.key, n.position?.x ?? NaN]));
      for (const edge of graph.edges.filter((e) => e.kind !== 'rework')) {
        expect(x.get(edge.to), `${file} ${edge.from}→${edge.to}`).toBeGreaterThanOrEqual(x.get(edge.from) ?? Infinity);
      }
    }
  });
});
