import { applyWorkItemCommand } from './apply-work-item-command.ts';
import { canWorkItem, workItemTransitions } from './work-item-transitions.ts';

/**
 * The work-item state machine: `can(state, command)` reads the table; `apply(item, command)`
 * also checks who acts and with what input, and returns the next item and its events.
 */
export const workItemMachine = {
  transitions: workItemTransitions,
  can: canWorkItem,
  apply: applyWorkItemCommand,
} as const;
