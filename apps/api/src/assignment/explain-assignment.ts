import type { AssignmentExplain } from '@atelier/contracts';
import { decideAssignment, resolveAssignmentRule } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { loadAssignable, loadCandidates, loadRules } from './load-assignment-inputs.ts';

/**
 * Why the engine does what it does with a work item, computed now from the same inputs a pass
 * uses: the rule that applies (and where it came from), every operator considered with each score
 * component or the filter that excluded them, what the engine does (or would do, for an item not
 * ready), its open offer and its last recorded decision.
 */
export async function explainAssignment(db: SqlRunner, workItemId: string): Promise<AssignmentExplain> {
  const entry = await loadAssignable(db, workItemId);
  if (entry === undefined)
    throw new HttpProblem(404, 'WORK_ITEM_NOT_FOUND', `No work item has the id "${workItemId}".`);
  const rules = await loadRules(db);
  const candidates = await loadCandidates(db);
  const rule = resolveAssignmentRule(rules, entry.item, entry.config);
  const decision = decideAssignment(entry.item, candidates, rule);
  const [extra] = await db.query<{
    state: string;
    assigneeId: string | null;
    team: string | null;
    names: Record<string, string>;
    offer: { userId: string; offeredAt: string; expiresAt: string } | null;
    last: { decidedAt: string; action: string; chosenId: string | null } | null;
  }>(
    `SELECT w.state::text AS state, w.assignee_id AS "assigneeId",
            (SELECT code FROM teams WHERE id = $2::uuid) AS team,
            (SELECT COALESCE(jsonb_object_agg(u.id, u.display_name), '{}'::jsonb) FROM users u WHERE u.id = ANY($3::uuid[])) AS names,
            (SELECT jsonb_build_object('userId', o.user_id, 'offeredAt', o.offered_at, 'expiresAt', o.expires_at)
               FROM assignment_offers o WHERE o.work_item_id = w.id) AS offer,
            (SELECT jsonb_build_object('decidedAt', d.decided_at, 'action', d.action, 'chosenId', d.explain->>'chosenId')
               FROM assignment_decisions d WHERE d.work_item_id = w.id) AS last
       FROM work_items w WHERE w.id = $1::uuid`,
    [workItemId, rule.teamId, decision.candidates.map((candidate) => candidate.userId)],
  );
  const names = extra?.names ?? {};
  const iso = (value: string) => new Date(value).toISOString();
  return {
    workItemId,
    state: extra?.state ?? 'unknown',
    assigneeId: extra?.assigneeId ?? null,
    rule: {
      source: rule.source,
      ruleId: rule.ruleId,
      policy: rule.policy,
      team: extra?.team ?? null,
      skills: [...rule.skills],
      claimTimeoutSec: rule.claimTimeoutSec,
      offerTimeoutSec: rule.offerTimeoutSec,
      maxOpenMinutes: rule.maxOpenMinutes,
      weights: rule.weights,
    },
    action: decision.action,
    chosen:
      decision.chosenId === null ? null : { userId: decision.chosenId, displayName: names[decision.chosenId] ?? '' },
    blockingFilter: decision.blockingFilter,
    excludedBy: decision.excludedBy,
    candidates: decision.candidates.map((candidate) => ({
      ...candidate,
      displayName: names[candidate.userId] ?? '',
      score:
        candidate.score === null
          ? null
          : { ...candidate.score, lastAssignedAt: candidate.score.lastAssignedAt?.toISOString() ?? null },
    })),
    offer:
      extra?.offer == null
        ? null
        : { userId: extra.offer.userId, offeredAt: iso(extra.offer.offeredAt), expiresAt: iso(extra.offer.expiresAt) },
    lastDecision:
      extra?.last == null
        ? null
        : { decidedAt: iso(extra.last.decidedAt), action: extra.last.action, chosenId: extra.last.chosenId },
  };
}
