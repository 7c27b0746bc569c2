import { runCommand } from '../events/run-command.ts';
import type { CatalogContext } from './catalog-context.ts';
import { catalogEvent } from './catalog-event.ts';
import type { CatalogItem, CatalogResource } from './catalog-resource.ts';
import { getCatalogEntry } from './get-catalog-entry.ts';

/**
 * Deactivates (or reactivates) a catalog item: it stays in the database, because work items,
 * routings and history refer to it, but leaves pickers and lists. Asking for the state it already
 * has changes nothing and writes no event.
 */
export async function setCatalogEntryActive<Item extends CatalogItem>(
  context: CatalogContext,
  resource: CatalogResource<Item, never, never>,
  idOrCode: string,
  active: boolean,
): Promise<Item> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const current = await getCatalogEntry(tx, resource, idOrCode);
    resource.assertMutable?.(current);
    if (current.active === active) return { result: current, events: [] };
    const item = await resource.setActive(tx, current, active);
    return {
      result: item,
      events: [
        catalogEvent(actor, resource.entity, active ? 'reactivated' : 'deactivated', item, resource.codeOf(item), [
          'active',
        ]),
      ],
    };
  });
}
