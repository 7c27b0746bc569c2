import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildGraphIndex } from '../graph/graph-index.ts';
import { parseGraph } from '../graph/parse-graph.ts';
import { validateGraph } from '../graph/validate-graph.ts';
import { DEFAULT_PRESETS } from '../presets/default-presets.ts';
import { DEMO_SKILLS, DEMO_WORK_CENTERS } from '../presets/demo-vocabulary.ts';
import { arbitraryGraph, generateGraph, minimumNodes } from './generate-graph.ts';

const demoContext = {
  workCenters: DEMO_WORK_CENTERS,
  skills: DEMO_SKILLS.map((s) => s.code),
  presetCodes: DEFAULT_PRESETS.map((p) => p.code),
};

const countType = (graph: ReturnType<typeof generateGraph>, type: string) =>
  graph.nodes.filter((n) => n.type === type).length;

describe('generateGraph', () => {
  it('builds the benchmark graph: exactly 1,000 nodes, 20 parallel sections, QC rework and decisions, no findings', () => {
    const graph = generateGraph({ nodes: 1000, sections: 20, seed: 2026 });
    expect(graph.nodes).toHaveLength(1000);
    expect(countType(graph, 'split')).toBe(20);
    expect(countType(graph, 'join')).toBe(20);
    expect(countType(graph, 'decision')).toBeGreaterThan(0);
    expect(graph.edges.filter((e) => e.kind === 'rework').length).toBeGreaterThan(10);
    expect(parseGraph(graph).ok).toBe(true);
    expect(validateGraph(graph, demoContext)).toEqual([]);
  });

  it('is deterministic per seed and varies between seeds', () => {
    const a = generateGraph({ nodes: 80, sections: 4, seed: 7 });
    expect(generateGraph({ nodes: 80, sections: 4, seed: 7 })).toEqual(a);
    expect(generateGraph({ nodes: 80, sections: 4, seed: 8 })).not.toEqual(a);
  });

  it('nests sections when asked to', () => {
    const graph = generateGraph({ nodes: 60, sections: 6, seed: 3, nesting: 1 });
    const index = buildGraphIndex(graph);
    const depths = graph.nodes.map((n) => {
      let depth = 0;
      for (let frame = index.sectionOf(n.key); frame; frame = frame.parent) depth++;
      return depth;
    });
    expect(Math.max(...depths)).toBe(6);
    expect(validateGraph(graph)).toEqual([]);
  });

  it('builds the smallest graph for a section count, and refuses fewer nodes', () => {
    expect(generateGraph({ nodes: minimumNodes(3), sections: 3, seed: 1 }).nodes).toHaveLength(17);
    expect(() => generateGraph({ nodes: minimumNodes(3) - 1, sections: 3, seed: 1 })).toThrow(RangeError);
  });

  it('lays nodes out left to right along every forward edge', () => {
    const graph = generateGraph({ nodes: 200, sections: 6, seed: 11 });
    const x = new Map(graph.nodes.map((n) => [n.key, n.position?.x ?? Number.NaN]));
    for (const edge of graph.edges.filter((e) => e.kind !== 'rework' && e.to !== 'scrap')) {
      expect(x.get(edge.to)).toBeGreaterThan(x.get(edge.from) ?? Infinity);
    }
  });
});

describe('arbitraryGraph', () => {
  it('only produces graphs with exactly the requested shape and no findings', () => {
    fc.assert(
      fc.property(arbitraryGraph(), (graph) => {
        expect(validateGraph(graph, demoContext)).toEqual([]);
        expect(countType(graph, 'split')).toBe(countType(graph, 'join'));
      }),
      { numRuns: 500 },
    );
  });

  it('breaking any forward edge (other than a QC fail) of a generated graph makes it invalid', () => {
    fc.assert(
      fc.property(arbitraryGraph({ maxSections: 3, maxExtraNodes: 20 }), fc.nat(), (graph, pick) => {
        const removable = graph.edges
          .map((e, i) => ({ e, i }))
          .filter(({ e }) => e.kind !== 'fail' && e.kind !== 'rework');
        const removed = removable[pick % removable.length]?.i;
        const broken = { ...graph, edges: graph.edges.filter((_, i) => i !== removed) };
        expect(validateGraph(broken).filter((issue) => issue.severity === 'error').length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
