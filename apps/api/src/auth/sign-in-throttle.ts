import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';

/**
 * Lock-out for password and PIN sign-in, counted in the database so every replica sees the same
 * numbers. Each attempt is counted *before* the secret is checked (so a burst of parallel guesses
 * cannot slip past the limit) and forgiven when it succeeds: the counters hold failures only.
 */

/** How many failed attempts a key may collect within a window before it is locked, and for how long. */
export interface ThrottlePolicy {
  readonly maxFailures: number;
  readonly windowMs: number;
  readonly lockoutMs: number;
}

const FIFTEEN_MINUTES = 15 * 60_000;

/** Per account: a 4-digit PIN must not be guessable, so few tries. */
export const ACCOUNT_POLICY: ThrottlePolicy = { maxFailures: 5, windowMs: FIFTEEN_MINUTES, lockoutMs: FIFTEEN_MINUTES };

/**
 * Per client address: higher, because a factory's tablets often share one address (NAT) and
 * operators mistype PINs; it stops one machine from trying many accounts.
 */
export const ADDRESS_POLICY: ThrottlePolicy = { maxFailures: 30, windowMs: FIFTEEN_MINUTES, lockoutMs: FIFTEEN_MINUTES };

/** A counter to charge an attempt to. */
export interface ThrottleKey {
  readonly key: string;
  readonly policy: ThrottlePolicy;
}

/** Deliberately the same for a locked account, a locked address and an unknown user: it reveals nothing. */
function tooManyAttempts(retryAfterSeconds: number): HttpProblem {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new HttpProblem(429, 'TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, {
    retryAfterSeconds,
  });
}

/**
 * Counts one attempt against each key. Throws a 429 `TOO_MANY_ATTEMPTS` problem (with
 * `retryAfterSeconds`) when a key is locked, or locks it when this attempt goes over its limit.
 */
export async function chargeAttempt(db: SqlRunner, keys: readonly ThrottleKey[]): Promise<void> {
  let retryAfterSeconds = 0;
  for (const { key, policy } of keys) {
    const [row] = await db.query<{ failures: number; retry_after: number }>(
      `INSERT INTO auth_throttles AS t (key, failures, window_started_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN t.window_started_at <= now() - $2 * interval '1 millisecond'
                          AND (t.locked_until IS NULL OR t.locked_until <= now()) THEN 1 ELSE t.failures + 1 END,
         window_started_at = CASE WHEN t.window_started_at <= now() - $2 * interval '1 millisecond'
                          AND (t.locked_until IS NULL OR t.locked_until <= now()) THEN now() ELSE t.window_started_at END
       RETURNING failures, GREATEST(0, CEIL(EXTRACT(EPOCH FROM (locked_until - now()))))::int AS retry_after`,
      [key, policy.windowMs],
    );
    if (!row) throw new Error('INSERT … RETURNING gave no row');
    if (row.retry_after > 0) {
      retryAfterSeconds = Math.max(retryAfterSeconds, row.retry_after);
    } else if (row.failures > policy.maxFailures) {
      await db.query(`UPDATE auth_throttles SET locked_until = now() + $2 * interval '1 millisecond' WHERE key = $1`, [key, policy.lockoutMs]);
      retryAfterSeconds = Math.max(retryAfterSeconds, Math.ceil(policy.lockoutMs / 1000));
    }
  }
  if (retryAfterSeconds > 0) throw tooManyAttempts(retryAfterSeconds);
}

/**
 * Forgives a successful attempt: the account's failures are cleared, the address gets back the one
 * attempt it was charged (its other failures stand, so one good login cannot reset a scan).
 */
export async function forgiveAttempt(db: SqlRunner, accountKey: string, addressKey: string): Promise<void> {
  await db.query('DELETE FROM auth_throttles WHERE key = $1', [accountKey]);
  await db.query('UPDATE auth_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = $1', [addressKey]);
}
