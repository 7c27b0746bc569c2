import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NodeType } from '../graph-schema.ts';
import { issuesOf, letterGraph } from '../letter-graph.ts';
import { validateGraph } from '../validate-graph.ts';

const tote = {
  S: 'start',
  A: 'operation',
  P: 'split',
  B: 'operation',
  C: 'operation',
  Q: 'qc',
  J: 'join',
  K: 'qc',
  E: 'end',
} as const;
const toteEdges = ['S>A', 'A>P', 'P>B', 'P>C', 'B>Q', 'Q>J pass', 'C>J', 'J>K', 'K>E pass', 'K>A rework'];

describe('REWORK_TARGET', () => {
  it('accepts rework from QC to an earlier step in the same section', () => {
    expect(issuesOf('REWORK_TARGET', letterGraph(tote, [...toteEdges, 'Q>B rework']))).toEqual([]);
  });

  it('reports rework jumping out of a parallel section', () => {
    const issues = issuesOf('REWORK_TARGET', letterGraph(tote, [...toteEdges, 'Q>A rework']));
    expect(issues).toEqual([expect.objectContaining({ nodeKeys: ['Q', 'A'], edgeIndexes: [10] })]);
    expect(issues[0]?.message).toMatch(/parallel section/);
  });

  it('reports rework jumping into a parallel section', () => {
    const issues = issuesOf(
      'REWORK_TARGET',
      letterGraph(
        tote,
        toteEdges.map((e) => (e === 'K>A rework' ? 'K>B rework' : e)),
      ),
    );
    expect(issues.map((i) => i.nodeKeys)).toEqual([['K', 'B']]);
  });

  it('reports rework to a step that is not upstream', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', B: 'operation', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>B pass',
      'B>E',
      'Q>B rework',
    ]);
    expect(issuesOf('REWORK_TARGET', graph)[0]?.message).toMatch(/does not go back/);
  });

  it('reports rework not from a QC step, to a non-work step, or without a pass limit', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', B: 'operation', Q: 'qc', E: 'end' }, [
      'S>A',
      'A>B',
      'B>Q',
      'Q>E pass',
      'B>A rework',
      'Q>S rework',
      { from: 'Q', to: 'A', kind: 'rework' },
      { from: 'Q', to: 'B', kind: 'rework', maxPasses: 0 },
    ]);
    const messages = issuesOf('REWORK_TARGET', graph).map((i) => `${i.edgeIndexes[0]}: ${i.message}`);
    expect(messages).toEqual([
      expect.stringMatching(/^4: .*only a QC step/),
      expect.stringMatching(/^5: .*start node; it must go back to a work step/),
      expect.stringMatching(/^6: .*maximum number of passes/),
      expect.stringMatching(/^7: .*maximum number of passes/),
    ]);
  });

  it('accepts a repair step off the main path whose path leads back to the QC or before it', () => {
    const nodes = { S: 'start', A: 'operation', Q: 'qc', R: 'operation', T: 'operation', E: 'end' } as const;
    for (const back of ['T>A', 'T>Q']) {
      const graph = letterGraph(nodes, ['S>A', 'A>Q', 'Q>E pass', 'Q>R rework', 'R>T', back]);
      expect(validateGraph(graph), back).toEqual([]);
    }
  });

  it('reports, on the edge, a repair step whose path never leads back', () => {
    const graph = letterGraph({ S: 'start', A: 'operation', Q: 'qc', B: 'operation', R: 'operation', E: 'end' }, [
      'S>A',
      'A>Q',
      'Q>B pass',
      'B>E',
      'Q>R rework',
      'R>B',
    ]);
    const issues = validateGraph(graph);
    expect(issues.map((i) => i.code)).toEqual(['REWORK_TARGET']);
    expect(issues[0]).toMatchObject({ nodeKeys: ['Q', 'R'], edgeIndexes: [4] });
    expect(issues[0]?.message).toMatch(/no path leads from "Node R" \(R\) to "Node Q" \(Q\)/);
  });

  it('reports a repair loop that re-enters the main path in another parallel section', () => {
    const graph = letterGraph({ ...tote, R: 'operation' }, [
      ...toteEdges.filter((e) => e !== 'K>A rework'),
      'K>R rework',
      'R>B',
    ]);
    expect(issuesOf('REWORK_TARGET', graph).map((i) => i.message)).toEqual([expect.stringMatching(/parallel section/)]);
  });
});

describe('repair loops on any straight routing (property)', () => {
  it('a QC with several repair loops back to any earlier step stays valid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
        (steps, backs) => {
          const keys = Array.from({ length: steps }, (_, i) => `A${i}`);
          const nodes: Record<string, NodeType> = { S: 'start', Q: 'qc', E: 'end' };
          for (const key of keys) nodes[key] = 'operation';
          const edges = ['S>A0', ...keys.slice(1).map((key, i) => `${keys[i]}>${key}`), `${keys.at(-1)}>Q`, 'Q>E pass'];
          backs.forEach((back, i) => {
            nodes[`R${i}`] = 'operation';
            edges.push(`Q>R${i} rework`, `R${i}>${[...keys, 'Q'][back % (steps + 1)]}`);
          });
          expect(validateGraph(letterGraph(nodes, edges))).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a repair loop that only leads forward is exactly one REWORK_TARGET on its edge', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.nat(), (steps, after) => {
        const keys = Array.from({ length: steps }, (_, i) => `A${i}`);
        const nodes: Record<string, NodeType> = { S: 'start', Q: 'qc', R: 'operation', E: 'end' };
        for (const key of keys) nodes[key] = 'operation';
        const tail = [...keys, 'E'];
        const edges = ['S>Q', 'Q>A0 pass', ...tail.slice(1).map((key, i) => `${tail[i]}>${key}`), 'Q>R rework'];
        edges.push(`R>${tail[after % tail.length]}`);
        const issues = validateGraph(letterGraph(nodes, edges));
        expect(issues.map((i) => [i.code, i.edgeIndexes])).toEqual([['REWORK_TARGET', [edges.indexOf('Q>R rework')]]]);
      }),
      { numRuns: 300 },
    );
  });
});
