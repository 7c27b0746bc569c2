import type { WorkItemAfterCommand } from './transition-work-item.ts';
import { transitionWorkItem } from './transition-work-item.ts';
import { actingUserId, type WorkItemCommandContext } from './work-item-command-context.ts';
import { refusalProblem } from './work-item-problems.ts';

/** The commands an operator gives on an item they are bound to, to run its clock. */
export type WorkCommand = 'start' | 'pause' | 'resume' | 'leave';

/**
 * An operator bound to the work item starts it, pauses, resumes, or leaves a multi-operator item
 * (403 `NOT_HOLDER` for anyone else; the domain then checks the holder-only start, the minimum
 * operators and the last operator). Time logs open and close per operator; a pause's reason goes in its event.
 */
export async function workOnWorkItem(
  context: WorkItemCommandContext,
  workItemId: string,
  type: WorkCommand,
  pauseReason?: string,
): Promise<WorkItemAfterCommand> {
  const operatorId = actingUserId(context);
  return transitionWorkItem(context, workItemId, {
    authorize: (loaded) => {
      if (!loaded.item.operators.includes(operatorId)) throw refusalProblem('NOT_HOLDER');
    },
    command: () =>
      type === 'pause' && pauseReason !== undefined
        ? { type, operatorId, now: context.now, reason: pauseReason }
        : { type, operatorId, now: context.now },
    guard: { kind: 'version' },
    decidedByItem: true,
  });
}
