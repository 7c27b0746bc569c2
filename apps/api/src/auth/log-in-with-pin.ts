import type { SqlRunner } from '../db/database.ts';
import { signIn } from './sign-in.ts';

/** A station login: the operator named by badge id or user id (picked from the station's list), and the PIN. */
export type PinLogin = ({ readonly badgeId: string } | { readonly userId: string }) & {
  readonly pin: string;
  readonly address: string;
};

/** Signs an operator in on a shop-floor station; the session is a shorter station session. */
export async function logInWithPin(db: SqlRunner, login: PinLogin) {
  const [column, identifier] = 'badgeId' in login ? ['badge_id', login.badgeId] : ['id', login.userId];
  const [user] = await db.query<{ id: string; pin_hash: string | null }>(
    `SELECT id, pin_hash FROM users WHERE ${column} = $1 AND active`,
    [identifier],
  );
  return signIn(db, {
    method: 'pin',
    identifier,
    account: user ? { userId: user.id, secretHash: user.pin_hash } : null,
    secret: login.pin,
    address: login.address,
  });
}
