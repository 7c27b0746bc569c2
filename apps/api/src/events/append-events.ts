import { jsonRecords } from '../db/json-records.ts';
import type { SqlRunner } from '../db/database.ts';
import type { NewEvent } from './new-event.ts';

/**
 * The ONE `INSERT INTO events` of every command (`runCommand`, and the row-change builder's single
 * statement for work-item commands, claim-next and routing steps): the rows of the JSON array
 * `rows` (SQL, e.g. `$1::jsonb`), each as {@link eventRow} makes it, in their order `n` (their
 * `seq` follows it). A row may name its work center by id or by code (`work_center`, resolved
 * here). `where` adds conditions on `e` (a statement's guard). Hand-written: in a Prisma
 * interactive transaction `createMany` measured about 5× slower than this (181 vs 996 commands/s,
 * 8 writers on PostgreSQL), and every command pays it.
 */
export const insertEventsSql = (rows: string, where: readonly string[] = []): string => `
    INSERT INTO events (type, at, actor, order_id, token_id, work_item_id, node_key, work_center_id, operator_id, data)
    SELECT e.type, COALESCE(e.at, now()), e.actor, e.order_id, e.token_id, e.work_item_id, e.node_key, COALESCE(e.work_center_id, wc.id),
           e.operator_id, e.data
      FROM ${jsonRecords(
        rows,
        'e',
        `n int, type text, at timestamptz, actor text, order_id uuid, token_id uuid, work_item_id uuid, node_key text,
           work_center text, work_center_id uuid, operator_id uuid, if_started uuid, data jsonb`,
      )}
      LEFT JOIN work_centers wc ON wc.code = e.work_center${
        where.length === 0
          ? ''
          : `
     WHERE ${where.join(' AND ')}`
      }
     ORDER BY e.n`;

const INSERT_EVENTS = insertEventsSql('$1::jsonb');

/**
 * Inserts event rows inside the caller's transaction, in list order (their `seq` follows that
 * order). The rows become visible to readers only when the transaction commits.
 */
export async function appendEvents(tx: SqlRunner, events: readonly NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.query(INSERT_EVENTS, [JSON.stringify(events.map(eventRow))], { name: 'append-events' });
}

/** An event as a JSON row for a statement that inserts events (`n`: its place in the list). */
export function eventRow(event: NewEvent, n: number) {
  return {
    n,
    type: event.type,
    at: event.at?.toISOString() ?? null,
    actor: event.actor ?? null,
    order_id: event.orderId ?? null,
    token_id: event.tokenId ?? null,
    work_item_id: event.workItemId ?? null,
    node_key: event.nodeKey ?? null,
    work_center_id: event.workCenterId ?? null,
    operator_id: event.operatorId ?? null,
    data: event.data,
  };
}
