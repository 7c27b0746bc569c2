import { HttpProblem } from '../plugins/http-problem.ts';
import type { CatalogClient, CatalogItem, CatalogResource } from './catalog-resource.ts';

/** One catalog item by UUID or code; 404 with the resource's not-found code when there is none. */
export async function getCatalogEntry<Item extends CatalogItem>(
  client: CatalogClient,
  resource: CatalogResource<Item, never, never>,
  idOrCode: string,
): Promise<Item> {
  const item = await resource.find(client, idOrCode);
  if (item === null)
    throw new HttpProblem(404, resource.notFoundCode, `No ${resource.noun} has the id or code "${idOrCode}".`);
  return item;
}
