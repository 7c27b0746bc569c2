import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';

/**
 * Lock-out for password and PIN sign-in, counted in the database so every replica sees the same
 * numbers. An attempt is admitted (and counted) *before* the secret is checked, by one atomic
 * conditional upsert, so a burst of parallel guesses cannot slip past the limit; an attempt that
 * arrives while a wait is in force is refused without being counted and without checking the
 * secret, so retrying during a lock neither extends it nor charges anything else. A failure past
 * the free allowance imposes a wait; a success forgives the attempt.
 */

/** How many failures a key may collect in a window, and what waits follow. */
export interface ThrottlePolicy {
  /**
   * `lock` (an account): after `freeFailures + 1` failures the key is locked and counting starts
   * again; each lock lasts twice the one before, until a success or an unlock. `delay` (a client
   * address or a station, which many people share): every failure past the free ones makes the
   * next attempt wait, twice as long each time, capped low; the waits are forgotten with the window.
   */
  readonly kind: 'lock' | 'delay';
  readonly freeFailures: number;
  readonly windowMs: number;
  readonly firstWaitMs: number;
  readonly maxWaitMs: number;
}

const MINUTE = 60_000;

/** Per account: a 4-digit PIN must not be guessable, so 5 tries, then 15 min, 30 min, 1 h … up to 8 h. */
export const ACCOUNT_POLICY: ThrottlePolicy = {
  kind: 'lock',
  freeFailures: 4,
  windowMs: 15 * MINUTE,
  firstWaitMs: 15 * MINUTE,
  maxWaitMs: 8 * 60 * MINUTE,
};

/**
 * Per client address (or registered station): a factory's tablets often share one address (NAT)
 * and operators mistype PINs, so no hard lock that would stop every station behind it; 10 free
 * failures per 15 min, then 1 s, 2 s, 4 s … at most 1 min between attempts, which makes a scan
 * across many accounts slow without shutting anyone out for long.
 */
export const SOURCE_POLICY: ThrottlePolicy = {
  kind: 'delay',
  freeFailures: 10,
  windowMs: 15 * MINUTE,
  firstWaitMs: 1000,
  maxWaitMs: MINUTE,
};

/** A counter to charge an attempt to. */
export interface ThrottleKey {
  readonly key: string;
  readonly policy: ThrottlePolicy;
}

/** "3 minutes", "1 second": how long to wait, in the unit the person can act on. */
function waitText(seconds: number): string {
  const [amount, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/**
 * 429 `TOO_MANY_ATTEMPTS` with `retryAfterSeconds` (the route copies it to `Retry-After`) for the
 * station or login form to show. The same for a locked account, a slowed address and an unknown
 * user: it reveals nothing about who exists.
 */
function tooManyAttempts(retryAfterSeconds: number): HttpProblem {
  const seconds = Math.max(1, retryAfterSeconds);
  return new HttpProblem(
    429,
    'TOO_MANY_ATTEMPTS',
    `Too many failed sign-in attempts. Try again in ${waitText(seconds)}.`,
    {
      retryAfterSeconds: seconds,
    },
  );
}

/** Seconds until the waits in force on `keys` are over (0: none). */
async function waitInForce(db: SqlRunner, keys: readonly string[]): Promise<number> {
  const [row] = await db.query<{ seconds: number }>(
    `SELECT COALESCE(MAX(CEIL(EXTRACT(EPOCH FROM (locked_until - now())) - 0.001)), 0)::int AS seconds
       FROM auth_throttles WHERE key = ANY($1::text[]) AND locked_until > now()`,
    [keys],
  );
  return row?.seconds ?? 0;
}

/**
 * Admits one attempt on `key`: counts it unless a wait is in force or the key has used up its
 * allowance (attempts still in flight count until forgiven). A window that has passed starts the
 * count again (and, for `delay`, forgets the waits). True when admitted.
 */
async function admit(db: SqlRunner, { key, policy }: ThrottleKey): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO auth_throttles AS t (key, failures, window_started_at) VALUES ($1, 1, now())
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t.window_started_at <= now() - $2 * interval '1 millisecond' THEN 1 ELSE t.failures + 1 END,
       lockouts = CASE WHEN t.window_started_at <= now() - $2 * interval '1 millisecond' AND $4 THEN 0 ELSE t.lockouts END,
       window_started_at = CASE WHEN t.window_started_at <= now() - $2 * interval '1 millisecond' THEN now() ELSE t.window_started_at END
     WHERE (t.locked_until IS NULL OR t.locked_until <= now())
       AND (t.window_started_at <= now() - $2 * interval '1 millisecond'
            OR t.failures <= $3 + CASE WHEN $4 THEN t.lockouts ELSE 0 END)
     RETURNING 1`,
    [key, policy.windowMs, policy.freeFailures, policy.kind === 'delay'],
  );
  return rows.length > 0;
}

/** Gives back an admitted attempt that was not a failure (a success, or refused by another key). */
async function uncount(db: SqlRunner, key: string): Promise<void> {
  await db.query('UPDATE auth_throttles SET failures = GREATEST(failures - 1, 0) WHERE key = $1', [key]);
}

/**
 * Admits one attempt against every key, or throws 429 `TOO_MANY_ATTEMPTS` (with the wait in
 * force) without counting it anywhere.
 */
export async function chargeAttempt(db: SqlRunner, keys: readonly ThrottleKey[]): Promise<void> {
  const waiting = await waitInForce(
    db,
    keys.map((k) => k.key),
  );
  if (waiting > 0) throw tooManyAttempts(waiting);
  const admitted: string[] = [];
  for (const throttle of keys) {
    if (await admit(db, throttle)) {
      admitted.push(throttle.key);
      continue;
    }
    for (const key of admitted) await uncount(db, key);
    // Refused by a wait that began meanwhile, or by a burst beyond the allowance (its wait is about to begin).
    throw tooManyAttempts((await waitInForce(db, [throttle.key])) || Math.ceil(throttle.policy.firstWaitMs / 1000));
  }
}

/**
 * Records that the admitted attempt failed: a key past its free failures starts its next wait
 * (one statement, so parallel failures start one wait, not several). Throws 429 with the wait when
 * one started, so the person learns at once how long to wait; returns otherwise.
 */
export async function recordFailure(db: SqlRunner, keys: readonly ThrottleKey[]): Promise<void> {
  let retryAfterSeconds = 0;
  for (const { key, policy } of keys) {
    const [row] = await db.query<{ seconds: number }>(
      `UPDATE auth_throttles SET
         locked_until = now() + LEAST($2 * power(2, LEAST(lockouts, 20)), $3) * interval '1 millisecond',
         lockouts = lockouts + 1,
         failures = CASE WHEN $4 THEN 0 ELSE failures END
       WHERE key = $1 AND failures > $5 AND (locked_until IS NULL OR locked_until <= now())
       RETURNING ROUND(EXTRACT(EPOCH FROM (locked_until - now())))::int AS seconds`,
      [key, policy.firstWaitMs, policy.maxWaitMs, policy.kind === 'lock', policy.freeFailures],
    );
    // ROUND, not CEIL: the wait is whole seconds and timestamptz(3) rounds now() + wait by up to 0.5 ms.
    if (row) retryAfterSeconds = Math.max(retryAfterSeconds, row.seconds);
  }
  if (retryAfterSeconds > 0) throw tooManyAttempts(retryAfterSeconds);
}

/**
 * Forgives a successful attempt: the account's failures and locks are cleared, the address or
 * station gets back the one attempt it was charged (its other failures stand, so one good login
 * cannot reset a scan).
 */
export async function forgiveAttempt(db: SqlRunner, accountKey: string, sourceKey: string): Promise<void> {
  await db.query('DELETE FROM auth_throttles WHERE key = $1', [accountKey]);
  await uncount(db, sourceKey);
}

/** The throttle keys of a person's accounts (password and PIN are counted apart). */
export function accountKeys(userId: string): string[] {
  return [`password:${userId}`, `pin:${userId}`];
}
