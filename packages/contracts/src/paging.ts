import { z } from 'zod';

/** Query string of every paginated list: an opaque `cursor` from the previous page and a page size. */
export const pageQuerySchema = z.object({
  cursor: z.string().min(1).max(200).optional().describe('`nextCursor` of the previous page; omit for the first page.'),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1-200).'),
});

/** A page of a list: the items and the cursor of the next page (`null` on the last page). */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** A page of a list as {@link pageSchema} describes it, for clients that name the item type. */
export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}
