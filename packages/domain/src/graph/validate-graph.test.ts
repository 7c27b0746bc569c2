import { describe, expect, it } from 'vitest';
import { graphIssue } from './graph-issue.ts';
import { letterGraph } from './letter-graph.ts';
import { toValidationResult, validateGraph } from './validate-graph.ts';

describe('validateGraph', () => {
  it('finds nothing in a clean A→B→C routing', () => {
    expect(validateGraph(letterGraph({ S: 'start', A: 'operation', B: 'operation', C: 'operation', E: 'end' }, ['S>A', 'A>B', 'B>C', 'C>E']))).toEqual([]);
  });

  it('survives an empty graph and reports what is missing', () => {
    expect(validateGraph(letterGraph({}, [])).map((i) => i.code)).toEqual(['START_COUNT', 'END_MISSING']);
  });

  it('gives every finding a message and only existing node keys and edge indexes', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', P: 'split', Q: 'qc', J: 'join', D: 'decision' }, ['S>A', 'A>A', 'A>P', 'P>Q', 'Q>J', 'J>D', 'D>S', 'D>Z']);
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

describe('toValidationResult', () => {
  it('is valid with warnings only, invalid with any error', () => {
    const warning = graphIssue('DECISION_OVERLAP', 'Two conditions overlap.');
    const error = graphIssue('CYCLE', 'A loop.');
    expect(toValidationResult([])).toEqual({ valid: true, issues: [] });
    expect(toValidationResult([warning]).valid).toBe(true);
    expect(toValidationResult([warning, error]).valid).toBe(false);
  });
});
