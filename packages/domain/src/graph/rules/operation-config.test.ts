import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';
import type { GraphNode, NodeConfig } from '../graph-schema.ts';

const withStep = (type: 'operation' | 'qc', config?: NodeConfig) => {
  const step: GraphNode = { key: 'A', type, name: 'Stitch body', ...(config ? { config } : {}) };
  return letterGraph(
    { S: 'start', A: step, E: 'end', X: 'end' },
    type === 'qc' ? ['S>A', 'A>E pass', 'A>X fail'] : ['S>A', 'A>E'],
  );
};

describe('OPERATION_CONFIG', () => {
  it('accepts a complete operation, a two-artisan operation and a QC step without config', () => {
    expect(issuesOf('OPERATION_CONFIG', withStep('operation', { workCenter: 'STI', standardMinutes: 30 }))).toEqual([]);
    expect(
      issuesOf(
        'OPERATION_CONFIG',
        withStep('operation', { workCenter: 'STI', standardMinutes: 30, minOperators: 1, maxOperators: 2 }),
      ),
    ).toEqual([]);
    expect(issuesOf('OPERATION_CONFIG', withStep('qc'))).toEqual([]);
  });

  it('reports an operation without work center and minutes in one finding', () => {
    const issues = issuesOf('OPERATION_CONFIG', withStep('operation'));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toBe('"Stitch body" (A) needs a work center, standard minutes above 0.');
  });

  it('reports zero minutes and inverted operator counts', () => {
    expect(
      issuesOf('OPERATION_CONFIG', withStep('operation', { workCenter: 'STI', standardMinutes: 0 }))[0]?.message,
    ).toMatch(/standard minutes/);
    expect(
      issuesOf('OPERATION_CONFIG', withStep('operation', { workCenter: 'STI', standardMinutes: 5, minOperators: 0 }))[0]
        ?.message,
    ).toMatch(/at least 1 operator/);
    expect(
      issuesOf(
        'OPERATION_CONFIG',
        withStep('operation', { workCenter: 'STI', standardMinutes: 5, minOperators: 3, maxOperators: 2 }),
      )[0]?.message,
    ).toMatch(/maximum of operators \(2\)/);
  });

  it('checks the values a QC step does give', () => {
    expect(issuesOf('OPERATION_CONFIG', withStep('qc', { standardMinutes: -1 }))).toHaveLength(1);
  });
});
