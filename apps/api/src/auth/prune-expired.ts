import type { SqlRunner } from '../db/database.ts';
import { IDEMPOTENCY_RETENTION_MS } from '../plugins/idempotency.ts';

/** Lock-out counters untouched for this long are forgotten (their window is long over). */
const THROTTLE_RETENTION_MS = 24 * 60 * 60_000;

/**
 * Deletes expired sessions, stale lock-out counters and forgotten idempotency keys, so these
 * tables do not grow without bound (counters for made-up usernames included). Run after each
 * successful sign-in: cheap (indexed or small), frequent enough, and no timer to coordinate
 * between replicas.
 */
export async function pruneExpired(db: SqlRunner): Promise<void> {
  await db.query('DELETE FROM sessions WHERE expires_at < now()');
  await db.query(
    `DELETE FROM auth_throttles
      WHERE window_started_at < now() - $1 * interval '1 millisecond' AND (locked_until IS NULL OR locked_until < now())`,
    [THROTTLE_RETENTION_MS],
  );
  await db.query(`DELETE FROM idempotency_keys WHERE created_at < now() - $1 * interval '1 millisecond'`, [
    IDEMPOTENCY_RETENTION_MS,
  ]);
}
