import { runCommand } from '../events/run-command.ts';
import type { CatalogContext } from './catalog-context.ts';
import { catalogEvent } from './catalog-event.ts';
import type { CatalogItem, CatalogResource } from './catalog-resource.ts';
import { getCatalogEntry } from './get-catalog-entry.ts';

/** Changes the given fields of a catalog item and writes its `<entity>.updated` event in one transaction. */
export async function updateCatalogEntry<Item extends CatalogItem, Update extends object>(
  context: CatalogContext,
  resource: CatalogResource<Item, never, Update>,
  idOrCode: string,
  input: Update,
): Promise<Item> {
  const { actor, sessionTokenHash } = context;
  return runCommand(context, async (tx) => {
    const current = await getCatalogEntry(tx, resource, idOrCode);
    resource.assertMutable?.(current);
    const item = await resource.update(tx, current, input, { actor, sessionTokenHash });
    return {
      result: item,
      events: [catalogEvent(actor, resource.entity, 'updated', item, resource.codeOf(item), Object.keys(input))],
    };
  });
}
