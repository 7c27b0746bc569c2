import { actorRef } from '../auth/actor.ts';
import { runCommand } from '../events/run-command.ts';
import type { User } from '@atelier/contracts';
import { HttpProblem } from '../plugins/http-problem.ts';
import type { CatalogContext } from './catalog-context.ts';
import { getCatalogEntry } from './get-catalog-entry.ts';
import { userResource } from './user-resource.ts';

/**
 * Marks a user present or absent (attendance), with a `user.attendance_changed` event whose
 * `operatorId` topic lets the assignment engine react (an absent operator loses assigned work).
 * Only active users can be present; an unchanged state writes nothing.
 */
export async function setUserAttendance(
  context: CatalogContext,
  idOrUsername: string,
  present: boolean,
): Promise<User> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const user = await getCatalogEntry(tx, userResource, idOrUsername);
    if (user.present === present) return { result: user, events: [] };
    if (present && !user.active)
      throw new HttpProblem(409, 'USER_INACTIVE', `${user.username} is deactivated; reactivate them first.`);
    await tx.user.update({ where: { id: user.id }, data: { present } });
    const updated = { ...user, present };
    return {
      result: updated,
      events: [
        {
          type: 'user.attendance_changed',
          actor: actorRef(actor),
          operatorId: user.id,
          data: { id: user.id, code: user.username, present },
        },
      ],
    };
  });
}
