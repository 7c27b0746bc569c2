import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidate, effective, item } from './assignment-fixtures.ts';
import type { Candidate } from './candidate-filters.ts';
import { decideAssignment } from './decide-assignment.ts';
import { planAssignments } from './plan-assignments.ts';

const candidateArb: fc.Arbitrary<Candidate> = fc
  .record({
    id: fc.uuid(),
    active: fc.boolean(),
    present: fc.boolean(),
    level: fc.integer({ min: 0, max: 5 }),
    teamId: fc.constantFrom(null, 'team-a', 'team-b'),
    openMinutes: fc.integer({ min: 0, max: 300 }),
    lastAssignedAt: fc.option(
      fc.integer({ min: 0, max: 1_000_000 }).map((ms) => new Date(ms)),
      { nil: null },
    ),
  })
  .map(({ id, level, ...rest }) => candidate(id, { ...rest, skillLevels: new Map([['stitching', level]]) }));

const peopleArb = fc.uniqueArray(candidateArb, { selector: (c) => c.id, maxLength: 30 });
const shuffledPeopleArb = peopleArb.chain((people) =>
  fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length, maxLength: people.length })),
);
const ruleArb = fc.record({
  teamId: fc.constantFrom(null, 'team-a'),
  maxOpenMinutes: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
  policy: fc.constantFrom('auto' as const, 'offer' as const),
});

describe('assignment properties', () => {
  it('is deterministic: the same inputs, in any order, give the same decision', () => {
    fc.assert(
      fc.property(shuffledPeopleArb, ruleArb, ([people, shuffled], ruleOverrides) => {
        const rule = effective(ruleOverrides);
        expect(decideAssignment(item('w'), shuffled, rule)).toEqual(decideAssignment(item('w'), people, rule));
      }),
    );
  });

  it('never chooses anyone absent, inactive, unqualified, outside the team or over the cap', () => {
    fc.assert(
      fc.property(peopleArb, ruleArb, (people, ruleOverrides) => {
        const rule = effective(ruleOverrides);
        const decision = decideAssignment(item('w'), people, rule);
        if (decision.chosenId === null) {
          expect(decision.action).toBe('unassignable');
          return;
        }
        const chosen = people.find((p) => p.id === decision.chosenId);
        expect(chosen).toBeDefined();
        if (chosen === undefined) return;
        expect(chosen.active && chosen.present).toBe(true);
        expect(chosen.skillLevels.get('stitching') ?? 0).toBeGreaterThanOrEqual(2);
        if (rule.teamId !== null) expect(chosen.teamId).toBe(rule.teamId);
        if (rule.maxOpenMinutes !== null) expect(chosen.openMinutes + 20).toBeLessThanOrEqual(rule.maxOpenMinutes);
      }),
    );
  });

  it('gives an atelier piece to an eligible artisan who worked on it before, whoever else is lighter', () => {
    fc.assert(
      fc.property(peopleArb, fc.nat(), (people, pick) => {
        fc.pre(people.length > 0);
        const previous = people[pick % people.length]?.id ?? '';
        const atelier = item('w', { productionType: 'ATELIER', previousOperatorIds: [previous] });
        const decision = decideAssignment(atelier, people, effective());
        const previousEligible = decision.candidates.some((c) => c.userId === previous && c.eligible);
        if (previousEligible) expect(decision.chosenId).toBe(previous);
      }),
    );
  });

  it('balances load within one item’s minutes across equally qualified operators after N assignments', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 90 }),
        (operators, items, minutes) => {
          const people = Array.from({ length: operators }, (_, i) => candidate(`op-${i}`));
          const batch = Array.from({ length: items }, (_, i) =>
            item(`w-${String(i).padStart(3, '0')}`, { standardMinutes: minutes }),
          );
          const { candidates } = planAssignments(batch, people, () => effective(), new Date('2026-12-01T08:00:00Z'));
          const loads = candidates.map((c) => c.openMinutes);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(minutes);
          expect(loads.reduce((a, b) => a + b, 0)).toBe(items * minutes);
        },
      ),
    );
  });
});
