import { actorRef, type Actor } from '../auth/actor.ts';
import type { NewEvent } from '../events/run-command.ts';
import type { CatalogItem } from './catalog-resource.ts';

/**
 * The outbox row of a master-data change: `<entity>.<verb>` with the item as it now is and the
 * names of the fields the request changed. Items never carry secrets, so neither do events.
 */
export function catalogEvent(
  actor: Actor,
  entity: string,
  verb: string,
  item: CatalogItem,
  code: string,
  changed: readonly string[],
): NewEvent {
  return {
    type: `${entity}.${verb}`,
    actor: actorRef(actor),
    data: { id: item.id, code, changed: [...changed], item },
  };
}
