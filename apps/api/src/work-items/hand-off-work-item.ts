import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { LoadedWorkItem } from './load-work-item.ts';
import { transitionWorkItem, type WorkItemAfterCommand } from './transition-work-item.ts';
import { actingUserId, supervises, type WorkItemCommandContext } from './work-item-command-context.ts';
import { refusalProblem } from './work-item-problems.ts';
import { qualifiedSql, WORK_ITEM_FROM } from './work-item-sql.ts';

/** What a hand-off says: to whom, and (for a manager on a multi-operator item) from whom. */
export interface HandOffInput {
  readonly toUserId: string;
  /** Whose place the colleague takes; default: the acting operator, or the holder when a manager acts. */
  readonly fromUserId?: string | undefined;
}

/** 422 unless the receiver is an active, present operator with the step's skills and team. */
async function checkReceiver(db: Database, workItemId: string, toUserId: string): Promise<void> {
  const [row] = await db.query<{ active: boolean; operator: boolean; present: boolean; qualified: boolean }>(
    `SELECT u.active, 'operator' = ANY(u.roles::text[]) AS operator, u.present, ${qualifiedSql('u.id')} AS qualified
       FROM ${WORK_ITEM_FROM}, users u
      WHERE w.id = $1::uuid AND u.id = $2::uuid`,
    [workItemId, toUserId],
  );
  if (row === undefined || !row.active || !row.operator) {
    throw new HttpProblem(422, 'RECEIVER_NOT_OPERATOR', 'Hand the work item to an active operator: no such colleague.');
  }
  if (!row.present)
    throw new HttpProblem(
      422,
      'RECEIVER_ABSENT',
      'That colleague is marked absent today; hand the work to someone present.',
    );
  if (!row.qualified)
    throw new HttpProblem(
      422,
      'RECEIVER_NOT_QUALIFIED',
      'That colleague lacks a skill level or the team this step requires.',
    );
}

/**
 * Hands an in-progress or paused work item to a colleague; the time so far stays in the giver's
 * log. The operator bound to it may hand off their own place; a manager or admin may hand off any
 * operator's (403 `NOT_HOLDER` otherwise).
 */
export async function handOffWorkItem(
  context: WorkItemCommandContext,
  workItemId: string,
  input: HandOffInput,
): Promise<WorkItemAfterCommand> {
  const userId = actingUserId(context);
  const giver = (loaded: LoadedWorkItem): string => {
    if (input.fromUserId !== undefined) return input.fromUserId;
    if (loaded.item.operators.includes(userId) || !supervises(context)) return userId;
    return loaded.item.operators[0] ?? userId;
  };
  return transitionWorkItem(context, workItemId, {
    authorize: async (loaded) => {
      if (giver(loaded) !== userId && !supervises(context)) throw refusalProblem('NOT_HOLDER');
      await checkReceiver(context.db, workItemId, input.toUserId);
    },
    command: (loaded) => ({
      type: 'handoff',
      operatorId: giver(loaded),
      toOperatorId: input.toUserId,
      now: context.now,
    }),
    guard: { kind: 'version' },
  });
}
