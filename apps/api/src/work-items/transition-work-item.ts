import { isOpenWorkItemState, workItemMachine, type WorkItem, type WorkItemCommand } from '@atelier/domain';
import { actorRef } from '../auth/actor.ts';
import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { loadWorkItem, type LoadedWorkItem } from './load-work-item.ts';
import { saveWorkItemTransition, type TransitionGuard } from './save-work-item-transition.ts';
import type { WorkItemCommandContext } from './work-item-command-context.ts';
import { changedProblem, refusalProblem } from './work-item-problems.ts';

/** A work item as a command answers with it: its new state, version and bound operators. */
export interface WorkItemAfterCommand {
  readonly id: string;
  readonly tokenId: string;
  readonly nodeKey: string;
  readonly state: WorkItem['state'];
  readonly version: number;
  readonly assigneeId: string | null;
  /** Operators bound now, holder first. */
  readonly operatorIds: string[];
}

/** How one command is given: who may, what the domain is asked, and what a lost write means. */
export interface TransitionPlan {
  /** Throws a 403 problem when the actor may not give this command on this item. */
  readonly authorize: (loaded: LoadedWorkItem) => void | Promise<void>;
  readonly command: (loaded: LoadedWorkItem) => WorkItemCommand;
  readonly guard: TransitionGuard;
  /** The problem when the conditional write found the item changed; default 409 `WORK_ITEM_CHANGED`. */
  readonly onLostRace?: () => Promise<HttpProblem>;
  /**
   * The command is decided by the item's row alone (its state and bound operators, which its
   * version guards), not by the actor's qualification or other rows: it may start from the copy
   * this process remembers (`remembered-work-items.ts`) instead of reading the item.
   */
  readonly decidedByItem?: boolean;
}

/** A command's answer and the item as its write left it. */
export interface Transitioned {
  readonly after: WorkItemAfterCommand;
  readonly written: LoadedWorkItem;
}

/** The answer of a command: the item as it is now. */
export function stateOf(item: WorkItem, version: number): WorkItemAfterCommand {
  return {
    id: item.id,
    tokenId: item.tokenId,
    nodeKey: item.nodeKey,
    state: item.state,
    version,
    assigneeId: item.operators[0] ?? null,
    operatorIds: item.operators,
  };
}

/**
 * Runs a work-item command that needs no routing (claim, start, pause, resume, hand-off, requeue,
 * join, leave): read the item → {@link transitionLoaded} → wake the event hub after the commit.
 * A command {@link TransitionPlan.decidedByItem decided by the item} starts from the copy this
 * process remembers when it has one; only a write that the copy's version let through counts, and
 * any refusal or lost guard from a copy is decided again from the item as read.
 */
export async function transitionWorkItem(
  context: WorkItemCommandContext,
  workItemId: string,
  plan: TransitionPlan,
): Promise<WorkItemAfterCommand> {
  const copy = plan.decidedByItem === true ? context.remembered?.take(workItemId) : undefined;
  const done =
    (copy && (await fromCopy(context, copy, plan))) ??
    (await transitionLoaded(
      context.db,
      context,
      await loadWorkItem(context.db, workItemId, context.actor.userId),
      plan,
    ));
  context.remembered?.remember(done.written);
  context.hub.wake();
  return done.after;
}

/** The command computed from a remembered copy; undefined when the copy may be stale (read the item instead). */
async function fromCopy(
  context: WorkItemCommandContext,
  copy: LoadedWorkItem,
  plan: TransitionPlan,
): Promise<Transitioned | undefined> {
  try {
    return await transitionLoaded(context.db, context, copy, { ...plan, onLostRace: undefined });
  } catch (error) {
    if (error instanceof HttpProblem) return undefined;
    throw error;
  }
}

/**
 * Gives a command on an item read by `db` (the database, or the transaction that read and locked
 * it): check the actor → ask the work-item machine → write the row, its operators, time logs and
 * events in one statement guarded against concurrent changes. The caller wakes the event hub.
 */
export async function transitionLoaded(
  db: SqlRunner,
  context: WorkItemCommandContext,
  loaded: LoadedWorkItem,
  plan: TransitionPlan,
): Promise<Transitioned> {
  // A closed item has no operators left: say it is closed rather than that the caller does not hold it.
  if (!isOpenWorkItemState(loaded.item.state)) throw refusalProblem('WORK_ITEM_CLOSED');
  await plan.authorize(loaded);
  const decision = workItemMachine.apply(loaded.item, plan.command(loaded));
  if (!decision.ok) throw refusalProblem(decision.code);
  if (loaded.tokenState !== 'active') throw refusalProblem('TOKEN_NOT_ACTIVE');
  // The guard makes the write happen only on the row as read, so the claim deadline and order
  // start the builder decides from it hold.
  const saved = await saveWorkItemTransition(db, {
    loaded,
    next: decision.next,
    events: decision.events,
    guard: plan.guard,
    actor: actorRef(context.actor),
    now: context.now,
    idempotencyKey: context.idempotencyKey,
  });
  if (saved === null) throw plan.onLostRace === undefined ? changedProblem() : await plan.onLostRace();
  return {
    after: stateOf(decision.next, saved.version),
    written: {
      ...loaded,
      item: decision.next,
      version: saved.version,
      claimDeadline: saved.claimDeadline,
      order: saved.startedOrder ? { ...loaded.order, status: 'in_progress' } : loaded.order,
    },
  };
}
