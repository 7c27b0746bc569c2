import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { CatalogClient, CatalogItem, CatalogResource } from './catalog-resource.ts';

/** Query of a catalog list: cursor, page size and whether deactivated entries are included. */
export interface CatalogListQuery {
  readonly cursor?: string | undefined;
  readonly limit: number;
  readonly includeInactive: boolean;
}

/** One page of a catalog, in code order (the cursor is the last code shown). */
export async function listCatalogEntries<Item extends CatalogItem>(
  client: CatalogClient,
  resource: CatalogResource<Item, never, never>,
  { cursor, limit, includeInactive }: CatalogListQuery,
): Promise<{ items: Item[]; nextCursor: string | null }> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor);
  const rows = await resource.list(client, { after, take: limit + 1, includeInactive });
  return toPage(
    rows,
    limit,
    (item) => resource.codeOf(item),
    (item) => item,
  );
}
