import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { edgeKindSchema, GRAPH_FORMAT, nodeTypeSchema } from './graph-schema.ts';
import type { RoutingGraph } from './graph-schema.ts';
import { graphIssue } from './graph-issue.ts';
import { letterGraph, letterNode } from './letter-graph.ts';
import { toValidationResult, validateGraph } from './validate-graph.ts';

describe('validateGraph', () => {
  it('finds nothing in a clean A→B→C routing', () => {
    expect(
      validateGraph(
        letterGraph({ S: 'start', A: 'operation', B: 'operation', C: 'operation', E: 'end' }, [
          'S>A',
          'A>B',
          'B>C',
          'C>E',
        ]),
      ),
    ).toEqual([]);
  });

  it('survives an empty graph and reports what is missing', () => {
    expect(validateGraph(letterGraph({}, [])).map((i) => i.code)).toEqual(['START_COUNT', 'END_MISSING']);
  });

  it('gives every finding a message and only existing node keys and edge indexes', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', P: 'split', Q: 'qc', J: 'join', D: 'decision' }, [
      'S>A',
      'A>A',
      'A>P',
      'P>Q',
      'Q>J',
      'J>D',
      'D>S',
      'D>Z',
    ]);
    const issues = validateGraph(graph, { workCenters: [{ code: 'ASM', capacity: 0 }], skills: [], operators: [] });
    expect(issues.length).toBeGreaterThan(5);
    const keys = new Set(graph.nodes.map((n) => n.key));
    for (const issue of issues) {
      expect(issue.message.length).toBeGreaterThan(10);
      for (const key of issue.nodeKeys) expect(keys.has(key), `${issue.code} ${key}`).toBe(true);
      for (const i of issue.edgeIndexes) expect(i).toBeLessThan(graph.edges.length);
    }
  });
});

/** Any shape of graph the schema accepts, over a few keys so collisions, loops and strays are common. */
const anyGraph: fc.Arbitrary<RoutingGraph> = fc
  .record({
    nodes: fc.array(
      fc.record({
        key: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F'),
        type: fc.constantFrom(...nodeTypeSchema.options),
      }),
      { maxLength: 8 },
    ),
    edges: fc.array(
      fc.record({
        from: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'Z'),
        to: fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', 'Z'),
        kind: fc.constantFrom(...edgeKindSchema.options),
        condition: fc.option(
          fc.record({
            attribute: fc.constantFrom('leather', 'size'),
            op: fc.constantFrom('eq', 'in', 'gt'),
            value: fc.oneof(fc.integer(), fc.constant('exotic'), fc.constant<string[]>(['exotic'])),
          }),
          { nil: undefined },
        ),
        maxPasses: fc.option(fc.integer({ min: -1, max: 3 }), { nil: undefined }),
      }),
      { maxLength: 14 },
    ),
  })
  .map(({ nodes, edges }) => ({
    format: GRAPH_FORMAT,
    code: 'FUZZ',
    name: 'Fuzzed',
    nodes: nodes.map((node) => letterNode(node.key, node.type)),
    edges: edges.map(({ condition, maxPasses, ...edge }) => ({
      ...edge,
      ...(condition ? { condition } : {}),
      ...(maxPasses === undefined ? {} : { maxPasses }),
    })),
  }));

describe('validateGraph on arbitrary graphs', () => {
  it('never throws, and every finding points only at existing nodes and edges', () => {
    fc.assert(
      fc.property(anyGraph, (graph) => {
        const keys = new Set(graph.nodes.map((n) => n.key));
        for (const issue of validateGraph(graph, { workCenters: [], skills: [], operators: [], presetCodes: [] })) {
          for (const key of issue.nodeKeys) expect(keys.has(key)).toBe(true);
          for (const i of issue.edgeIndexes) expect(i >= 0 && i < graph.edges.length).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same findings for the same graph', () => {
    fc.assert(
      fc.property(anyGraph, (graph) => {
        expect(validateGraph(structuredClone(graph))).toEqual(validateGraph(graph));
      }),
      { numRuns: 300 },
    );
  });
});

describe('toValidationResult', () => {
  it('is valid with warnings only, invalid with any error', () => {
    const warning = graphIssue('DECISION_OVERLAP', 'Two conditions overlap.');
    const error = graphIssue('CYCLE', 'A loop.');
    expect(toValidationResult([])).toEqual({ valid: true, issues: [] });
    expect(toValidationResult([warning]).valid).toBe(true);
    expect(toValidationResult([warning, error]).valid).toBe(false);
  });
});
