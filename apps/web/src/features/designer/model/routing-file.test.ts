import { describe, expect, it } from 'vitest';
import { docToGraph, graphToDoc } from './graph-mapping.ts';
import { readRoutingFile, routingFileName, writeRoutingFile } from './routing-file.ts';
import { demoRouting } from './test-graphs.ts';

describe('routing-graph/v1 files', () => {
  it('an exported file re-imports identical, byte for byte', () => {
    const file = writeRoutingFile(docToGraph(graphToDoc(demoRouting())));
    const read = readRoutingFile(file);
    expect(read.ok).toBe(true);
    if (read.ok) expect(writeRoutingFile(docToGraph(graphToDoc(read.graph)))).toBe(file);
  });

  it('names an unknown field by its JSON path', () => {
    const graph = demoRouting();
    const text = JSON.stringify({ ...graph, nodes: [{ ...graph.nodes[1], colour: 'red' }, ...graph.nodes.slice(2)] });
    expect(readRoutingFile(text)).toEqual({
      ok: false,
      errors: [{ path: '$.nodes[0].colour', message: 'Unknown field' }],
    });
  });

  it('reports broken JSON as one error at the root', () => {
    const read = readRoutingFile('{"format": "routing-graph/v1",');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.errors).toEqual([{ path: '$', message: expect.any(String) }]);
  });

  it('names export files after code and version', () => {
    expect(routingFileName('TOTE-01', 3)).toBe('TOTE-01-v3.json');
    expect(routingFileName('A B', null)).toBe('A_B.json');
  });
});
