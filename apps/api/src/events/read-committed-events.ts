import type { SqlRunner } from '../db/database.ts';
import type { EventPosition } from './event-position.ts';
import { formatPosition, laterPosition } from './event-position.ts';
import { HORIZON_SQL } from './event-horizon.ts';
import type { CommittedEvent } from './outbox-event.ts';
import { ALL_TOPICS, isAllTopics, type TopicFilter } from '@atelier/contracts';

/** One page of committed events after a position. */
export interface EventPage {
  readonly events: readonly CommittedEvent[];
  /**
   * Where the next read starts: the last event of a full page, or else the horizon (everything
   * of transactions older than any still running has been read, matching or not).
   */
  readonly frontier: EventPosition;
  /** The page hit the limit: more events may follow at once. */
  readonly full: boolean;
  /**
   * Committed events wait behind a transaction still running (ours or anyone's in this database,
   * e.g. an autovacuum ANALYZE): they become readable when it ends, and nothing announces that.
   */
  readonly heldBack: boolean;
}

/** Options of {@link readCommittedEvents}. */
export interface ReadOptions {
  readonly limit: number;
  readonly topics?: TopicFilter;
  /** Event namespaces the reader may not see (`event-visibility.ts`). */
  readonly hidden?: readonly string[];
}

interface Row {
  horizon: string;
  held_back: boolean;
  tx_id: string | null;
  seq: number | null;
  type: string;
  at: Date;
  actor: string | null;
  order_id: string | null;
  token_id: string | null;
  work_item_id: string | null;
  node_key: string | null;
  work_center_id: string | null;
  operator_id: string | null;
  data: Record<string, unknown>;
}

/**
 * Reads up to `limit` events after `after`, in `(tx_id, seq)` order, only from transactions older
 * than every transaction of this database still in flight (the horizon, see `HORIZON_SQL`). `seq`
 * comes from a sequence at insert time, so a later seq can commit first; a transaction below the
 * horizon, though, has ended, and every transaction that has not yet written gets a larger id. So
 * nothing can appear later before the returned frontier: each event is read once, none is
 * skipped. The horizon comes from the same statement's snapshot as the rows (index
 * `events_tx_id_seq_idx`).
 */
export async function readCommittedEvents(
  db: SqlRunner,
  after: EventPosition,
  options: ReadOptions,
): Promise<EventPage> {
  const topics = options.topics ?? ALL_TOPICS;
  const params: unknown[] = [after.txId.toString(), after.seq.toString(), options.limit];
  const filters = `${topicCondition(topics, params)}${hiddenCondition(options.hidden ?? [], params)}`;
  const rows = await db.query<Row>(
    // The horizon is computed once (MATERIALIZED); "held back" reads the newest tx_id off the
    // index (an EXISTS over tx_id >= horizon, planned generically, scanned the whole table).
    `WITH h AS MATERIALIZED (${HORIZON_SQL})
     SELECT h.horizon::text AS horizon, COALESCE((SELECT max(tx_id) FROM events) >= h.horizon, false) AS held_back,
            e.tx_id::text AS tx_id, e.seq, e.type, e.at, e.actor, e.order_id,
            e.token_id, e.work_item_id, e.node_key, e.work_center_id, e.operator_id, e.data
       FROM h
       LEFT JOIN LATERAL (
         SELECT * FROM events
          WHERE (tx_id, seq) > ($1::xid8, $2::bigint) AND tx_id < h.horizon${filters}
          ORDER BY tx_id, seq
          LIMIT $3
       ) e ON true`,
    params,
    // The event hub's poll (no filters) runs all the time under load: prepare it once.
    filters === '' ? { name: 'read-committed-events' } : undefined,
  );
  const events = rows.flatMap((row) =>
    row.tx_id === null || row.seq === null ? [] : [toCommittedEvent(row, row.tx_id, row.seq)],
  );
  const full = events.length >= options.limit;
  const last = events.at(-1);
  const horizon = { txId: BigInt(rows[0]?.horizon ?? '0'), seq: 0n };
  return {
    events,
    frontier: full && last ? last.position : laterPosition(after, horizon),
    full,
    heldBack: rows[0]?.held_back ?? false,
  };
}

/** The SQL condition for a topic filter, pushing its values onto `params`. */
function topicCondition(topics: TopicFilter, params: unknown[]): string {
  if (isAllTopics(topics)) return '';
  const terms: string[] = [];
  const term = (column: string, values: readonly string[], type: string) => {
    if (values.length === 0) return;
    params.push(values);
    terms.push(`${column} = ANY($${params.length}::${type}[])`);
  };
  term('order_id', topics.orderIds, 'uuid');
  term('node_key', topics.nodeKeys, 'text');
  term('work_center_id', topics.workCenterIds, 'uuid');
  term('operator_id', topics.operatorIds, 'uuid');
  return ` AND (${terms.join(' OR ')})`;
}

/** The SQL condition leaving out hidden namespaces, pushing them onto `params`. */
function hiddenCondition(hidden: readonly string[], params: unknown[]): string {
  if (hidden.length === 0) return '';
  params.push(hidden);
  return ` AND split_part(type, '.', 1) <> ALL($${params.length}::text[])`;
}

function toCommittedEvent(row: Row, txId: string, seq: number): CommittedEvent {
  const position = { txId: BigInt(txId), seq: BigInt(seq) };
  return {
    position,
    event: {
      position: formatPosition(position),
      seq,
      type: row.type,
      at: row.at.toISOString(),
      actor: row.actor,
      orderId: row.order_id,
      tokenId: row.token_id,
      workItemId: row.work_item_id,
      nodeKey: row.node_key,
      workCenterId: row.work_center_id,
      operatorId: row.operator_id,
      data: row.data,
    },
  };
}
