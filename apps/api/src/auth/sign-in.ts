import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { createSession, type NewSession } from './create-session.ts';
import { hashPassword, verifyPassword } from './password.ts';
import { pruneExpired } from './prune-expired.ts';
import { ACCOUNT_POLICY, SOURCE_POLICY, chargeAttempt, forgiveAttempt, recordFailure } from './sign-in-throttle.ts';

/** The account a sign-in names, as found in the database (null when there is no such active user). */
export interface SignInAccount {
  readonly userId: string;
  /** The stored scrypt hash of the password or PIN; null when the user has none. */
  readonly secretHash: string | null;
}

/** One sign-in attempt, by password (browser) or PIN (station). */
export interface SignInAttempt {
  readonly method: 'password' | 'pin';
  /** What the caller typed to name the account (username, badge id or user id). */
  readonly identifier: string;
  readonly account: SignInAccount | null;
  readonly secret: string;
  /**
   * The throttle key of where the attempt came from, slowed down as a whole after many failures:
   * `address:<network>` for a browser login, `station:<id>` for a PIN on a registered station
   * (so one station's mistyped PINs do not slow the others behind the same NAT address).
   */
  readonly source: string;
  /** The registered station a PIN sign-in happens on: its session records it. */
  readonly stationId?: string;
}

/** A hash to check against when the account does not exist, so the answer takes as long either way. */
let decoy: Promise<string> | undefined;

/**
 * Checks a password or PIN under the lock-out rules and opens a session (a station session for a
 * PIN). Every failure is the same 401 `INVALID_CREDENTIALS`, taking the same time, whether the
 * account exists or not; the failure that starts a wait (the 5th for an account, see
 * `sign-in-throttle.ts`) and every attempt during one give 429 `TOO_MANY_ATTEMPTS`.
 */
export async function signIn(db: SqlRunner, attempt: SignInAttempt): Promise<{ userId: string; session: NewSession }> {
  const { account, method } = attempt;
  const accountKey = account ? `${method}:${account.userId}` : `${method}:unknown:${attempt.identifier.toLowerCase()}`;
  const throttles = [
    { key: accountKey, policy: ACCOUNT_POLICY },
    { key: attempt.source, policy: SOURCE_POLICY },
  ];
  await chargeAttempt(db, throttles);
  decoy ??= hashPassword('no such account');
  const matches = await verifyPassword(attempt.secret, account?.secretHash ?? (await decoy));
  if (!account || account.secretHash === null || !matches) {
    await recordFailure(db, throttles);
    const detail = method === 'password' ? 'The username or password is not right.' : 'The badge or PIN is not right.';
    throw new HttpProblem(401, 'INVALID_CREDENTIALS', detail);
  }
  await forgiveAttempt(db, accountKey, attempt.source);
  await pruneExpired(db);
  return {
    userId: account.userId,
    session: await createSession(db, account.userId, { station: method === 'pin', stationId: attempt.stationId }),
  };
}
