import type { Database, SqlRunner } from '../db/database.ts';

/** A transaction kept open between steps, for tests that interleave transactions on purpose. */
export interface HeldTransaction {
  /** Runs `work` inside the open transaction and resolves with its result. */
  run<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /** Commits once the steps asked for so far have run. */
  commit(): Promise<void>;
}

/**
 * Opens a transaction on its own connection and keeps it open until `commit()`, running each
 * `run` step inside it: a test can then commit another transaction while this one is in flight.
 * PostgreSQL only in practice: PGlite has one connection, so a second transaction waits for it.
 */
export function heldTransaction(db: Database): HeldTransaction {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const steps: {
    work: (tx: SqlRunner) => Promise<unknown>;
    done: (value: unknown) => void;
    fail: (error: unknown) => void;
  }[] = [];
  let wake: (() => void) | undefined;
  const finished = db.transaction(async (tx) => {
    for (;;) {
      const step = steps.shift();
      if (step) {
        await step.work(tx).then(step.done, step.fail);
        continue;
      }
      const next = new Promise<'step' | 'release'>((resolve) => {
        wake = () => resolve('step');
        void released.then(() => resolve('release'));
      });
      if ((await next) === 'release' && steps.length === 0) return;
    }
  });
  return {
    run<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T> {
      return new Promise<T>((done, fail) => {
        steps.push({ work, done: done as (value: unknown) => void, fail });
        wake?.();
      });
    },
    async commit(): Promise<void> {
      release();
      await finished;
    },
  };
}
