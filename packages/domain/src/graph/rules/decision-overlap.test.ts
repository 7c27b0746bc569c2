import { describe, expect, it } from 'vitest';
import { issuesOf, letterGraph } from '../letter-graph.ts';
import type { EdgeCondition } from '../graph-schema.ts';

function decisionWith(a: EdgeCondition, b: EdgeCondition) {
  return letterGraph({ S: 'start', D: 'decision', A: 'operation', B: 'operation', C: 'operation', E: 'end' }, [
    'S>D',
    { from: 'D', to: 'A', kind: 'condition', condition: a },
    { from: 'D', to: 'B', kind: 'condition', condition: b },
    { from: 'D', to: 'C', kind: 'default' },
    'A>E',
    'B>E',
    'C>E',
  ]);
}

const c = (op: EdgeCondition['op'], value: EdgeCondition['value'], attribute = 'size'): EdgeCondition => ({
  attribute,
  op,
  value,
});

describe('DECISION_OVERLAP', () => {
  it.each([
    [c('eq', 'exotic', 'leather'), c('eq', 'calf', 'leather')],
    [c('lt', 35), c('gte', 35)],
    [c('lte', 30), c('gt', 30)],
    [c('in', ['python', 'ostrich'], 'leather'), c('eq', 'calf', 'leather')],
    [c('eq', 'exotic', 'leather'), c('eq', 'exotic', 'finish')],
  ])('accepts disjoint conditions %o / %o', (a, b) => {
    expect(issuesOf('DECISION_OVERLAP', decisionWith(a, b))).toEqual([]);
  });

  it.each([
    [c('eq', 'exotic', 'leather'), c('eq', 'exotic', 'leather')],
    [c('gt', 30), c('lt', 31)],
    [c('gte', 35), c('gt', 40)],
    [c('in', ['python', 'ostrich'], 'leather'), c('in', ['ostrich', 'croc'], 'leather')],
    [c('neq', 'calf', 'leather'), c('neq', 'goat', 'leather')],
    [c('neq', 'calf', 'leather'), c('eq', 'exotic', 'leather')],
  ])('warns about overlapping conditions %o / %o', (a, b) => {
    const issues = issuesOf('DECISION_OVERLAP', decisionWith(a, b));
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', nodeKeys: ['D', 'A', 'B'], edgeIndexes: [1, 2] }),
    ]);
  });
});
