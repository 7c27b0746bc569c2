import { resolveAssignmentRule, type AssignmentRuleRecord, type EffectiveRule } from './assignment-rule.ts';
import type { AssignableItem, Candidate } from './candidate-filters.ts';

/** Test data: a present, active operator with no load (override what a test is about). */
export function candidate(id: string, overrides: Partial<Candidate> = {}): Candidate {
  return {
    id,
    active: true,
    operator: true,
    present: true,
    teamId: null,
    homeWorkCenterId: null,
    skillLevels: new Map([['stitching', 3]]),
    openMinutes: 0,
    lastAssignedAt: null,
    ...overrides,
  };
}

/** Test data: a ready OEM stitching item needing stitching level 2. */
export function item(id: string, overrides: Partial<AssignableItem> = {}): AssignableItem {
  return {
    id,
    pieceId: `piece-${id}`,
    graphId: 'g',
    nodeKey: 'stitch',
    workCenterId: 'wc-stitch',
    skills: [{ code: 'stitching', minLevel: 2 }],
    standardMinutes: 20,
    productionType: 'OEM',
    priority: 0,
    dueDate: null,
    createdAt: new Date('2026-12-01T08:00:00Z'),
    previousOperatorIds: [],
    skippedOperatorIds: [],
    ...overrides,
  };
}

/** Test data: a stored rule (auto for node `stitch` of graph `g` unless overridden). */
export function ruleRecord(overrides: Partial<AssignmentRuleRecord> = {}): AssignmentRuleRecord {
  return {
    id: 'r1',
    active: true,
    graphId: 'g',
    nodeKey: 'stitch',
    workCenterId: null,
    teamId: null,
    skills: [],
    policy: 'auto',
    claimTimeoutSec: null,
    offerTimeoutSec: null,
    maxOpenMinutes: null,
    overdueMinutes: null,
    weights: {},
    createdAt: new Date('2026-12-01T00:00:00Z'),
    ...overrides,
  };
}

/** The effective rule of one stored rule for the fixtures' stitching step. */
export function effective(overrides: Partial<AssignmentRuleRecord> = {}): EffectiveRule {
  return resolveAssignmentRule(
    [ruleRecord(overrides)],
    { graphId: 'g', nodeKey: 'stitch', workCenterId: 'wc-stitch' },
    undefined,
  );
}
