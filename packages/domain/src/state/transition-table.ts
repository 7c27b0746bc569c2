import type { TransitionTable } from './types.ts';

/**
 * The state a command leads to from `state`, or `undefined` when the table does not allow it.
 * Shared by every table-driven machine so `can` means the same thing everywhere.
 */
export function nextState<S extends string, C extends string>(
  table: TransitionTable<S, C>,
  state: S,
  command: C,
): S | undefined {
  return table[state][command];
}
