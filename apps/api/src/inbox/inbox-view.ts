import type { InboxItemView } from '@atelier/contracts';

/** The columns of an inbox item as the API shows it, alias `i` (with its work item `w`, token `t`, work center `wc`). */
export const INBOX_VIEW_SQL = `
  SELECT i.id, i.kind, i.status::text AS status, i.payload, i.node_key AS "nodeKey",
         COALESCE(i.mo_id, i.atelier_job_id) AS "orderId", i.token_id AS "tokenId", t.serial,
         i.work_item_id AS "workItemId", w.state::text AS "workItemState", wc.code AS "workCenter",
         i.user_id AS "userId", i.resolved_by_id AS "resolvedById", i.comment, i.created_at AS "createdAt",
         i.resolved_at AS "resolvedAt"
    FROM inbox_items i
    LEFT JOIN work_items w ON w.id = i.work_item_id
    LEFT JOIN tokens t ON t.id = i.token_id
    LEFT JOIN work_centers wc ON wc.id = w.work_center_id`;

/** A row of {@link INBOX_VIEW_SQL}. */
export type InboxRow = Omit<InboxItemView, 'createdAt' | 'resolvedAt'> & { createdAt: Date; resolvedAt: Date | null };

/** An inbox row as the API shows it. */
export function toInboxView(row: InboxRow): InboxItemView {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    resolvedAt: row.resolvedAt === null ? null : new Date(row.resolvedAt).toISOString(),
  };
}
