import { describe, expect, it } from 'vitest';
import type { WorkItemState } from '../state/types.ts';
import { orderCan, orderStarts, settleOutcome, type OrderStatus } from './order-machine.ts';

describe('orderCan', () => {
  it('releases only a draft, and closes nothing twice', () => {
    expect(
      (['draft', 'released', 'in_progress', 'completed', 'cancelled'] as const).filter((status) =>
        orderCan(status, 'release'),
      ),
    ).toEqual(['draft']);
    expect(orderCan('completed', 'cancel')).toBe(false);
    expect(orderCan('in_progress', 'complete')).toBe(true);
  });
});

describe('orderStarts', () => {
  it('starts a released order when one of its work items is worked (started, paused or completed), not on a claim', () => {
    const started = (status: OrderStatus, workItemState: WorkItemState) => orderStarts({ status }, { workItemState });
    expect(started('released', 'in_progress')).toBe(true);
    expect(started('released', 'paused')).toBe(true);
    expect(started('released', 'completed')).toBe(true);
    for (const state of ['ready', 'assigned', 'cancelled'] as const)
      expect(started('released', state), state).toBe(false);
    for (const status of ['draft', 'in_progress', 'completed', 'cancelled'] as const)
      expect(started(status, 'in_progress'), status).toBe(false);
  });
});

describe('settleOutcome', () => {
  it('completes an order whose completed pieces meet the target, cancels one whose target dropped to zero with nothing made', () => {
    expect(settleOutcome({ inFlight: 0, completed: 3, target: 3 })).toBe('completed');
    expect(settleOutcome({ inFlight: 0, completed: 4, target: 3 })).toBe('completed');
    expect(settleOutcome({ inFlight: 0, completed: 0, target: 0 })).toBe('cancelled');
  });

  it('leaves an order open while a piece is in flight or the target is not met', () => {
    expect(settleOutcome({ inFlight: 1, completed: 3, target: 3 })).toBeNull();
    expect(settleOutcome({ inFlight: 0, completed: 2, target: 3 })).toBeNull();
    expect(settleOutcome({ inFlight: 0, completed: 0, target: 2 })).toBeNull();
  });
});
