import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { Actor } from './actor.ts';
import { parseApiKey } from './api-key-token.ts';
import { sessionRoles, type Role } from './roles.ts';
import { hashSecret, secretMatches } from './secret-token.ts';
import type { SessionCache } from './session-cache.ts';

/** The name of the session cookie set by login and PIN login. */
export const SESSION_COOKIE = 'af_session';

/** `last_used_at` of an API key is written at most this often, so busy integrators do not write on every call. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** What a request presents: its session cookie and its Authorization header, either may be absent. */
export interface Credentials {
  readonly sessionToken: string | undefined;
  readonly authorization: string | undefined;
}

/**
 * Resolves who is calling. An `Authorization: Bearer` header wins over a cookie (an integrator's
 * script never carries a browser cookie). A bearer token that is not a valid, unrevoked key is a
 * 401 `INVALID_API_KEY`; a missing, unknown or expired session gives null (the route decides
 * whether it needs an actor).
 */
export async function authenticate(
  db: SqlRunner,
  credentials: Credentials,
  sessions?: SessionCache,
): Promise<Actor | null> {
  if (credentials.authorization !== undefined) return authenticateApiKey(db, credentials.authorization);
  if (credentials.sessionToken) return authenticateSession(db, credentials.sessionToken, sessions);
  return null;
}

async function authenticateSession(
  db: SqlRunner,
  token: string,
  sessions: SessionCache | undefined,
): Promise<Actor | null> {
  const tokenHash = hashSecret(token);
  const cached = sessions?.get(tokenHash, Date.now());
  if (cached !== undefined) return cached;
  const ticket = sessions?.ticket() ?? 0;
  const [row] = await db.query<{
    user_id: string;
    display_name: string;
    roles: Role[];
    station: boolean;
    expires_at: Date;
  }>(
    `SELECT u.id AS user_id, u.display_name, u.roles::text[] AS roles, s.station, s.expires_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now() AND u.active`,
    [tokenHash],
    { name: 'authenticate-session' },
  );
  if (!row) return null;
  const actor: Actor = {
    kind: 'user',
    userId: row.user_id,
    apiKeyId: null,
    roles: sessionRoles(row.roles, row.station),
    displayName: row.display_name,
    station: row.station,
  };
  sessions?.set(ticket, tokenHash, actor, new Date(row.expires_at).getTime(), Date.now());
  return actor;
}

function invalidKey(detail: string): HttpProblem {
  return new HttpProblem(401, 'INVALID_API_KEY', detail);
}

async function authenticateApiKey(db: SqlRunner, authorization: string): Promise<Actor> {
  const [scheme, token, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer' || token === undefined || rest.length > 0) {
    throw invalidKey('Send an API key as "Authorization: Bearer af_…".');
  }
  const parts = parseApiKey(token);
  if (!parts) throw invalidKey('The API key is malformed; keys look like af_<8 hex>_<43 characters>.');
  const [key] = await db.query<{
    id: string;
    name: string;
    role: Role;
    hash: string;
    revoked: boolean;
    stale: boolean;
  }>(
    `SELECT id, name, role::text AS role, hash, revoked_at IS NOT NULL AS revoked,
            (last_used_at IS NULL OR last_used_at < now() - $2 * interval '1 millisecond') AS stale
       FROM api_keys WHERE prefix = $1`,
    [parts.prefix, LAST_USED_RESOLUTION_MS],
  );
  if (!key || !secretMatches(parts.secret, key.hash)) throw invalidKey('The API key is not valid.');
  if (key.revoked) throw invalidKey('The API key has been revoked; ask an admin for a new one.');
  if (key.stale) await db.query('UPDATE api_keys SET last_used_at = now() WHERE id = $1', [key.id]);
  return { kind: 'apiKey', userId: null, apiKeyId: key.id, roles: [key.role], displayName: key.name, station: false };
}
