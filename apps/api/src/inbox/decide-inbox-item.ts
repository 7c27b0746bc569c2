import type { InboxItemView } from '@atelier/contracts';
import { decideAssignment, resolveAssignmentRule } from '@atelier/domain';
import { giveWorkItem, commandWorkItem } from '../assignment/give-work-item.ts';
import { loadAssignable, loadCandidates, loadRules } from '../assignment/load-assignment-inputs.ts';
import { forgetDecision } from '../assignment/record-decision.ts';
import { actorRef } from '../auth/actor.ts';
import type { SqlRunner } from '../db/database.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { ProductionContext } from '../production/production-context.ts';
import { loadWorkItem } from '../work-items/load-work-item.ts';
import { INBOX_VIEW_SQL, toInboxView, type InboxRow } from './inbox-view.ts';

/** A manager's decision on an inbox item. */
export interface InboxDecision {
  readonly approve: boolean;
  readonly comment?: string | undefined;
  /** The colleague a hand-off or an unassignable item goes to (approve only). */
  readonly toUserId?: string | undefined;
}

interface Subject {
  id: string;
  kind: string;
  userId: string | null;
  workItemId: string | null;
  itemState: string | null;
  tokenState: string | null;
  bound: boolean;
}

const subjectChanged = (detail: string): HttpProblem => new HttpProblem(409, 'SUBJECT_CHANGED', detail);

/** 409 `SUBJECT_CHANGED` unless the work item is still what the inbox item is about. */
function checkSubject(subject: Subject): void {
  if (subject.workItemId === null) return;
  if (subject.tokenState !== 'active')
    throw subjectChanged('The piece is no longer in production (cancelled, completed or waiting).');
  const expected: Record<string, readonly string[]> = {
    HANDOFF_APPROVAL: ['in_progress', 'paused'],
    UNASSIGNABLE: ['ready'],
    OVERDUE: ['in_progress'],
  };
  const states = expected[subject.kind];
  if (states !== undefined && !states.includes(subject.itemState ?? ''))
    throw subjectChanged(`The work item is ${subject.itemState} now; nothing to decide any more.`);
  if (subject.kind === 'HANDOFF_APPROVAL' && !subject.bound)
    throw subjectChanged('The absent operator no longer works on this item.');
}

/**
 * Approves or rejects an open inbox item, with an `inbox.approved` / `inbox.rejected` event, in
 * one transaction. The item is closed first by a conditional update (`status = 'open'`), so of two
 * managers deciding at once exactly one wins and the other gets 409 `INBOX_ITEM_DECIDED`; approving
 * a subject that changed meanwhile (the piece was cancelled, the item moved on) is 409
 * `SUBJECT_CHANGED` and nothing is written (a reject, which changes nothing else, still closes it). Approving a hand-off hands the absent operator's item to `toUserId` or, without
 * one, to the engine's best present candidate; approving an unassignable item assigns it to
 * `toUserId` or lets the engine try again; approving an overdue escalation acknowledges it.
 */
export async function decideInboxItem(
  context: ProductionContext,
  id: string,
  decision: InboxDecision,
): Promise<InboxItemView> {
  return runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    const [closed] = await tx.query<{ id: string }>(
      `UPDATE inbox_items SET status = $2::inbox_status, resolved_by_id = $3::uuid, resolved_at = $4::timestamptz,
              comment = $5, open_key = NULL
        WHERE id = $1::uuid AND status = 'open' RETURNING id`,
      [id, decision.approve ? 'approved' : 'rejected', context.actor.userId, context.now, decision.comment ?? null],
    );
    if (closed === undefined) {
      const [exists] = await tx.query<{ status: string }>(
        `SELECT status::text AS status FROM inbox_items WHERE id = $1::uuid`,
        [id],
      );
      if (exists === undefined) throw new HttpProblem(404, 'INBOX_ITEM_NOT_FOUND', `No inbox item has the id "${id}".`);
      // `resolved` is the system's closing (the piece was cancelled, the item got an owner): its subject changed.
      if (exists.status === 'resolved')
        throw subjectChanged('The matter was settled meanwhile (the piece was cancelled or the item moved on).');
      throw new HttpProblem(409, 'INBOX_ITEM_DECIDED', 'Someone decided this inbox item already.');
    }
    const [subject] = await tx.query<Subject>(
      `SELECT i.id, i.kind, i.user_id AS "userId", i.work_item_id AS "workItemId", w.state::text AS "itemState",
              t.state::text AS "tokenState",
              EXISTS (SELECT 1 FROM work_item_operators wo WHERE wo.work_item_id = w.id AND wo.user_id = i.user_id
                         AND wo.left_at IS NULL) AS bound
         FROM inbox_items i LEFT JOIN work_items w ON w.id = i.work_item_id LEFT JOIN tokens t ON t.id = w.token_id
        WHERE i.id = $1::uuid`,
      [id],
    );
    if (subject === undefined) throw new HttpProblem(404, 'INBOX_ITEM_NOT_FOUND', `No inbox item has the id "${id}".`);
    if (decision.approve) checkSubject(subject);
    const toUserId = decision.approve ? await carryOut(tx, context, subject, decision.toUserId) : null;
    const [row] = await tx.query<InboxRow>(`${INBOX_VIEW_SQL} WHERE i.id = $1::uuid`, [id]);
    const view = toInboxView(row as InboxRow);
    return {
      result: view,
      recorded: true,
      events: [
        {
          type: decision.approve ? 'inbox.approved' : 'inbox.rejected',
          at: context.now,
          actor: actorRef(context.actor),
          orderId: view.orderId,
          tokenId: view.tokenId,
          workItemId: view.workItemId,
          nodeKey: view.nodeKey,
          operatorId: subject.userId,
          data: { id, kind: subject.kind, comment: decision.comment ?? null, toUserId },
        },
      ],
    };
  });
}

/** The best eligible present candidate for a work item, or a 422 naming the filter that excluded everyone. */
async function bestCandidate(tx: SqlRunner, workItemId: string, exceptId: string | null): Promise<string> {
  const entry = await loadAssignable(tx, workItemId);
  if (entry === undefined) throw subjectChanged('The work item is gone.');
  const rule = resolveAssignmentRule(await loadRules(tx), entry.item, entry.config);
  const candidates = (await loadCandidates(tx)).filter((candidate) => candidate.id !== exceptId);
  const decision = decideAssignment(entry.item, candidates, { ...rule, policy: 'auto' });
  if (decision.chosenId === null)
    throw new HttpProblem(
      422,
      'NO_CANDIDATE',
      `No present, qualified operator can take it (most excluded by: ${decision.blockingFilter}).`,
      {
        excludedBy: decision.excludedBy,
      },
    );
  return decision.chosenId;
}

/** 422 unless `userId` passes the engine's filters for the item (present, qualified, in the team). */
async function checkColleague(tx: SqlRunner, workItemId: string, userId: string): Promise<void> {
  const entry = await loadAssignable(tx, workItemId);
  if (entry === undefined) throw subjectChanged('The work item is gone.');
  const rule = resolveAssignmentRule(await loadRules(tx), entry.item, entry.config);
  const decision = decideAssignment(entry.item, await loadCandidates(tx, [userId]), { ...rule, policy: 'auto' });
  const verdict = decision.candidates[0];
  if (verdict === undefined) throw new HttpProblem(422, 'RECEIVER_NOT_OPERATOR', 'No such colleague.');
  if (!verdict.eligible && verdict.excludedBy !== 'load-cap' && verdict.excludedBy !== 'skipped')
    throw new HttpProblem(422, 'RECEIVER_NOT_ELIGIBLE', `That colleague cannot take it: ${verdict.detail}.`, {
      excludedBy: verdict.excludedBy,
    });
}

async function carryOut(
  tx: SqlRunner,
  context: ProductionContext,
  subject: Subject,
  toUserId: string | undefined,
): Promise<string | null> {
  if (subject.workItemId === null) return null;
  if (subject.kind === 'HANDOFF_APPROVAL' && subject.userId !== null) {
    const receiver = toUserId ?? (await bestCandidate(tx, subject.workItemId, subject.userId));
    if (toUserId !== undefined) await checkColleague(tx, subject.workItemId, toUserId);
    const loaded = await loadWorkItem(tx, subject.workItemId, receiver);
    await commandWorkItem(tx, context, loaded, {
      type: 'handoff',
      operatorId: subject.userId,
      toOperatorId: receiver,
      now: context.now,
    });
    return receiver;
  }
  if (subject.kind === 'UNASSIGNABLE') {
    if (toUserId === undefined) {
      await forgetDecision(tx, subject.workItemId);
      return null;
    }
    await checkColleague(tx, subject.workItemId, toUserId);
    await giveWorkItem(tx, context, subject.workItemId, toUserId, { by: 'manager' });
    return toUserId;
  }
  return null;
}
