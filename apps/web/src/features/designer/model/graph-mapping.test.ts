import { describe, expect, it } from 'vitest';
import { docToGraph, graphToDoc, sameDoc, sameStructure } from './graph-mapping.ts';
import { benchRouting, demoRouting } from './test-graphs.ts';

describe('graph ↔ canvas mapping', () => {
  it.each(['tote-bag.json', 'wallet.json', 'belt.json'])('round-trips the demo routing %s exactly', (file) => {
    const graph = demoRouting(file);
    expect(docToGraph(graphToDoc(graph))).toEqual(graph);
  });

  it('round-trips a generated 1,000-node routing with conditions and rework limits', () => {
    const graph = benchRouting(1000);
    const back = docToGraph(graphToDoc(graph));
    expect(back).toEqual(graph);
  });

  it('keys nodes by routing key and keeps edge order as the routing index', () => {
    const doc = graphToDoc(demoRouting());
    expect(doc.nodes.map((n) => n.id)).toEqual(demoRouting().nodes.map((n) => n.key));
    expect(doc.edges.map((e) => [e.source, e.target, e.data?.kind])).toEqual(
      demoRouting().edges.map((e) => [e.from, e.to, e.kind]),
    );
  });

  it('tells a move from a selection change, and an edit from a move', () => {
    const doc = graphToDoc(demoRouting());
    const selected = { ...doc, nodes: doc.nodes.map((n, i) => (i === 1 ? { ...n, selected: true } : n)) };
    expect(sameDoc(doc, selected)).toBe(true);
    const moved = { ...doc, nodes: doc.nodes.map((n, i) => (i === 1 ? { ...n, position: { x: 1, y: 2 } } : n)) };
    expect(sameDoc(doc, moved)).toBe(false);
    expect(sameStructure(doc, moved)).toBe(true);
    const renamed = {
      ...doc,
      nodes: doc.nodes.map((n, i) => (i === 1 ? { ...n, data: { ...n.data, name: 'Other' } } : n)),
    };
    expect(sameStructure(doc, renamed)).toBe(false);
  });
});
