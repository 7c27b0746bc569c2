import { describe, expect, it } from 'vitest';
import { assignedTeam, isQualified, type AssignmentRule } from './qualification.ts';

const operator = (levels: Record<string, number>, teamId: string | null = null) => ({
  teamId,
  skillLevels: new Map(Object.entries(levels)),
});
const rule = (overrides: Partial<AssignmentRule>): AssignmentRule => ({
  active: true,
  graphId: null,
  nodeKey: null,
  workCenterId: null,
  teamId: null,
  createdAt: new Date(0),
  ...overrides,
});

describe('isQualified', () => {
  it('needs at least the minimum level of every required skill (a missing skill is level 0)', () => {
    const step = {
      skills: [
        { code: 'cutting', minLevel: 2 },
        { code: 'sewing', minLevel: 1 },
      ],
      teamId: null,
    };
    expect(isQualified(operator({ cutting: 2, sewing: 1 }), step)).toBe(true);
    expect(isQualified(operator({ cutting: 1, sewing: 5 }), step)).toBe(false);
    expect(isQualified(operator({ cutting: 3 }), step)).toBe(false);
  });

  it('needs membership of the team a rule names, and no team when none does', () => {
    expect(isQualified(operator({}, 'a'), { skills: [], teamId: 'a' })).toBe(true);
    expect(isQualified(operator({}, 'b'), { skills: [], teamId: 'a' })).toBe(false);
    expect(isQualified(operator({}, null), { skills: [], teamId: 'a' })).toBe(false);
    expect(isQualified(operator({}, null), { skills: [], teamId: null })).toBe(true);
  });
});

describe('assignedTeam', () => {
  const place = { graphId: 'g', nodeKey: 'cut', workCenterId: 'wc' };

  it('prefers an active rule for the node over one for the work center, then the newest', () => {
    const rules = [
      rule({ workCenterId: 'wc', teamId: 'center', createdAt: new Date(3) }),
      rule({ graphId: 'g', nodeKey: 'cut', teamId: 'old', createdAt: new Date(1) }),
      rule({ graphId: 'g', nodeKey: 'cut', teamId: 'new', createdAt: new Date(2) }),
      rule({ graphId: 'g', nodeKey: 'cut', teamId: 'off', createdAt: new Date(4), active: false }),
    ];
    expect(assignedTeam(rules, place)).toBe('new');
    expect(assignedTeam(rules.slice(0, 1), place)).toBe('center');
  });

  it('ignores rules for another routing, node or work center, and an item with no work center matches no work-center rule', () => {
    const rules = [
      rule({ graphId: 'h', nodeKey: 'cut', teamId: 'x' }),
      rule({ graphId: 'g', nodeKey: 'sew', teamId: 'x' }),
      rule({ workCenterId: 'other', teamId: 'x' }),
    ];
    expect(assignedTeam(rules, place)).toBeNull();
    expect(assignedTeam([rule({ workCenterId: 'wc', teamId: 'x' })], { ...place, workCenterId: null })).toBeNull();
  });
});
