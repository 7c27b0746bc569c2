import { HttpProblem } from '../plugins/http-problem.ts';
import type { ProductionContext } from '../production/production-context.ts';
import type { RememberedWorkItems } from './remembered-work-items.ts';

/**
 * Work-item commands run in the production command context (database, event hub, actor, clock),
 * with the process's remembered work items when it keeps them. These helpers answer what such a
 * command asks about its actor.
 */
export type WorkItemCommandContext = ProductionContext & { readonly remembered?: RememberedWorkItems };

/** The acting user's id; work-item commands are people's work, so an API key cannot give them (403). */
export function actingUserId(context: WorkItemCommandContext): string {
  if (context.actor.userId === null)
    throw new HttpProblem(403, 'USER_REQUIRED', 'Work-item commands are given by a signed-in person, not an API key.');
  return context.actor.userId;
}

/** True when the actor may act on any work item (requeue, hand off) rather than only their own. */
export function supervises(context: WorkItemCommandContext): boolean {
  return context.actor.roles.includes('manager') || context.actor.roles.includes('admin');
}
