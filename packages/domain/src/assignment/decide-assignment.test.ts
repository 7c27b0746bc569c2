import { describe, expect, it } from 'vitest';
import { candidate, effective, item } from './assignment-fixtures.ts';
import { decideAssignment } from './decide-assignment.ts';

describe('decideAssignment', () => {
  it('assigns the least loaded eligible operator under an auto rule and explains everyone', () => {
    const decision = decideAssignment(
      item('w1'),
      [
        candidate('busy', { openMinutes: 60 }),
        candidate('free', { openMinutes: 10 }),
        candidate('away', { present: false }),
        candidate('novice', { skillLevels: new Map([['stitching', 1]]) }),
      ],
      effective(),
    );
    expect(decision.action).toBe('assign');
    expect(decision.chosenId).toBe('free');
    expect(decision.candidates.map((c) => [c.userId, c.rank, c.excludedBy])).toEqual([
      ['free', 1, null],
      ['busy', 2, null],
      ['away', null, 'absent'],
      ['novice', null, 'skill'],
    ]);
    expect(decision.candidates.find((c) => c.userId === 'novice')?.detail).toBe('stitching level 1 < 2');
    expect(decision.excludedBy).toEqual({ absent: 1, skill: 1 });
  });

  it('runs the filters in order: inactive, operator, present, skill, team, work center, load cap, skipped', () => {
    const rule = effective({ teamId: 'team-a', maxOpenMinutes: 60 });
    const decision = decideAssignment(
      item('w1', { skippedOperatorIds: ['declined'] }),
      [
        candidate('gone', { active: false, present: false }),
        candidate('designer', { operator: false }),
        candidate('other-team', { teamId: 'team-b' }),
        candidate('elsewhere', { teamId: 'team-a', homeWorkCenterId: 'wc-cut' }),
        candidate('full', { teamId: 'team-a', openMinutes: 50 }),
        candidate('declined', { teamId: 'team-a' }),
        candidate('ok', { teamId: 'team-a', homeWorkCenterId: 'wc-stitch' }),
      ],
      rule,
    );
    expect(Object.fromEntries(decision.candidates.map((c) => [c.userId, c.excludedBy]))).toEqual({
      gone: 'inactive',
      designer: 'not-operator',
      'other-team': 'team',
      elsewhere: 'work-center',
      full: 'load-cap',
      declined: 'skipped',
      ok: null,
    });
    expect(decision.chosenId).toBe('ok');
  });

  it('requires the rule’s own skills besides the node’s', () => {
    const rule = effective({ skills: [{ code: 'edge-paint', minLevel: 1 }] });
    const painter = candidate('painter', {
      skillLevels: new Map([
        ['stitching', 2],
        ['edge-paint', 1],
      ]),
    });
    const decision = decideAssignment(item('w'), [candidate('stitcher'), painter], rule);
    expect(decision.chosenId).toBe('painter');
    expect(decision.candidates.find((c) => c.userId === 'stitcher')?.detail).toBe('edge-paint level 0 < 1');
  });

  it('puts the artisan of earlier steps first on an atelier piece, not on an OEM one', () => {
    const candidates = [candidate('fresh'), candidate('artisan', { openMinutes: 120 })];
    const atelier = item('w1', { productionType: 'ATELIER', previousOperatorIds: ['artisan'] });
    expect(decideAssignment(atelier, candidates, effective()).chosenId).toBe('artisan');
    expect(decideAssignment({ ...atelier, productionType: 'OEM' }, candidates, effective()).chosenId).toBe('fresh');
    expect(decideAssignment(atelier, candidates, effective({ weights: { continuity: false } })).chosenId).toBe('fresh');
  });

  it('breaks ties by skill margin, then least recently assigned, then id', () => {
    const rule = effective();
    const strong = candidate('b-strong', { skillLevels: new Map([['stitching', 5]]) });
    expect(decideAssignment(item('w'), [candidate('a'), strong], rule).chosenId).toBe('b-strong');
    const recent = candidate('a', { lastAssignedAt: new Date('2026-12-01T09:00:00Z') });
    const earlier = candidate('b', { lastAssignedAt: new Date('2026-12-01T08:00:00Z') });
    expect(decideAssignment(item('w'), [recent, earlier], rule).chosenId).toBe('b');
    expect(decideAssignment(item('w'), [candidate('b'), candidate('a')], rule).chosenId).toBe('a');
  });

  it('weighs skill margin against load when the rule says so', () => {
    const strongButBusy = candidate('strong', { openMinutes: 30, skillLevels: new Map([['stitching', 5]]) });
    const weakButFree = candidate('weak', { openMinutes: 0, skillLevels: new Map([['stitching', 2]]) });
    expect(decideAssignment(item('w'), [strongButBusy, weakButFree], effective()).chosenId).toBe('weak');
    expect(
      decideAssignment(item('w'), [strongButBusy, weakButFree], effective({ weights: { skillMargin: 20 } })).chosenId,
    ).toBe('strong');
  });

  it('offers under an offer rule, leaves pool and manual items to people, and says which filter shut everyone out', () => {
    const people = [candidate('a'), candidate('b', { present: false })];
    expect(decideAssignment(item('w'), people, effective({ policy: 'offer' }))).toMatchObject({
      action: 'offer',
      chosenId: 'a',
    });
    expect(decideAssignment(item('w'), people, effective({ policy: 'pool' }))).toMatchObject({
      action: 'pool',
      chosenId: null,
    });
    expect(decideAssignment(item('w'), people, effective({ policy: 'manual' }))).toMatchObject({
      action: 'manual',
      chosenId: null,
    });
    const nobody = decideAssignment(
      item('w'),
      [
        candidate('x', { present: false }),
        candidate('y', { present: false }),
        candidate('z', { skillLevels: new Map() }),
      ],
      effective(),
    );
    expect(nobody).toMatchObject({ action: 'unassignable', chosenId: null, blockingFilter: 'absent' });
    expect(decideAssignment(item('w'), [], effective()).blockingFilter).toBeNull();
  });
});
