import { runCommand } from '../events/run-command.ts';
import type { CatalogContext } from './catalog-context.ts';
import { catalogEvent } from './catalog-event.ts';
import type { CatalogItem, CatalogResource } from './catalog-resource.ts';

/** Creates a catalog item and its `<entity>.created` event in one transaction. */
export async function createCatalogEntry<Item extends CatalogItem, Create extends object>(
  context: CatalogContext,
  resource: CatalogResource<Item, Create, never>,
  input: Create,
): Promise<Item> {
  const { actor } = context;
  return runCommand(context, async (tx) => {
    const item = await resource.create(tx, input);
    return {
      result: item,
      events: [catalogEvent(actor, resource.entity, 'created', item, resource.codeOf(item), Object.keys(input))],
    };
  });
}
