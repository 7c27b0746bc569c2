import { filterCandidate, resolveAssignmentRule } from '@atelier/domain';
import { prismaRunner } from '../db/prisma-runner.ts';
import { runCommand } from '../events/run-command.ts';
import { settleInboxItem } from '../inbox/raise-inbox-item.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { ProductionContext } from '../production/production-context.ts';
import { loadWorkItem } from '../work-items/load-work-item.ts';
import type { WorkItemAfterCommand } from '../work-items/transition-work-item.ts';
import { commandWorkItem, giveWorkItem } from './give-work-item.ts';
import { loadAssignable, loadCandidates, loadRules } from './load-assignment-inputs.ts';
import { skipOperator } from './skip-operator.ts';

/** Body of a manual assignment. */
export interface AssignInput {
  readonly userId: string;
  readonly force: boolean;
  readonly reason?: string | undefined;
}

/** Filters a manager may override with `force` (a reason recorded); the engine's preferences never block a manager. */
const OVERRIDABLE = new Set(['absent', 'skill', 'team']);
const PREFERENCES = new Set(['work-center', 'load-cap', 'skipped']);

/**
 * A manager assigns a ready (or reassigns an assigned) work item to an operator, with the engine's
 * qualification check: present, the skills at their levels, the rule's team — else 422
 * `NOT_ELIGIBLE` naming the filter, unless `force: true` with a reason (recorded on the
 * `work_item.assigned` event). An inactive user or a non-operator is never assigned. The previous
 * holder of a reassigned item is skipped by the engine for it.
 */
export async function assignWorkItem(
  context: ProductionContext,
  workItemId: string,
  input: AssignInput,
): Promise<WorkItemAfterCommand> {
  if (input.force && input.reason === undefined)
    throw new HttpProblem(422, 'REASON_REQUIRED', 'A forced assignment needs a reason.', {
      errors: [{ in: 'body', path: 'reason', message: 'Required with force' }],
    });
  const done = await runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    const entry = await loadAssignable(tx, workItemId);
    if (entry === undefined)
      throw new HttpProblem(404, 'WORK_ITEM_NOT_FOUND', `No work item has the id "${workItemId}".`);
    const [candidate] = await loadCandidates(tx, [input.userId]);
    if (candidate === undefined) throw new HttpProblem(404, 'USER_NOT_FOUND', `No user has the id "${input.userId}".`);
    const rule = resolveAssignmentRule(await loadRules(tx), entry.item, entry.config);
    const verdict = filterCandidate(candidate, entry.item, rule);
    if (!verdict.eligible && !PREFERENCES.has(verdict.reason) && !(input.force && OVERRIDABLE.has(verdict.reason)))
      throw new HttpProblem(422, 'NOT_ELIGIBLE', `That operator cannot take this item: ${verdict.detail}.`, {
        excludedBy: verdict.reason,
        overridable: OVERRIDABLE.has(verdict.reason),
      });
    const current = await loadWorkItem(tx, workItemId, input.userId);
    if (current.item.state === 'assigned') {
      const holder = current.item.operators[0];
      if (holder === input.userId)
        throw new HttpProblem(409, 'ALREADY_ASSIGNED', 'The item is assigned to them already.');
      await commandWorkItem(tx, context, current, {
        type: 'requeue',
        operatorId: context.actor.userId ?? '',
        reason: 'reassigned',
        now: context.now,
      });
      if (holder !== undefined) await skipOperator(tx, workItemId, holder, 'unassigned', context.now);
    } else if (current.item.state !== 'ready') {
      throw new HttpProblem(
        409,
        'NOT_ASSIGNABLE',
        `The work item is ${current.item.state}; only a ready or assigned item is assigned.`,
      );
    }
    await tx.query(`DELETE FROM assignment_offers WHERE work_item_id = $1::uuid`, [workItemId]);
    await settleInboxItem(tx, 'UNASSIGNABLE', workItemId, context.now);
    const given = await giveWorkItem(tx, context, workItemId, input.userId, {
      by: 'manager',
      force: input.force && !verdict.eligible,
      reason: input.reason ?? null,
    });
    return { result: given.after, events: [], recorded: true };
  });
  return done;
}

/**
 * A manager takes an assigned item away from its holder: back to `ready`, the holder skipped by
 * the engine for it (so it goes to the next candidate, or waits in its pool).
 */
export async function unassignWorkItem(
  context: ProductionContext,
  workItemId: string,
  reason: string | undefined,
): Promise<WorkItemAfterCommand> {
  return runCommand(context, async (prismaTx) => {
    const tx = prismaRunner(prismaTx);
    const loaded = await loadWorkItem(tx, workItemId, null);
    if (loaded.item.state !== 'assigned')
      throw new HttpProblem(
        409,
        'NOT_ASSIGNED',
        `The work item is ${loaded.item.state}; only an assigned item is unassigned.`,
      );
    const holder = loaded.item.operators[0];
    const done = await commandWorkItem(tx, context, loaded, {
      type: 'requeue',
      operatorId: context.actor.userId ?? '',
      reason: reason ?? 'unassigned',
      now: context.now,
    });
    if (holder !== undefined) await skipOperator(tx, workItemId, holder, 'unassigned', context.now);
    return { result: done.after, events: [], recorded: true };
  });
}
