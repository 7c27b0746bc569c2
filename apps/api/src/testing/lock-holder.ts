import pg from 'pg';
import type { SqlRunner } from '../db/database.ts';

/**
 * A second PostgreSQL connection on a test's database with a transaction of its own, so a test
 * can hold row locks and line commands up behind them in a chosen order (deadlocks, lock order).
 */
export interface LockHolder {
  /** Runs a statement in the holder's open transaction (e.g. `SELECT … FOR UPDATE`). */
  query(sql: string, params?: unknown[]): Promise<void>;
  /** Commits the holder's transaction, releasing its locks; the holder starts a new one. */
  release(): Promise<void>;
  close(): Promise<void>;
}

/** Opens a {@link LockHolder} on the database `db` is connected to (the server of `DATABASE_URL`). */
export async function openLockHolder(db: SqlRunner, settings: readonly string[] = []): Promise<LockHolder> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) throw new Error('A lock holder needs a PostgreSQL server (DATABASE_URL)');
  const [row] = await db.query<{ name: string }>('SELECT current_database() AS name');
  const url = new URL(serverUrl);
  url.pathname = `/${row?.name ?? ''}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  for (const setting of settings) await client.query(setting);
  await client.query('BEGIN');
  return {
    query: async (sql, params) => void (await client.query(sql, params)),
    release: async () => {
      await client.query('COMMIT');
      await client.query('BEGIN');
    },
    close: async () => {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    },
  };
}

/**
 * Resolves once `count` backends of this database wait for a lock, or `done` has settled (a
 * command that did not need to wait): the point where a test may release what it holds.
 */
export async function lockWaiters(db: SqlRunner, count: number, done?: Promise<unknown>): Promise<void> {
  let settled = false;
  void done?.finally(() => (settled = true));
  const deadline = Date.now() + 10_000;
  while (!settled) {
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if ((row?.n ?? 0) >= count) return;
    if (Date.now() > deadline) throw new Error(`Fewer than ${count} backends waited for a lock within 10 s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
