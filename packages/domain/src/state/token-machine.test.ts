import { describe, expect, it } from 'vitest';
import { aToken, at } from './test-fixtures.ts';
import type { TokenCommand, TokenCommandType } from './token-machine.ts';
import { tokenMachine } from './token-machine.ts';
import type { TokenState } from './types.ts';

const now = at(1);
const commands: Record<TokenCommandType, TokenCommand> = {
  move: { type: 'move', to: 'stitch', edgeKind: 'normal', now },
  split: { type: 'split', joinKey: 'join', childIds: ['c1', 'c2'], now },
  arrive: { type: 'arrive', now },
  hold: { type: 'hold', reason: 'REWORK_LIMIT', now },
  resume: { type: 'resume', now },
  complete: { type: 'complete', now },
  cancel: { type: 'cancel', cancellation: 'PERMANENT', reason: 'customer withdrew', now },
};

// Hand-written expectations: state reached, or refusal code.
const expected: Record<TokenState, Partial<Record<TokenCommandType, string>>> = {
  active: {
    move: 'active',
    split: 'waiting',
    arrive: 'waiting',
    hold: 'waiting',
    complete: 'completed',
    cancel: 'cancelled',
  },
  waiting: { resume: 'active', complete: 'completed', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
};
const states: TokenState[] = ['active', 'waiting', 'completed', 'cancelled'];
const cases = states.flatMap((state) =>
  (Object.keys(commands) as TokenCommandType[]).map((command) => ({
    state,
    command,
    outcome:
      expected[state][command] ??
      (state === 'completed' || state === 'cancelled' ? 'TOKEN_CLOSED' : 'INVALID_TRANSITION'),
  })),
);

describe('token transitions', () => {
  it.each(cases)('$state + $command → $outcome', ({ state, command, outcome }) => {
    const decision = tokenMachine.apply(aToken({ state }), commands[command]);
    if (states.includes(outcome as TokenState)) {
      expect(decision).toMatchObject({ ok: true, next: { state: outcome } });
      expect(tokenMachine.can(state, command)).toBe(true);
    } else {
      expect(decision).toEqual({ ok: false, code: outcome });
      expect(tokenMachine.can(state, command)).toBe(false);
    }
  });

  it('a move changes the node and records where from', () => {
    const decision = tokenMachine.apply(aToken({ nodeKey: 'cut' }), commands.move);
    expect(decision).toEqual({
      ok: true,
      next: aToken({ nodeKey: 'stitch' }),
      events: [
        {
          type: 'token.moved',
          at: now,
          tokenId: 'tok-1',
          nodeKey: 'stitch',
          data: { from: 'cut', to: 'stitch', edgeKind: 'normal' },
        },
      ],
    });
  });

  it('a rework move counts a pass on its edge', () => {
    const command: TokenCommand = {
      type: 'move',
      to: 'stitch',
      edgeKind: 'rework',
      rework: { edgeKey: 'qc->stitch', maxPasses: 2 },
      now,
    };
    const decision = tokenMachine.apply(aToken({ nodeKey: 'qc', reworkPasses: { 'qc->stitch': 1 } }), command);
    expect(decision).toMatchObject({
      ok: true,
      next: { nodeKey: 'stitch', reworkPasses: { 'qc->stitch': 2 } },
      events: [
        { type: 'token.reworked', nodeKey: 'qc', data: { edgeKey: 'qc->stitch', passes: 2, maxPasses: 2 } },
        { type: 'token.moved' },
      ],
    });
  });

  it('a split parks the parent at the matching join', () => {
    const decision = tokenMachine.apply(aToken({ nodeKey: 'fork' }), commands.split);
    expect(decision).toMatchObject({
      ok: true,
      next: { state: 'waiting', nodeKey: 'join' },
      events: [{ type: 'token.split', nodeKey: 'fork', data: { joinKey: 'join', childIds: ['c1', 'c2'] } }],
    });
  });

  it('a cancellation records its type and reason', () => {
    const decision = tokenMachine.apply(aToken(), commands.cancel);
    expect(decision).toMatchObject({
      ok: true,
      events: [{ type: 'token.cancelled', data: { cancellation: 'PERMANENT', reason: 'customer withdrew' } }],
    });
  });
});
