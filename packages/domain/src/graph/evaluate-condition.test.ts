import { describe, expect, it } from 'vitest';
import { conditionProblem, evaluateCondition } from './evaluate-condition.ts';
import type { EdgeCondition } from './graph-schema.ts';

const on = (op: EdgeCondition['op'], value: EdgeCondition['value']): EdgeCondition => ({ attribute: 'x', op, value });

describe('evaluateCondition', () => {
  it.each([
    [on('eq', 'exotic'), 'exotic', true],
    [on('eq', 'exotic'), 'calf', false],
    [on('neq', 'exotic'), 'calf', true],
    [on('neq', 'exotic'), 'exotic', false],
    [on('in', ['python', 'ostrich']), 'ostrich', true],
    [on('in', ['python', 'ostrich']), 'calf', false],
    [on('gt', 35), 40, true],
    [on('gt', 35), 35, false],
    [on('gte', 35), 35, true],
    [on('lt', 35), 30, true],
    [on('lt', 35), 35, false],
    [on('lte', 35), 35, true],
    [on('eq', true), true, true],
    [on('eq', true), 'true', false],
  ])('%o on %o → %s', (condition, actual, expected) => {
    expect(evaluateCondition(condition, { x: actual })).toBe(expected);
  });

  it('compares numeric strings with numbers as numbers', () => {
    expect(evaluateCondition(on('eq', 35), { x: '35' })).toBe(true);
    expect(evaluateCondition(on('gte', 30), { x: '35' })).toBe(true);
    expect(evaluateCondition(on('in', [30, 35]), { x: '35' })).toBe(true);
  });

  it('is false for a missing attribute whatever the operator, so the default edge is taken', () => {
    for (const op of ['eq', 'neq', 'gt', 'gte', 'lt', 'lte'] as const) {
      expect(evaluateCondition(on(op, 1), {})).toBe(false);
      expect(evaluateCondition(on(op, 1), { x: null })).toBe(false);
    }
    expect(evaluateCondition(on('in', [1]), {})).toBe(false);
  });

  it('is false when the ordering operators meet a non-number', () => {
    expect(evaluateCondition(on('gt', 3), { x: 'large' })).toBe(false);
    expect(evaluateCondition(on('gt', 'large'), { x: 5 })).toBe(false);
  });

  it('does not read inherited properties as attributes', () => {
    expect(evaluateCondition({ attribute: 'toString', op: 'neq', value: 'x' }, {})).toBe(false);
  });
});

describe('conditionProblem', () => {
  it('accepts sound conditions', () => {
    for (const condition of [on('eq', 'a'), on('neq', 2), on('in', ['a']), on('gt', 1), on('lte', 0)]) {
      expect(conditionProblem(condition)).toBeUndefined();
    }
  });

  it('names what is wrong with unsound ones', () => {
    expect(conditionProblem(on('in', []))).toMatch(/non-empty list/);
    expect(conditionProblem(on('in', 'a'))).toMatch(/non-empty list/);
    expect(conditionProblem(on('eq', ['a']))).toMatch(/single value/);
    expect(conditionProblem(on('gt', 'big'))).toMatch(/number/);
  });
});
