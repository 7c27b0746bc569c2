import type { SqlRunner } from '../db/database.ts';
import { clientNetwork } from './client-network.ts';
import { signIn } from './sign-in.ts';

/** A browser login: username and password from the login form, and the client address. */
export interface PasswordLogin {
  readonly username: string;
  readonly password: string;
  readonly address: string;
}

/** Signs a user in with their password; see {@link signIn} for failures and lock-out. */
export async function logInWithPassword(db: SqlRunner, login: PasswordLogin) {
  const [user] = await db.query<{ id: string; password_hash: string | null }>(
    'SELECT id, password_hash FROM users WHERE username = $1 AND active',
    [login.username],
  );
  return signIn(db, {
    method: 'password',
    identifier: login.username,
    account: user ? { userId: user.id, secretHash: user.password_hash } : null,
    secret: login.password,
    source: `address:${clientNetwork(login.address)}`,
  });
}
