import type { User } from '@atelier/contracts';
import { ASSIGNMENT_LOCK_KEY } from '../assignment/run-assignment-pass.ts';
import { commandWorkItem } from '../assignment/give-work-item.ts';
import { actorRef } from '../auth/actor.ts';
import type { SqlRunner } from '../db/database.ts';
import { prismaRunner } from '../db/prisma-runner.ts';
import { appendEvents } from '../events/append-events.ts';
import { runCommand } from '../events/run-command.ts';
import { getCatalogEntry } from '../catalog/get-catalog-entry.ts';
import { userResource } from '../catalog/user-resource.ts';
import { raiseInboxItem } from '../inbox/raise-inbox-item.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { ProductionContext } from '../production/production-context.ts';
import { loadWorkItem } from '../work-items/load-work-item.ts';

/** Present or absent, and why. */
export interface AttendanceInput {
  readonly present: boolean;
  readonly reason?: string | undefined;
}

/** What marking someone absent did with their work. */
interface AbsenceOutcome {
  readonly requeued: number;
  readonly handOffApprovals: number;
  readonly offersWithdrawn: number;
}

/**
 * Marks an operator present or absent (a manager, or an integrator's time clock), with a
 * `user.attendance_changed` event. Absent: their assigned items go back to the engine (requeued,
 * or they leave a colleague's item), their open offers are withdrawn, and each item they have in
 * progress or paused becomes a HANDOFF_APPROVAL inbox item (the time logged so far stays theirs).
 * Present: items nobody could take are decided again at the engine's next pass. All in one
 * transaction that holds the engine's pass lock, so a pass never assigns to someone half-absent.
 * 422 `NOT_AN_OPERATOR` for anyone without the operator role; an unchanged state writes nothing.
 */
export async function setAttendance(
  context: ProductionContext,
  idOrUsername: string,
  input: AttendanceInput,
): Promise<User> {
  return runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    const user = await getCatalogEntry(prismaTx, userResource, idOrUsername);
    if (!user.roles.includes('operator'))
      throw new HttpProblem(
        422,
        'NOT_AN_OPERATOR',
        `${user.username} is not an operator; attendance is for operators.`,
      );
    if (input.present && !user.active)
      throw new HttpProblem(409, 'USER_INACTIVE', `${user.username} is deactivated; reactivate them first.`);
    if (user.present === input.present) return { result: user, events: [] };
    await tx.query(`SELECT true AS locked FROM pg_advisory_xact_lock($1::bigint)`, [ASSIGNMENT_LOCK_KEY]);
    const absence = input.present ? null : await takeWorkAway(tx, context, user.id, input.reason ?? null);
    if (input.present) await retryUnassignable(tx);
    await tx.query(
      `UPDATE users SET present = $2, absence_reason = $3, updated_at = $4::timestamptz WHERE id = $1::uuid`,
      [user.id, input.present, input.present ? null : (input.reason ?? null), context.now],
    );
    return {
      result: { ...user, present: input.present },
      recorded: true,
      events: [
        {
          type: 'user.attendance_changed',
          at: context.now,
          actor: actorRef(context.actor),
          operatorId: user.id,
          data: { id: user.id, code: user.username, present: input.present, reason: input.reason ?? null, ...absence },
        },
      ],
    };
  });
}

/** Items of an operator in an open state, with whether they hold it. */
async function openItemsOf(tx: SqlRunner, userId: string) {
  return tx.query<{ id: string; state: string; holder: boolean }>(
    `SELECT w.id, w.state::text AS state, w.assignee_id = $1::uuid AS holder
       FROM work_item_operators wo JOIN work_items w ON w.id = wo.work_item_id
      WHERE wo.user_id = $1::uuid AND wo.left_at IS NULL AND w.state IN ('assigned', 'in_progress', 'paused')
      ORDER BY w.id`,
    [userId],
  );
}

async function takeWorkAway(
  tx: SqlRunner,
  context: ProductionContext,
  userId: string,
  reason: string | null,
): Promise<AbsenceOutcome> {
  let requeued = 0;
  let handOffApprovals = 0;
  for (const item of await openItemsOf(tx, userId)) {
    if (item.state === 'assigned') {
      const loaded = await loadWorkItem(tx, item.id, userId);
      await commandWorkItem(
        tx,
        context,
        loaded,
        item.holder
          ? { type: 'requeue', operatorId: userId, reason: 'absent', now: context.now }
          : { type: 'leave', operatorId: userId, now: context.now },
      );
      requeued += 1;
    } else {
      const raised = await raiseInboxItem(tx, {
        kind: 'HANDOFF_APPROVAL',
        workItemId: item.id,
        userId,
        payload: { absentUserId: userId, reason, state: item.state },
        actor: actorRef(context.actor),
        now: context.now,
      });
      if (raised !== null) handOffApprovals += 1;
    }
  }
  const withdrawn = await tx.query<{ workItemId: string }>(
    `DELETE FROM assignment_offers WHERE user_id = $1::uuid RETURNING work_item_id AS "workItemId"`,
    [userId],
  );
  for (const offer of withdrawn)
    await tx.query(`DELETE FROM assignment_decisions WHERE work_item_id = $1::uuid`, [offer.workItemId]);
  await appendEvents(
    tx,
    withdrawn.map((offer) => ({
      type: 'work_item.offer_withdrawn',
      at: context.now,
      actor: actorRef(context.actor),
      workItemId: offer.workItemId,
      operatorId: userId,
      data: { operatorId: userId, reason: 'absent' },
    })),
  );
  return { requeued, handOffApprovals, offersWithdrawn: withdrawn.length };
}

/** Someone came in: items nobody could take are decided again at the next pass. */
async function retryUnassignable(tx: SqlRunner): Promise<void> {
  await tx.query(`DELETE FROM assignment_decisions WHERE action = 'unassignable'`);
}
