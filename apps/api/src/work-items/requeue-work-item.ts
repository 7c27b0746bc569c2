import { transitionWorkItem, type WorkItemAfterCommand } from './transition-work-item.ts';
import { actingUserId, supervises, type WorkItemCommandContext } from './work-item-command-context.ts';
import { refusalProblem } from './work-item-problems.ts';

/**
 * Sends an assigned (not yet started) work item back to the queue: its holder may, a manager or
 * admin may for any item (403 `NOT_HOLDER` otherwise). The reason is kept on the event.
 */
export async function requeueWorkItem(
  context: WorkItemCommandContext,
  workItemId: string,
  reason: string | undefined,
): Promise<WorkItemAfterCommand> {
  const userId = actingUserId(context);
  return transitionWorkItem(context, workItemId, {
    authorize: (loaded) => {
      if (!supervises(context) && !loaded.item.operators.includes(userId)) throw refusalProblem('NOT_HOLDER');
    },
    command: () => ({ type: 'requeue', operatorId: userId, now: context.now, ...(reason !== undefined && { reason }) }),
    guard: { kind: 'version' },
  });
}
