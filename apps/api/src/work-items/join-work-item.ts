import { transitionWorkItem, type WorkItemAfterCommand } from './transition-work-item.ts';
import { actingUserId, type WorkItemCommandContext } from './work-item-command-context.ts';
import { absentProblem, notQualifiedProblem } from './work-item-problems.ts';

/**
 * A qualified operator joins a multi-operator work item someone holds (before the start, to reach
 * its minimum, or later up to its maximum); 403 `NOT_QUALIFIED` without the step's skills or team.
 */
export async function joinWorkItem(context: WorkItemCommandContext, workItemId: string): Promise<WorkItemAfterCommand> {
  const operatorId = actingUserId(context);
  return transitionWorkItem(context, workItemId, {
    authorize: (loaded) => {
      if (!loaded.actorPresent) throw absentProblem();
      if (!loaded.actorQualified) throw notQualifiedProblem();
    },
    command: () => ({ type: 'join', operatorId, now: context.now }),
    guard: { kind: 'version' },
  });
}
