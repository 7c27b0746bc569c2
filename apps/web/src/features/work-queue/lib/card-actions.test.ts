import { describe, expect, it } from 'vitest';
import { ANA, BO, CY, workItemFixture } from '../testing/work-item-fixture.ts';
import { cardActions } from './card-actions.ts';

const names = (actions: ReturnType<typeof cardActions>) =>
  actions.map((offered) => (offered.blocked ? `${offered.action}:${offered.blocked}` : offered.action));

describe('cardActions', () => {
  it('offers a ready piece for claiming, and nothing else', () => {
    expect(names(cardActions(workItemFixture(), ANA))).toEqual(['claim']);
  });

  it('lets the holder of an assigned piece start it or send it back', () => {
    const item = workItemFixture({ bound: [ANA], state: 'assigned' });
    expect(names(cardActions(item, ANA))).toEqual(['start', 'requeue']);
    // Someone else sees no command on a single-operator step they are not on.
    expect(names(cardActions(item, BO))).toEqual([]);
  });

  it('offers pause, complete and hand-off while in progress; resume while paused', () => {
    expect(names(cardActions(workItemFixture({ bound: [ANA], state: 'in_progress' }), ANA))).toEqual([
      'complete',
      'pause',
      'handOff',
    ]);
    expect(names(cardActions(workItemFixture({ bound: [ANA], state: 'paused' }), ANA))).toEqual(['resume', 'handOff']);
  });

  it('asks a QC step for an inspection instead of a plain completion', () => {
    const item = workItemFixture({ bound: [ANA], state: 'in_progress', kind: 'qc' });
    expect(names(cardActions(item, ANA))).toEqual(['inspect', 'pause', 'handOff']);
  });

  it('on a multi-operator step: colleagues join while there is room, the start waits for the minimum, any but the last may leave', () => {
    const alone = workItemFixture({ bound: [ANA], state: 'assigned', minOperators: 2, maxOperators: 3 });
    expect(names(cardActions(alone, ANA))).toEqual(['start:needsColleagues', 'requeue']);
    expect(names(cardActions(alone, BO))).toEqual(['join']);

    const pair = workItemFixture({ bound: [ANA, BO], state: 'in_progress', minOperators: 2, maxOperators: 2 });
    expect(names(cardActions(pair, BO))).toEqual(['complete', 'pause', 'handOff', 'leave']);
    expect(names(cardActions(pair, CY))).toEqual([]);
  });

  it('offers nothing on a closed item', () => {
    for (const state of ['completed', 'cancelled'] as const) {
      expect(names(cardActions(workItemFixture({ bound: [ANA], state }), ANA))).toEqual([]);
    }
  });
});
