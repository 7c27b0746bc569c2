import { prismaRunner } from '../db/prisma-runner.ts';
import { retryConflicts } from '../db/transaction-conflict.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { markKeyCommitted } from '../plugins/idempotency-key.ts';
import type { CommandContext } from './command-context.ts';
import { appendEvents } from './append-events.ts';
import type { NewEvent } from './new-event.ts';

export type { NewEvent } from './new-event.ts';
export type { CommandContext, EventWaker } from './command-context.ts';

/** What a command's transaction body returns: its result for the caller and the events it caused. */
export interface CommandOutcome<T> {
  readonly result: T;
  readonly events: readonly NewEvent[];
  /** The work recorded events itself (the piece store writes a step's events with its rows): wake the hub. */
  readonly recorded?: boolean;
}

/** Prisma's interactive-transaction limits, for commands that lock many rows (bulk cancel). */
export interface CommandOptions {
  readonly maxWaitMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Runs one command: `work` reads and writes state through `tx`, returns its result and events;
 * the events are inserted in the same transaction, so state and outbox commit (or roll back)
 * together, and so does the mark on the request's `Idempotency-Key` (`context.idempotencyKey`: a
 * retry never runs it again). Only after the commit is the hub woken, which delivers the events locally and sends the
 * cross-replica NOTIFY outside this transaction (a NOTIFY inside it would serialise commits).
 *
 * Take the piece lock (`FOR UPDATE`) before the first write: a transaction gets its id at its
 * first write or row lock, and readers deliver in transaction-id order, so locking first keeps
 * the delivery order of one piece's events the order in which its commands ran.
 *
 * A transaction aborted by a deadlock or serialization failure is rolled back and `work` runs
 * again (`retryConflicts`), so `work` must decide from what it reads through `tx` and keep nothing
 * outside it; one that keeps conflicting throws `TransactionConflictError` (503).
 */
export async function runCommand<T>(
  { db, hub, idempotencyKey }: CommandContext,
  work: (tx: Prisma.TransactionClient) => Promise<CommandOutcome<T>>,
  options: CommandOptions = {},
): Promise<T> {
  // A deadlock or serialization failure runs `work` again from its first read (`retryConflicts`).
  const outcome = await retryConflicts(() =>
    db.prisma.$transaction(
      async (tx) => {
        const done = await work(tx);
        await appendEvents(prismaRunner(tx), done.events);
        if (idempotencyKey !== null) await markKeyCommitted(prismaRunner(tx), idempotencyKey);
        return done;
      },
      { maxWait: options.maxWaitMs, timeout: options.timeoutMs },
    ),
  );
  if (outcome.events.length > 0 || outcome.recorded === true) hub.wake();
  return outcome.result;
}
