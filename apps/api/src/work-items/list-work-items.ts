import { z } from 'zod';
import { namedStatement } from '../db/compose-statement.ts';
import type { Database } from '../db/database.ts';
import { HttpProblem } from '../plugins/http-problem.ts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { WorkItemListQuery, WorkItemView } from '@atelier/contracts';
import { toView, VIEW_SELECT, type ViewRow } from './work-item-view.ts';
import { availableToSql, placeConditions, QUEUE_ORDER, type AddParam } from './work-item-sql.ts';

const cursorKeySchema = z.tuple([z.number().int(), z.iso.datetime({ offset: true }), z.uuid()]);

/** The sort key (priority, created at, id) a cursor carries; 400 `INVALID_CURSOR` when it is not one of ours. */
function cursorKey(cursor: string): [number, string, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(decodeCursor(cursor));
  } catch {
    parsed = undefined;
  }
  const key = cursorKeySchema.safeParse(parsed);
  if (!key.success)
    throw new HttpProblem(400, 'INVALID_CURSOR', 'The cursor is not one this API issued; start again without it.');
  return key.data;
}

/**
 * Work items matching the filters, highest priority first, then oldest (the order a queue works
 * them in), a page at a time. `assignee=me` / `available=me` need a signed-in user (403 `USER_REQUIRED`).
 */
export async function listWorkItems(
  db: Database,
  userId: string | null,
  query: WorkItemListQuery,
): Promise<{ items: WorkItemView[]; nextCursor: string | null }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const param: AddParam = (value, cast) => `$${params.push(value)}::${cast}`;
  const me = (): string => {
    if (userId === null)
      throw new HttpProblem(403, 'USER_REQUIRED', '`me` filters need a signed-in person, not an API key.');
    return param(userId, 'uuid');
  };
  if (query.state !== undefined) where.push(`w.state = ${param(query.state, 'work_item_state')}`);
  where.push(...placeConditions(query, param));
  if (query.assignee === 'me') {
    where.push(
      `EXISTS (SELECT 1 FROM work_item_operators o WHERE o.work_item_id = w.id AND o.user_id = ${me()} AND o.left_at IS NULL)`,
    );
  }
  if (query.available === 'me') where.push(availableToSql(me()));
  if (query.cursor !== undefined) {
    const [priority, createdAt, id] = cursorKey(query.cursor);
    const p = param(priority, 'int');
    where.push(
      `(w.priority < ${p} OR (w.priority = ${p} AND (w.created_at, w.id) > (${param(createdAt, 'timestamptz')}, ${param(id, 'uuid')})))`,
    );
  }
  const statement = namedStatement(
    'list-work-items',
    `${VIEW_SELECT} ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}
     ORDER BY ${QUEUE_ORDER} LIMIT ${param(query.limit + 1, 'int')}`,
  );
  // Prepared once per connection, as a queue is read again and again (planning cost more than running it).
  const rows = await db.query<ViewRow>(statement.text, params, { name: statement.name });
  return toPage(
    rows,
    query.limit,
    (row) => JSON.stringify([row.priority, row.createdAt.toISOString(), row.id]),
    toView,
  );
}
