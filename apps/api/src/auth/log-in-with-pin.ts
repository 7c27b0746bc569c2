import type { SqlRunner } from '../db/database.ts';
import { stationOperatorCondition } from '../stations/station-operator-filter.ts';
import { signIn } from './sign-in.ts';

/**
 * A station login: the operator named by badge id or user id (picked from the station's list),
 * the PIN, and the registered station it is typed on.
 */
export type PinLogin = ({ readonly badgeId: string } | { readonly userId: string }) & {
  readonly pin: string;
  readonly stationId: string;
};

/**
 * Signs an operator in on a registered station; the session is a shorter station session. Only
 * the station's operators (`station-operator-filter.ts`) can: anyone else is answered like an
 * unknown badge. Failures slow this station down, not the others behind its address.
 */
export async function logInWithPin(db: SqlRunner, login: PinLogin) {
  const [column, identifier] = 'badgeId' in login ? ['badge_id', login.badgeId] : ['id', login.userId];
  const [user] = await db.query<{ id: string; pin_hash: string | null }>(
    `SELECT u.id, u.pin_hash FROM users u JOIN teams t ON t.id = u.team_id
      WHERE u.${column} = $1 AND ${stationOperatorCondition('$2')}`,
    [identifier, login.stationId],
  );
  return signIn(db, {
    method: 'pin',
    identifier,
    account: user ? { userId: user.id, secretHash: user.pin_hash } : null,
    secret: login.pin,
    source: `station:${login.stationId}`,
    stationId: login.stationId,
  });
}
