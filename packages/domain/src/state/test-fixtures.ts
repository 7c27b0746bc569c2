import type { Token, WorkItem } from './types.ts';

/** A fixed instant for tests: time is injected, never read from the clock. */
export const T0 = new Date(Date.UTC(2026, 0, 5, 8, 0, 0));

/** `T0` plus `minutes`. */
export function at(minutes: number): Date {
  return new Date(T0.getTime() + minutes * 60_000);
}

/** A work item with sensible defaults for tests. */
export function aWorkItem(overrides: Partial<WorkItem> = {}): WorkItem {
  return {
    id: 'wi-1',
    tokenId: 'tok-1',
    nodeKey: 'cut',
    kind: 'operation',
    state: 'ready',
    minOperators: 1,
    maxOperators: 1,
    operators: [],
    timeLogs: [],
    qc: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A token with sensible defaults for tests. */
export function aToken(overrides: Partial<Token> = {}): Token {
  return {
    id: 'tok-1',
    serial: 'MO-2026-0001-001',
    orderId: 'mo-1',
    parentId: null,
    replacesId: null,
    state: 'active',
    nodeKey: 'start',
    attributes: {},
    reworkPasses: {},
    ...overrides,
  };
}
