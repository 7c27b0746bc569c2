import { describe, expect, it } from 'vitest';
import { at, aWorkItem } from './test-fixtures.ts';
import type { WorkItemCommand, WorkItemCommandType } from './work-item-transitions.ts';
import { workItemMachine } from './work-item-machine.ts';
import type { WorkItem, WorkItemState } from './types.ts';
import { workedMilliseconds } from './worked-time.ts';

const now = at(1);

/** One command of each type that passes every guard on the fixtures below. */
const commands: Record<WorkItemCommandType, WorkItemCommand> = {
  claim: { type: 'claim', operatorId: 'bo', now },
  start: { type: 'start', operatorId: 'ana', now },
  pause: { type: 'pause', operatorId: 'ana', now },
  resume: { type: 'resume', operatorId: 'ana', now },
  handoff: { type: 'handoff', operatorId: 'ana', toOperatorId: 'bo', now },
  requeue: { type: 'requeue', operatorId: 'manager', now },
  join: { type: 'join', operatorId: 'bo', now },
  leave: { type: 'leave', operatorId: 'cy', now },
  complete: { type: 'complete', operatorId: 'ana', now },
  cancel: { type: 'cancel', reason: 'order dropped', now },
  timeout: { type: 'timeout', now },
};

function itemIn(state: WorkItemState): WorkItem {
  const operators = state === 'ready' ? [] : state === 'assigned' ? ['ana'] : ['ana', 'cy'];
  return aWorkItem({ state, operators, maxOperators: 3 });
}

// Written out by hand (not derived from the table) so a wrong table entry fails the test.
const expected: Record<WorkItemState, Partial<Record<WorkItemCommandType, string>>> = {
  ready: { claim: 'assigned', cancel: 'cancelled' },
  assigned: {
    claim: 'NOT_CLAIMABLE',
    start: 'in_progress',
    join: 'assigned',
    leave: 'NOT_HOLDER',
    requeue: 'ready',
    timeout: 'ready',
    cancel: 'cancelled',
  },
  in_progress: {
    claim: 'NOT_CLAIMABLE',
    pause: 'paused',
    handoff: 'in_progress',
    join: 'in_progress',
    leave: 'in_progress',
    complete: 'completed',
    cancel: 'cancelled',
  },
  paused: {
    claim: 'NOT_CLAIMABLE',
    resume: 'in_progress',
    handoff: 'paused',
    join: 'paused',
    leave: 'paused',
    cancel: 'cancelled',
  },
  completed: {},
  cancelled: {},
};

const states: WorkItemState[] = ['ready', 'assigned', 'in_progress', 'paused', 'completed', 'cancelled'];
const cases = states.flatMap((state) =>
  (Object.keys(commands) as WorkItemCommandType[]).map((command) => {
    const fallback = state === 'completed' || state === 'cancelled' ? 'WORK_ITEM_CLOSED' : 'INVALID_TRANSITION';
    return { state, command, outcome: expected[state][command] ?? fallback };
  }),
);

describe('work item transitions', () => {
  it.each(cases)('$state + $command → $outcome', ({ state, command, outcome }) => {
    const decision = workItemMachine.apply(itemIn(state), commands[command]);
    if (states.includes(outcome as WorkItemState)) {
      expect(decision).toMatchObject({ ok: true, next: { state: outcome, updatedAt: now } });
      expect(workItemMachine.can(state, command)).toBe(true);
    } else {
      expect(decision).toEqual({ ok: false, code: outcome });
      // A guard refusal (here: a stranger leaving) concerns a transition the table allows.
      expect(workItemMachine.can(state, command)).toBe(outcome === 'NOT_HOLDER');
    }
  });

  it('emits one event per transition naming the item, token, node and the move', () => {
    const decision = workItemMachine.apply(itemIn('ready'), commands.claim);
    expect(decision).toEqual({
      ok: true,
      next: expect.objectContaining({ state: 'assigned', operators: ['bo'] }),
      events: [
        {
          type: 'work_item.claimed',
          at: now,
          tokenId: 'tok-1',
          workItemId: 'wi-1',
          nodeKey: 'cut',
          data: { from: 'ready', to: 'assigned', operatorId: 'bo' },
        },
      ],
    });
  });
});

describe('work item guards', () => {
  const refusals: { name: string; item: WorkItem; command: WorkItemCommand; code: string }[] = [
    {
      name: 'only the holder starts',
      item: itemIn('assigned'),
      command: { type: 'start', operatorId: 'bo', now },
      code: 'NOT_HOLDER',
    },
    {
      name: 'a stranger cannot pause',
      item: itemIn('in_progress'),
      command: { type: 'pause', operatorId: 'zed', now },
      code: 'NOT_HOLDER',
    },
    {
      name: 'a stranger cannot resume',
      item: itemIn('paused'),
      command: { type: 'resume', operatorId: 'zed', now },
      code: 'NOT_HOLDER',
    },
    {
      name: 'a stranger cannot complete',
      item: itemIn('in_progress'),
      command: { type: 'complete', operatorId: 'zed', now },
      code: 'NOT_HOLDER',
    },
    {
      name: 'a stranger cannot hand off',
      item: itemIn('in_progress'),
      command: { type: 'handoff', operatorId: 'zed', toOperatorId: 'bo', now },
      code: 'NOT_HOLDER',
    },
    {
      name: 'no hand-off to someone already on it',
      item: itemIn('in_progress'),
      command: { type: 'handoff', operatorId: 'ana', toOperatorId: 'cy', now },
      code: 'ALREADY_BOUND',
    },
    {
      name: 'no joining twice',
      item: itemIn('in_progress'),
      command: { type: 'join', operatorId: 'cy', now },
      code: 'ALREADY_BOUND',
    },
    {
      name: 'join respects maxOperators',
      item: aWorkItem({ state: 'in_progress', operators: ['ana', 'cy'], maxOperators: 2 }),
      command: { type: 'join', operatorId: 'bo', now },
      code: 'OPERATOR_LIMIT',
    },
    {
      name: 'a two-artisan step needs both before it starts',
      item: aWorkItem({ state: 'assigned', operators: ['ana'], minOperators: 2, maxOperators: 2 }),
      command: { type: 'start', operatorId: 'ana', now },
      code: 'NOT_ENOUGH_OPERATORS',
    },
    {
      name: 'the last operator cannot leave',
      item: aWorkItem({ state: 'in_progress', operators: ['ana'] }),
      command: { type: 'leave', operatorId: 'ana', now },
      code: 'LAST_OPERATOR',
    },
    {
      name: 'a qc item needs a result',
      item: aWorkItem({ kind: 'qc', state: 'in_progress', operators: ['ana'] }),
      command: { type: 'complete', operatorId: 'ana', now },
      code: 'QC_RESULT_REQUIRED',
    },
    {
      name: 'a qc fail needs reason codes',
      item: aWorkItem({ kind: 'qc', state: 'in_progress', operators: ['ana'] }),
      command: { type: 'complete', operatorId: 'ana', qc: { result: 'fail', reasonCodes: [] }, now },
      code: 'QC_REASON_REQUIRED',
    },
    {
      name: 'a qc rework needs reason codes',
      item: aWorkItem({ kind: 'qc', state: 'in_progress', operators: ['ana'] }),
      command: { type: 'complete', operatorId: 'ana', qc: { result: 'rework', reasonCodes: [] }, now },
      code: 'QC_REASON_REQUIRED',
    },
    {
      name: 'an operation takes no qc result',
      item: aWorkItem({ state: 'in_progress', operators: ['ana'] }),
      command: { type: 'complete', operatorId: 'ana', qc: { result: 'pass', reasonCodes: [] }, now },
      code: 'QC_RESULT_NOT_ALLOWED',
    },
  ];

  it.each(refusals)('$name → $code', ({ item, command, code }) => {
    expect(workItemMachine.apply(item, command)).toEqual({ ok: false, code });
  });

  it('completes a qc item with its outcome', () => {
    const qc = { result: 'rework' as const, reasonCodes: ['EDGE_UNEVEN'] };
    const decision = workItemMachine.apply(aWorkItem({ kind: 'qc', state: 'in_progress', operators: ['ana'] }), {
      type: 'complete',
      operatorId: 'ana',
      qc,
      now,
    });
    expect(decision).toMatchObject({ ok: true, next: { state: 'completed', qc } });
  });

  it('a colleague joins a two-artisan step before the start, and both clocks start together', () => {
    let item = aWorkItem({ state: 'assigned', operators: ['ana'], minOperators: 2, maxOperators: 2 });
    for (const command of [
      { type: 'join', operatorId: 'bo', now },
      { type: 'start', operatorId: 'ana', now: at(2) },
    ] as const) {
      const decision = workItemMachine.apply(item, command);
      if (!decision.ok) throw new Error(decision.code);
      item = decision.next;
    }
    expect(item).toMatchObject({ state: 'in_progress', operators: ['ana', 'bo'] });
    expect(item.timeLogs).toEqual([
      { operatorId: 'ana', kind: 'start', at: at(2) },
      { operatorId: 'bo', kind: 'start', at: at(2) },
    ]);
  });

  it('requeue and timeout unbind the operator', () => {
    for (const command of [commands.requeue, commands.timeout]) {
      expect(workItemMachine.apply(itemIn('assigned'), command)).toMatchObject({
        ok: true,
        next: { state: 'ready', operators: [] },
      });
    }
  });
});

describe('time logs', () => {
  it('keep each operator’s time across pause, hand-off, join and completion', () => {
    const steps: WorkItemCommand[] = [
      { type: 'claim', operatorId: 'ana', now: at(0) },
      { type: 'start', operatorId: 'ana', now: at(2) },
      { type: 'pause', operatorId: 'ana', now: at(12) },
      { type: 'resume', operatorId: 'ana', now: at(20) },
      { type: 'handoff', operatorId: 'ana', toOperatorId: 'bo', now: at(25) },
      { type: 'join', operatorId: 'cy', now: at(30) },
      { type: 'leave', operatorId: 'cy', now: at(33) },
      { type: 'complete', operatorId: 'bo', now: at(40) },
    ];
    let item = aWorkItem({ maxOperators: 2 });
    for (const step of steps) {
      const decision = workItemMachine.apply(item, step);
      if (!decision.ok) throw new Error(`${step.type} refused: ${decision.code}`);
      item = decision.next;
    }
    expect(item.state).toBe('completed');
    expect(workedMilliseconds(item.timeLogs, 'ana', at(99))).toBe(15 * 60_000);
    expect(workedMilliseconds(item.timeLogs, 'bo', at(99))).toBe(15 * 60_000);
    expect(workedMilliseconds(item.timeLogs, 'cy', at(99))).toBe(3 * 60_000);
  });

  it('count an open interval up to the injected now', () => {
    const decision = workItemMachine.apply(itemIn('assigned'), { type: 'start', operatorId: 'ana', now: at(5) });
    if (!decision.ok) throw new Error(decision.code);
    expect(workedMilliseconds(decision.next.timeLogs, 'ana', at(17))).toBe(12 * 60_000);
  });

  it('a hand-off of a paused item does not start the receiver’s clock', () => {
    const decision = workItemMachine.apply(aWorkItem({ state: 'paused', operators: ['ana'] }), {
      type: 'handoff',
      operatorId: 'ana',
      toOperatorId: 'bo',
      now,
    });
    expect(decision).toMatchObject({
      ok: true,
      next: { operators: ['bo'], timeLogs: [{ operatorId: 'ana', kind: 'handoff', at: now }] },
    });
  });
});
