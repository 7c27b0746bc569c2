import type { SqlRunner } from '../../../../db/database.ts';
import { positionOfSeq } from '../../../../events/event-horizon.ts';
import type { EventPosition } from '../../../../events/event-position.ts';
import { HttpProblem } from '../../../../plugins/http-problem.ts';

/**
 * Where to resume for a client's `since`: right after that event in delivery order. The seq must
 * be one the client received (or 0): an arbitrary number does not tell which transactions it has
 * seen, so it is refused with 400 `UNKNOWN_SINCE` rather than risking a skipped event.
 */
export async function resolveSince(db: SqlRunner, since: number): Promise<EventPosition> {
  const position = await positionOfSeq(db, since);
  if (!position) {
    throw new HttpProblem(400, 'UNKNOWN_SINCE', `No event has seq ${since}: pass the seq of the last event you received, or 0 to start from the first.`);
  }
  return position;
}
