import type { InboxItemView, InboxListQuery, Page } from '@atelier/contracts';
import { decodeCursor, toPage } from '../db/cursor-page.ts';
import type { SqlRunner } from '../db/database.ts';
import { INBOX_VIEW_SQL, toInboxView, type InboxRow } from './inbox-view.ts';

/**
 * The manager inbox, newest first: filtered by kind, status (default open), work center (code or
 * id) and order; cursor pages.
 */
export async function listInbox(db: SqlRunner, query: InboxListQuery): Promise<Page<InboxItemView>> {
  const params: unknown[] = [];
  const param = (value: unknown, cast: string): string => `$${params.push(value)}::${cast}`;
  const where = [`i.status = ${param(query.status, 'inbox_status')}`];
  if (query.kind !== undefined) where.push(`i.kind = ${param(query.kind, 'text')}`);
  if (query.order !== undefined) where.push(`COALESCE(i.mo_id, i.atelier_job_id) = ${param(query.order, 'uuid')}`);
  if (query.workCenter !== undefined) {
    const center = param(query.workCenter, 'text');
    where.push(`(wc.code = ${center} OR wc.id::text = ${center})`);
  }
  if (query.cursor !== undefined) {
    const [at = '', id = ''] = decodeCursor(query.cursor).split('|');
    where.push(`(i.created_at, i.id) < (${param(at, 'timestamptz')}, ${param(id, 'uuid')})`);
  }
  const rows = await db.query<InboxRow>(
    `${INBOX_VIEW_SQL} WHERE ${where.join(' AND ')} ORDER BY i.created_at DESC, i.id DESC LIMIT ${param(query.limit + 1, 'int')}`,
    params,
  );
  return toPage(rows, query.limit, (row) => `${new Date(row.createdAt).toISOString()}|${row.id}`, toInboxView);
}
