import { randomBytes } from 'node:crypto';
import type { SqlRunner } from '../db/database.ts';
import { generateApiKey } from '../auth/api-key-token.ts';
import { SESSION_COOKIE } from '../auth/authenticate.ts';
import { createSession } from '../auth/create-session.ts';
import type { Role } from '../auth/roles.ts';
import { hashSecret } from '../auth/secret-token.ts';

/** Options of {@link loginAs}. */
export interface LoginAsOptions {
  /** Default: `<role>-<random>`, so each call makes a new user. */
  readonly username?: string;
  readonly displayName?: string;
  /** Roles besides `role`. */
  readonly extraRoles?: readonly Role[];
  /** A station (PIN) session rather than a browser session. */
  readonly station?: boolean;
  readonly teamId?: string | null;
  /** Attendance (assignment candidates must be present); default true. */
  readonly present?: boolean;
}

/** A signed-in test user: request headers carrying the session cookie, and the user's id. */
export interface TestLogin {
  readonly headers: { cookie: string };
  readonly userId: string;
  readonly username: string;
}

/**
 * Creates a user with `role` and a session for it straight in the database, for `app.inject`
 * tests of routes that need authentication: `inject({ method, url, headers: (await loginAs(db, 'manager')).headers })`.
 */
export async function loginAs(db: SqlRunner, role: Role, options: LoginAsOptions = {}): Promise<TestLogin> {
  const username = options.username ?? `${role}-${randomBytes(4).toString('hex')}`;
  const roles = [role, ...(options.extraRoles ?? [])];
  const [user] = await db.query<{ id: string }>(
    `INSERT INTO users (username, display_name, roles, team_id, present)
     VALUES ($1, $2, $3::text[]::role[], $4, $5) RETURNING id`,
    [username, options.displayName ?? `Test ${username}`, roles, options.teamId ?? null, options.present ?? true],
  );
  if (!user) throw new Error('INSERT … RETURNING gave no row');
  const session = await createSession(db, user.id, { station: options.station ?? false });
  return { headers: { cookie: `${SESSION_COOKIE}=${session.token}` }, userId: user.id, username };
}

/** An integrator's API key straight in the database: `token` goes in `Authorization: Bearer <token>`. */
export async function createTestApiKey(
  db: SqlRunner,
  role: Role = 'integrator',
): Promise<{ token: string; id: string }> {
  const key = generateApiKey();
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO api_keys (prefix, hash, name, role) VALUES ($1, $2, 'Test key', $3) RETURNING id`,
    [key.prefix, hashSecret(key.secret), role],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { token: key.token, id: row.id };
}
