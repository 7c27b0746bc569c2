import type { SqlRunner } from '../db/database.ts';
import { forgetDecision } from './record-decision.ts';

/** Why the engine skips an operator for an item from now on. */
export type SkipReason = 'declined' | 'offer_expired' | 'claim_timeout' | 'unassigned';

/**
 * Makes the engine skip `userId` for a work item (they declined it, let it expire or time out)
 * and decide the item again at its next pass, so it goes to the next candidate.
 */
export async function skipOperator(
  tx: SqlRunner,
  workItemId: string,
  userId: string,
  reason: SkipReason,
  now: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO assignment_skips (work_item_id, user_id, reason, at) VALUES ($1::uuid, $2::uuid, $3, $4::timestamptz)
     ON CONFLICT (work_item_id, user_id) DO UPDATE SET reason = EXCLUDED.reason, at = EXCLUDED.at`,
    [workItemId, userId, reason, now],
  );
  await forgetDecision(tx, workItemId);
}
