import { describe, expect, it } from 'vitest';
import { GRAPH_FORMAT } from '../graph/graph-schema.ts';
import type { GraphNode, RoutingGraph } from '../graph/graph-schema.ts';
import { parseGraph } from '../graph/parse-graph.ts';
import { validateGraph } from '../graph/validate-graph.ts';
import { applyPreset } from './apply-preset.ts';
import { DEFAULT_PRESETS } from './default-presets.ts';
import { DEMO_SKILLS, DEMO_WORK_CENTERS } from './demo-vocabulary.ts';
import { nodePresetSchema } from './node-preset.ts';

const preset = (code: string) => {
  const found = DEFAULT_PRESETS.find((p) => p.code === code);
  if (!found) throw new Error(`no preset ${code}`);
  return found;
};

const demoContext = {
  workCenters: DEMO_WORK_CENTERS,
  skills: DEMO_SKILLS.map((s) => s.code),
  presetCodes: DEFAULT_PRESETS.map((p) => p.code),
};

describe('DEFAULT_PRESETS', () => {
  it('ships the presets of SPEC §2 with unique codes', () => {
    const names = DEFAULT_PRESETS.map((p) => p.name);
    for (const name of [
      'Start',
      'End',
      'Cutting',
      'Skiving',
      'Edge Painting',
      'Stitching (2 artisans)',
      'Hand Saddle Stitching',
      'Assembly',
      'Hardware Fitting',
      'QC Inspection',
      'Parallel Split',
      'Join',
      'Decision',
      'Packing',
    ]) {
      expect(names).toContain(name);
    }
    expect(new Set(DEFAULT_PRESETS.map((p) => p.code)).size).toBe(DEFAULT_PRESETS.length);
  });

  it('are valid presets by the schema user presets are checked with', () => {
    for (const p of DEFAULT_PRESETS) expect(nodePresetSchema.safeParse(p).success, p.code).toBe(true);
    expect(nodePresetSchema.safeParse({ ...preset('cutting'), code: 'Cutting Table' }).success).toBe(false);
    expect(nodePresetSchema.safeParse({ ...preset('cutting'), config: { preset: 'cutting' } }).success).toBe(false);
  });

  it('lets two artisans work on one piece at the stitching preset', () => {
    expect(preset('stitching-2').config).toMatchObject({ minOperators: 1, maxOperators: 2 });
  });
});

describe('applyPreset', () => {
  it('creates a node with the preset config, its code, and the given key, name and position', () => {
    const node = applyPreset(preset('cutting'), { key: 'cut-1', position: { x: 40, y: 80 } });
    expect(node).toEqual({
      key: 'cut-1',
      type: 'operation',
      name: 'Cutting',
      position: { x: 40, y: 80 },
      config: { ...preset('cutting').config, preset: 'cutting' },
    });
    expect(applyPreset(preset('cutting'), { key: 'cut-2', name: 'Cut strap' }).name).toBe('Cut strap');
  });

  it('copies the config, so editing the node leaves the preset alone', () => {
    const node = applyPreset(preset('qc-inspection'), { key: 'qc' });
    node.config?.qcChecklist?.push('Logo centred');
    node.config?.skills?.splice(0);
    expect(preset('qc-inspection').config.qcChecklist).not.toContain('Logo centred');
    expect(preset('qc-inspection').config.skills).toHaveLength(1);
  });

  it('produces nodes that parse and pass every config check', () => {
    for (const p of DEFAULT_PRESETS) {
      const node: GraphNode = applyPreset(p, { key: p.code });
      const graph: RoutingGraph = {
        format: GRAPH_FORMAT,
        code: 'PRESETS',
        name: 'All presets',
        nodes: [node],
        edges: [],
      };
      expect(parseGraph(graph)).toEqual({ ok: true, graph });
      const configIssues = validateGraph(graph, demoContext).filter((i) =>
        ['OPERATION_CONFIG', 'UNKNOWN_REFERENCE'].includes(i.code),
      );
      expect(configIssues, p.code).toEqual([]);
    }
  });

  it('builds a routing that validates clean from presets alone', () => {
    const nodes = ['start', 'cutting', 'skiving', 'stitching-2', 'qc-inspection', 'packing', 'end'].map((code, i) =>
      applyPreset(preset(code), { key: code, position: { x: i * 200, y: 0 } }),
    );
    const edges = [
      { from: 'start', to: 'cutting', kind: 'normal' as const },
      { from: 'cutting', to: 'skiving', kind: 'normal' as const },
      { from: 'skiving', to: 'stitching-2', kind: 'normal' as const },
      { from: 'stitching-2', to: 'qc-inspection', kind: 'normal' as const },
      { from: 'qc-inspection', to: 'packing', kind: 'pass' as const },
      { from: 'qc-inspection', to: 'stitching-2', kind: 'rework' as const, maxPasses: 1 },
      { from: 'packing', to: 'end', kind: 'normal' as const },
    ];
    expect(validateGraph({ format: GRAPH_FORMAT, code: 'BAG-01', name: 'Bag', nodes, edges }, demoContext)).toEqual([]);
  });
});
