import type { SqlRunner } from '../db/database.ts';
import { START, type EventPosition } from './event-position.ts';

/**
 * SQL for the delivery horizon as one column `horizon` (xid8): the oldest transaction of THIS
 * database still running in the statement's snapshot, or the next transaction id when none is.
 * Every event of an older transaction is committed or rolled back, and every transaction that has
 * not written yet will get a larger id, so nothing can appear below the horizon later.
 *
 * Transaction ids are server-wide, so the snapshot's own xmin would also wait for transactions of
 * other databases on the same server (other apps, test databases being migrated). Those cannot
 * write our events and are left out when `pg_stat_activity` shows them in another database; a
 * transaction it cannot place (ended meanwhile, or hidden from us) is kept: waiting is safe.
 * `NOT IN` reads `pg_stat_activity` once per statement (a hashed subplan), not once per running
 * transaction: the event poll runs it continuously under load.
 */
export const HORIZON_SQL = `
  SELECT COALESCE(
    (SELECT min(x) FROM pg_snapshot_xip(snap.s) AS x
      WHERE x::xid NOT IN (SELECT a.backend_xid FROM pg_stat_activity a
                            WHERE a.backend_xid IS NOT NULL AND a.datname IS DISTINCT FROM current_database())),
    pg_snapshot_xmax(snap.s)) AS horizon
  FROM (SELECT pg_current_snapshot() AS s) snap`;

/**
 * The position just before the first event a reader starting now has not seen: "live from now"
 * starts here.
 */
export async function eventHorizon(db: SqlRunner): Promise<EventPosition> {
  const [row] = await db.query<{ horizon: string }>(`SELECT horizon::text AS horizon FROM (${HORIZON_SQL}) h`);
  return { txId: BigInt(row?.horizon ?? '0'), seq: 0n };
}

/**
 * The position of the committed event with this seq (a client's `since=SEQ`) or, given a whole
 * position (`since=<position>`), that position when a committed event is at it; undefined when
 * none is. Seq 0 is the start of the outbox.
 */
export async function positionOfEvent(
  db: SqlRunner,
  at: { readonly seq: bigint; readonly txId?: bigint },
): Promise<EventPosition | undefined> {
  if (at.seq === 0n && at.txId === undefined) return START;
  const [row] = await db.query<{ tx_id: string }>(
    'SELECT tx_id::text AS tx_id FROM events WHERE seq = $1 AND ($2::xid8 IS NULL OR tx_id = $2::xid8)',
    [at.seq.toString(), at.txId?.toString() ?? null],
  );
  return row ? { txId: BigInt(row.tx_id), seq: at.seq } : undefined;
}
