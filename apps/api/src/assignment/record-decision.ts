import type { AssignmentDecision } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';

/** How many of the best candidates a stored decision keeps (the explain endpoint recomputes the rest). */
const KEPT_CANDIDATES = 5;

/** A decision as stored: small enough for thousands of items (the full list is computed on demand). */
export function storedDecision(decision: AssignmentDecision, decidedAt: Date) {
  return {
    decidedAt: decidedAt.toISOString(),
    action: decision.action,
    chosenId: decision.chosenId,
    rule: { source: decision.rule.source, ruleId: decision.rule.ruleId, policy: decision.rule.policy },
    excludedBy: decision.excludedBy,
    blockingFilter: decision.blockingFilter,
    best: decision.candidates
      .filter((candidate) => candidate.eligible)
      .slice(0, KEPT_CANDIDATES)
      .map((candidate) => ({ userId: candidate.userId, rank: candidate.rank, score: candidate.score })),
  };
}

/** Records the engine's decision about an item at `version` (replacing the previous one). */
export async function recordDecision(
  tx: SqlRunner,
  decision: AssignmentDecision,
  version: number,
  decidedAt: Date,
): Promise<void> {
  await tx.query(
    `INSERT INTO assignment_decisions (work_item_id, decided_at, item_version, action, explain)
     VALUES ($1::uuid, $2::timestamptz, $3::int, $4, $5::jsonb)
     ON CONFLICT (work_item_id) DO UPDATE
       SET decided_at = EXCLUDED.decided_at, item_version = EXCLUDED.item_version,
           action = EXCLUDED.action, explain = EXCLUDED.explain`,
    [decision.workItemId, decidedAt, version, decision.action, JSON.stringify(storedDecision(decision, decidedAt))],
    { name: 'record-assignment-decision' },
  );
}

/** Forgets the decision about an item, so the engine decides it again at its next pass. */
export async function forgetDecision(tx: SqlRunner, workItemId: string): Promise<void> {
  await tx.query(`DELETE FROM assignment_decisions WHERE work_item_id = $1::uuid`, [workItemId]);
}

/** Forgets every decision about ready items (a rule changed): the engine decides them all again. */
export async function forgetReadyDecisions(tx: SqlRunner): Promise<void> {
  await tx.query(
    `DELETE FROM assignment_decisions d USING work_items w WHERE w.id = d.work_item_id AND w.state = 'ready'`,
  );
}
