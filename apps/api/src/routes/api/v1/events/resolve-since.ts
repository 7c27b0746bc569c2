import type { SqlRunner } from '../../../../db/database.ts';
import { positionOfEvent } from '../../../../events/event-horizon.ts';
import { parsePosition, type EventPosition } from '../../../../events/event-position.ts';
import { HttpProblem } from '../../../../plugins/http-problem.ts';

/**
 * Where to resume for a client's `since`: right after that event in delivery order. `since` is
 * the `position` of an event the client received or its `seq` (or 0, the start): an arbitrary
 * value does not tell which transactions it has seen, so one that names no committed event is
 * refused with 400 `UNKNOWN_SINCE` rather than risking a skipped event.
 */
export async function resolveSince(db: SqlRunner, since: number | string): Promise<EventPosition> {
  const at = typeof since === 'number' ? { seq: BigInt(since) } : parsePosition(since);
  const position = at && (await positionOfEvent(db, at));
  if (!position) {
    throw new HttpProblem(
      400,
      'UNKNOWN_SINCE',
      `No event is at ${JSON.stringify(since)}: pass the position (or seq) of the last event you received, or 0 to start from the first.`,
    );
  }
  return position;
}
