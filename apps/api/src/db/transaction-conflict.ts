import type { Database, QueryOptions } from './database.ts';

/**
 * SQLSTATEs that abort a transaction only because of what ran beside it: `40P01` deadlock
 * detected, `40001` serialization failure. The same transaction run again may well succeed.
 */
const CONFLICT_CODES = new Set(['40P01', '40001']);

/** A driver adapter's name for both SQLSTATEs, and Prisma's code for it. */
const ADAPTER_WRITE_CONFLICT = 'TransactionWriteConflict';
const PRISMA_WRITE_CONFLICT = 'P2034';

/** How often a conflicting transaction is run, and the back-off between runs (full jitter). */
export interface ConflictRetryPolicy {
  readonly attempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Four runs, waiting up to 10, 20, 40 ms in between: a deadlock is resolved as soon as one side
 * is aborted, so the next run rarely meets it again; random waits keep two retrying commands
 * from meeting in step.
 */
export const DEFAULT_CONFLICT_RETRY: ConflictRetryPolicy = { attempts: 4, baseDelayMs: 5, maxDelayMs: 100 };

/** How long a client waits before it repeats a request that kept conflicting (`Retry-After`). */
export const CONFLICT_RETRY_AFTER_SECONDS = 1;

/**
 * A transaction that still conflicted after every run the policy allows. Nothing of it was
 * written; the API answers 503 `TRANSACTION_CONFLICT` with `Retry-After`.
 */
export class TransactionConflictError extends Error {
  override readonly name = 'TransactionConflictError';

  constructor(
    readonly attempts: number,
    options: { cause: unknown },
  ) {
    super(
      `The transaction conflicted with concurrent ones ${attempts} times (deadlock or serialization failure)`,
      options,
    );
  }
}

/**
 * True for a deadlock or serialization failure, as `pg` and PGlite report it (`code`) or as the
 * Prisma client wraps it (`P2034`, or a raw query's `P2010` whose `meta.driverAdapterError` holds
 * the adapter's `TransactionWriteConflict` or the SQLSTATE as `originalCode`).
 */
export function isTransactionConflict(error: unknown): boolean {
  // Already retried as often as allowed (its cause is the last conflict): not again by an outer retry.
  if (error instanceof TransactionConflictError) return false;
  const pending: unknown[] = [error];
  for (let seen = 0; pending.length > 0 && seen < 8; seen++) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null) continue;
    const { code, originalCode, kind, meta, cause } = current as {
      code?: unknown;
      originalCode?: unknown;
      kind?: unknown;
      meta?: { driverAdapterError?: unknown };
      cause?: unknown;
    };
    if (
      code === PRISMA_WRITE_CONFLICT ||
      kind === ADAPTER_WRITE_CONFLICT ||
      CONFLICT_CODES.has(String(code)) ||
      CONFLICT_CODES.has(String(originalCode))
    )
      return true;
    pending.push(cause, meta?.driverAdapterError);
  }
  return false;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `transaction` (a function that opens ONE transaction and reads what it decides on inside
 * it, or one statement guarded against changes since its read) and runs it again when it fails
 * with a deadlock or serialization failure: that attempt was rolled back whole, so running it
 * again is running it a moment later. After `policy.attempts` runs, a {@link TransactionConflictError}.
 */
export async function retryConflicts<T>(
  transaction: () => Promise<T>,
  policy: ConflictRetryPolicy = DEFAULT_CONFLICT_RETRY,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if (!isTransactionConflict(error)) throw error;
      if (attempt >= policy.attempts) throw new TransactionConflictError(attempt, { cause: error });
      await pause(Math.random() * Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt));
    }
  }
}

/**
 * The database with every transaction it opens retried on conflicts ({@link retryConflicts}): a
 * statement run outside a transaction (its own implicit one) and a `transaction(work)`, whose
 * `work` runs again from the start. Statements inside a transaction are not retried one by one —
 * a conflict aborts the whole transaction, which is what runs again.
 */
export function retryingConflicts(db: Database): Database {
  return {
    ...db,
    query: <T>(sql: string, params?: unknown[], options?: QueryOptions) =>
      retryConflicts(() => db.query<T>(sql, params, options)),
    transaction: (work) => retryConflicts(() => db.transaction(work)),
  };
}
