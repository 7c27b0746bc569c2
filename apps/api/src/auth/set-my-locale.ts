import type { Locale, Me } from '@atelier/contracts';
import { runCommand } from '../events/run-command.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { actorRef } from './actor.ts';
import type { CatalogContext } from '../catalog/catalog-context.ts';
import { getUserProfile } from './get-me.ts';

/**
 * Stores the language the signed-in person reads the app in, with a `user.locale_changed` event;
 * the same language again writes nothing. An API key has no person to remember it for (403
 * `USER_REQUIRED`). A station (PIN) session may: operators choose their language at the tablet.
 */
export async function setMyLocale(context: CatalogContext, locale: Locale): Promise<Me> {
  const { db, actor } = context;
  const userId = actor.userId;
  if (userId === null) throw new HttpProblem(403, 'USER_REQUIRED', 'An API key has no language to remember.');
  await runCommand(context, async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { username: true, locale: true } });
    if (!user)
      throw new HttpProblem(401, 'AUTHENTICATION_REQUIRED', 'The signed-in user no longer exists; sign in again.');
    if (user.locale === locale) return { result: null, events: [] };
    await tx.user.update({ where: { id: userId }, data: { locale } });
    return {
      result: null,
      events: [
        { type: 'user.locale_changed', actor: actorRef(actor), data: { id: userId, code: user.username, locale } },
      ],
    };
  });
  return getUserProfile(db, userId, actor.station);
}
