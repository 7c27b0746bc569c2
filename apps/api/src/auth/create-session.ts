import type { SqlRunner } from '../db/database.ts';
import { hashSecret, newSecret } from './secret-token.ts';

/** How long a browser session lasts: a long working day, so a manager signs in once per shift. */
export const SESSION_TTL_MS = 12 * 60 * 60_000;

/** How long a station (PIN) session lasts: shorter, because shop-floor tablets are shared. */
export const STATION_SESSION_TTL_MS = 2 * 60 * 60_000;

/** A new session: the cookie value (shown to the client only) and when it expires. */
export interface NewSession {
  readonly token: string;
  readonly expiresAt: Date;
}

/**
 * Opens a session for a user: a random token whose SHA-256 is stored in `sessions`. The expiry
 * is computed by the database clock so every replica agrees on it. A station session records its
 * registered station, so revoking the station ends it.
 */
export async function createSession(
  db: SqlRunner,
  userId: string,
  options: { station: boolean; stationId?: string },
): Promise<NewSession> {
  const token = newSecret();
  const ttlMs = options.station ? STATION_SESSION_TTL_MS : SESSION_TTL_MS;
  const [row] = await db.query<{ expires_at: Date }>(
    `INSERT INTO sessions (token_hash, user_id, station, station_id, expires_at)
     VALUES ($1, $2, $3, $5, now() + $4 * interval '1 millisecond')
     RETURNING expires_at`,
    [hashSecret(token), userId, options.station, ttlMs, options.stationId ?? null],
  );
  if (!row) throw new Error('INSERT … RETURNING gave no row');
  return { token, expiresAt: row.expires_at };
}
