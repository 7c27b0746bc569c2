import type { Page } from '@atelier/contracts';
import { getJson } from '../../../api/http-client.ts';
import type { QueryParams } from '../../../api/http-client.ts';

/** The API's largest page: admin lists are short, so they are read whole and searched here. */
const PAGE_LIMIT = 200;

/** Every item of a cursor-paged list, page after page (a factory has dozens, not thousands). */
export async function fetchAllPages<T>(path: string, params: QueryParams, signal?: AbortSignal): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await getJson<Page<T>>(path, { ...params, limit: PAGE_LIMIT, cursor }, signal);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}
