import { describe, expect, it } from 'vitest';
import { autoLayout } from './auto-layout.ts';
import { graphToDoc } from './graph-mapping.ts';
import { GRID, NODE_SIZE } from './node-size.ts';
import { demoRouting, generatedRouting } from './test-graphs.ts';

describe('autoLayout', () => {
  it('lays every forward edge left to right, on the grid, and sends rework edges back', () => {
    const doc = graphToDoc(generatedRouting(80, 3));
    const at = autoLayout(doc);
    expect(at.size).toBe(doc.nodes.length);
    for (const edge of doc.edges) {
      const from = at.get(edge.source);
      const to = at.get(edge.target);
      if (!from || !to) throw new Error(`unplaced ${edge.source} → ${edge.target}`);
      if (edge.data?.kind === 'rework') expect(to.x, `${edge.source} ↩ ${edge.target}`).toBeLessThan(from.x);
      else expect(to.x, `${edge.source} → ${edge.target}`).toBeGreaterThan(from.x);
    }
    for (const p of at.values()) expect([Math.abs(p.x % GRID), Math.abs(p.y % GRID)]).toEqual([0, 0]);
  }, 30_000);

  it('sets split branches side by side without overlapping nodes', () => {
    const doc = graphToDoc(demoRouting());
    const at = autoLayout(doc);
    const boxes = doc.nodes.map((n) => ({ ...(at.get(n.id) ?? { x: 0, y: 0 }), ...NODE_SIZE[n.type ?? 'operation'] }));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap, `${doc.nodes[i]?.id} / ${doc.nodes[j]?.id}`).toBe(false);
      }
    }
    const split = doc.nodes.find((n) => n.type === 'split');
    const branches = doc.edges.filter((e) => e.source === split?.id).map((e) => at.get(e.target));
    expect(new Set(branches.map((p) => p?.x)).size).toBe(1);
    expect(new Set(branches.map((p) => p?.y)).size).toBe(branches.length);
  });
});
