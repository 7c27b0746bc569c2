import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_WEIGHTS, overdueLimitMinutes, resolveAssignmentRule } from './assignment-rule.ts';
import { ruleRecord } from './assignment-fixtures.ts';

const place = { graphId: 'g', nodeKey: 'stitch', workCenterId: 'wc-stitch' };

describe('resolveAssignmentRule', () => {
  it('takes the node rule over the work-center rule over the node config', () => {
    const nodeRule = ruleRecord({ id: 'node', policy: 'offer' });
    const centerRule = ruleRecord({
      id: 'center',
      graphId: null,
      nodeKey: null,
      workCenterId: 'wc-stitch',
      policy: 'auto',
    });
    expect(resolveAssignmentRule([centerRule, nodeRule], place, { assignmentPolicy: 'manual' })).toMatchObject({
      source: 'node-rule',
      ruleId: 'node',
      policy: 'offer',
    });
    expect(resolveAssignmentRule([centerRule], place, { assignmentPolicy: 'manual' })).toMatchObject({
      source: 'work-center-rule',
      ruleId: 'center',
      policy: 'auto',
    });
    expect(resolveAssignmentRule([], place, { assignmentPolicy: 'manual', claimTimeoutMinutes: 2 })).toMatchObject({
      source: 'node-config',
      ruleId: null,
      policy: 'manual',
      claimTimeoutSec: 120,
    });
  });

  it('ignores inactive rules and rules of other nodes or routings, and defaults to pool', () => {
    const rules = [
      ruleRecord({ id: 'off', active: false }),
      ruleRecord({ id: 'other-node', nodeKey: 'cut' }),
      ruleRecord({ id: 'other-graph', graphId: 'h' }),
    ];
    expect(resolveAssignmentRule(rules, place, undefined)).toMatchObject({ source: 'node-config', policy: 'pool' });
  });

  it('lets the newest of equally specific rules win and fills weights from the defaults', () => {
    const older = ruleRecord({ id: 'old', policy: 'pool', createdAt: new Date('2026-01-01') });
    const newer = ruleRecord({
      id: 'new',
      policy: 'auto',
      weights: { skillMargin: 5 },
      createdAt: new Date('2026-02-01'),
    });
    const rule = resolveAssignmentRule([older, newer], place, undefined);
    expect(rule.ruleId).toBe('new');
    expect(rule.weights).toEqual({ ...DEFAULT_RANKING_WEIGHTS, skillMargin: 5 });
  });
});

describe('overdueLimitMinutes', () => {
  it('takes the rule’s limit, else three standard times but at least two hours', () => {
    expect(overdueLimitMinutes(resolveAssignmentRule([ruleRecord({ overdueMinutes: 15 })], place, undefined), 90)).toBe(
      15,
    );
    const none = resolveAssignmentRule([], place, undefined);
    expect(overdueLimitMinutes(none, 90)).toBe(270);
    expect(overdueLimitMinutes(none, 10)).toBe(120);
  });
});
