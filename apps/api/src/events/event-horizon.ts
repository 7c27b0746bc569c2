import type { SqlRunner } from '../db/database.ts';
import type { EventPosition } from './event-position.ts';

/**
 * The position just before the first event a reader starting now has not seen: every
 * transaction older than the oldest one still running has ended, so "live from now" starts here.
 */
export async function eventHorizon(db: SqlRunner): Promise<EventPosition> {
  const [row] = await db.query<{ horizon: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
  return { txId: BigInt(row?.horizon ?? '0'), seq: 0n };
}

/**
 * The position of the event with this seq (a client's `since`), or undefined when no committed
 * event has it. Seq 0 is the start of the outbox.
 */
export async function positionOfSeq(db: SqlRunner, seq: number): Promise<EventPosition | undefined> {
  if (seq === 0) return { txId: 0n, seq: 0n };
  const [row] = await db.query<{ tx_id: string }>('SELECT tx_id::text AS tx_id FROM events WHERE seq = $1', [seq]);
  return row ? { txId: BigInt(row.tx_id), seq: BigInt(seq) } : undefined;
}
