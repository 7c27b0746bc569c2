import { describe, expect, it } from 'vitest';
import { parseGraph, toJsonPath } from './parse-graph.ts';

const minimal = {
  format: 'routing-graph/v1',
  code: 'TOTE-01',
  name: 'Tote bag',
  nodes: [
    { key: 'start', type: 'start', name: 'Start', position: { x: 0, y: 0 } },
    {
      key: 'cut',
      type: 'operation',
      name: 'Cutting',
      config: {
        workCenter: 'CUT',
        standardMinutes: 12,
        minOperators: 1,
        maxOperators: 1,
        skills: [{ code: 'cutting', minLevel: 2 }],
      },
    },
    { key: 'end', type: 'end', name: 'End' },
  ],
  edges: [
    { from: 'start', to: 'cut', kind: 'normal' },
    { from: 'cut', to: 'end', kind: 'normal' },
  ],
};

function withNode(index: number, patch: Record<string, unknown>): Record<string, unknown> {
  return { ...minimal, nodes: minimal.nodes.map((node, i) => (i === index ? { ...node, ...patch } : node)) };
}

describe('parseGraph', () => {
  it('accepts the SPEC example and keeps every field', () => {
    const result = parseGraph(minimal);
    expect(result).toEqual({ ok: true, graph: minimal });
  });

  it('rejects an unknown field, pointing at the field itself', () => {
    const result = parseGraph(withNode(1, { colour: 'red' }));
    expect(result).toEqual({ ok: false, errors: [{ path: '$.nodes[1].colour', message: 'Unknown field' }] });
  });

  it('rejects unknown fields inside config and on the document', () => {
    const result = parseGraph({ ...withNode(1, { config: { workCenter: 'CUT', speed: 3 } }), owner: 'me' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual(['$.nodes[1].config.speed', '$.owner']);
  });

  it('reports a wrong type with the JSON path of the value', () => {
    const result = parseGraph(withNode(1, { config: { standardMinutes: 'twelve' } }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.path).toBe('$.nodes[1].config.standardMinutes');
  });

  it('rejects unknown node types, edge kinds and condition operators', () => {
    const graph = {
      ...withNode(1, { type: 'sewing' }),
      edges: [
        { from: 'start', to: 'cut', kind: 'jump' },
        { from: 'cut', to: 'end', kind: 'condition', condition: { attribute: 'leather', op: 'like', value: 'x' } },
      ],
    };
    const result = parseGraph(graph);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      '$.edges[0].kind',
      '$.edges[1].condition.op',
      '$.nodes[1].type',
    ]);
  });

  it('rejects another format, a missing field, skill levels outside 1-5 and bad keys', () => {
    const result = parseGraph({
      ...withNode(1, { key: 'cut here', config: { skills: [{ code: 'cutting', minLevel: 6 }] } }),
      format: 'routing-graph/v2',
      name: undefined,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.path).sort()).toEqual([
      '$.format',
      '$.name',
      '$.nodes[1].config.skills[0].minLevel',
      '$.nodes[1].key',
    ]);
  });

  it('never throws on non-objects', () => {
    for (const value of [null, 42, 'graph', [], undefined]) {
      const result = parseGraph(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]?.path).toBe('$');
    }
  });
});

describe('toJsonPath', () => {
  it('quotes keys that are not identifiers', () => {
    expect(toJsonPath(['nodes', 0, 'config'])).toBe('$.nodes[0].config');
    expect(toJsonPath(['attributes', 'size mm'])).toBe('$.attributes["size mm"]');
  });
});
