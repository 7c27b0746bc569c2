import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/database.ts';
import type { EventWaker } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';

/** What a work-item command needs: the database, the hub to wake after commit, who acts and when. */
export interface WorkItemCommandContext {
  readonly db: Database;
  readonly hub: EventWaker;
  readonly actor: Actor;
  /** The command's clock, passed to the domain (which never reads one). */
  readonly now: Date;
}

/** The acting user's id; work-item commands are people's work, so an API key cannot give them (403). */
export function actingUserId(context: WorkItemCommandContext): string {
  if (context.actor.userId === null) throw new HttpProblem(403, 'USER_REQUIRED', 'Work-item commands are given by a signed-in person, not an API key.');
  return context.actor.userId;
}

/** True when the actor may act on any work item (requeue, hand off) rather than only their own. */
export function supervises(context: WorkItemCommandContext): boolean {
  return context.actor.roles.includes('manager') || context.actor.roles.includes('admin');
}
