import type { SqlRunner } from '../db/database.ts';
import { hashSecret } from './secret-token.ts';

/** Ends the session with this cookie value (if any): it stops working on every replica at once. */
export async function logOut(db: SqlRunner, sessionToken: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE token_hash = $1', [hashSecret(sessionToken)]);
}
