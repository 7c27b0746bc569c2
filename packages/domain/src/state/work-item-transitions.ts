import { nextState } from './transition-table.ts';
import type { QcOutcome, TransitionTable, WorkItemState } from './types.ts';

/**
 * Commands operators, managers and timers give a work item. Ids and time are injected:
 * `operatorId` is the actor (for `requeue`, whoever sends it back: holder or manager).
 * `cancel` is issued by `cancelTokens` for the whole piece; a host never cancels a lone work
 * item, which would leave its token without work.
 */
export type WorkItemCommand =
  | { type: 'claim'; operatorId: string; now: Date }
  | { type: 'start'; operatorId: string; now: Date }
  | { type: 'pause'; operatorId: string; now: Date; reason?: string }
  | { type: 'resume'; operatorId: string; now: Date }
  | { type: 'handoff'; operatorId: string; toOperatorId: string; now: Date }
  | { type: 'requeue'; operatorId: string; reason?: string; now: Date }
  | { type: 'join'; operatorId: string; now: Date }
  | { type: 'leave'; operatorId: string; now: Date }
  | { type: 'complete'; operatorId: string; qc?: QcOutcome; now: Date }
  | { type: 'cancel'; reason: string; now: Date }
  | { type: 'timeout'; now: Date };

export type WorkItemCommandType = WorkItemCommand['type'];

/**
 * Work-item transitions (SPEC §2): `ready → assigned → in_progress ⇄ paused → completed`;
 * `assigned → ready` on requeue or claim timeout (absence is a requeue sent by the host);
 * a hand-off keeps the state and swaps the operator, so the time so far stays in the log;
 * on multi-operator steps colleagues join before the start (until `minOperators` are there) or
 * later, up to `maxOperators`;
 * every open state can be cancelled.
 */
export const workItemTransitions = {
  ready: { claim: 'assigned', cancel: 'cancelled' },
  assigned: {
    start: 'in_progress',
    join: 'assigned',
    leave: 'assigned',
    requeue: 'ready',
    timeout: 'ready',
    cancel: 'cancelled',
  },
  in_progress: {
    pause: 'paused',
    handoff: 'in_progress',
    join: 'in_progress',
    leave: 'in_progress',
    complete: 'completed',
    cancel: 'cancelled',
  },
  paused: { resume: 'in_progress', handoff: 'paused', join: 'paused', leave: 'paused', cancel: 'cancelled' },
  completed: {},
  cancelled: {},
} as const satisfies TransitionTable<WorkItemState, WorkItemCommandType>;

/** The table widened to its declared type, for lookups by a runtime state. */
export const workItemTable: TransitionTable<WorkItemState, WorkItemCommandType> = workItemTransitions;

/** Whether the table allows `command` in `state` (guards such as holder or operator limit aside). */
export function canWorkItem(state: WorkItemState, command: WorkItemCommandType): boolean {
  return nextState(workItemTable, state, command) !== undefined;
}

/** Open states: the item still needs work and shows in queues. */
export function isOpenWorkItemState(state: WorkItemState): boolean {
  return state !== 'completed' && state !== 'cancelled';
}
