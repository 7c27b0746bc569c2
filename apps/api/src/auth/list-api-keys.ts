import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { ApiKeyView } from '@atelier/contracts';
import { apiKeySelect, toApiKeyView } from './api-key-view.ts';

/** API keys, newest first (revoked ones too, marked), a page at a time. */
export async function listApiKeys(
  db: Database,
  query: { cursor?: string; limit: number },
): Promise<{ items: ApiKeyView[]; nextCursor: string | null }> {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  if (after !== undefined && !z.uuid().safeParse(after).success) {
    throw new HttpProblem(400, 'INVALID_CURSOR', 'The cursor is not one this API issued; start again without it.');
  }
  // The cursor is the last key's id; ids are random, so order by (created_at, id) and page after that pair.
  const last =
    after === undefined
      ? null
      : await db.prisma.apiKey.findUnique({ where: { id: after }, select: { id: true, createdAt: true } });
  const rows = await db.prisma.apiKey.findMany({
    where: last
      ? { OR: [{ createdAt: { lt: last.createdAt } }, { createdAt: last.createdAt, id: { lt: last.id } }] }
      : {},
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
    select: apiKeySelect,
  });
  return toPage(rows, query.limit, (row) => row.id, toApiKeyView);
}
