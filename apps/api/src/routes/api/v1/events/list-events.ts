import type { SqlRunner } from '../../../../db/database.ts';
import { readCommittedEvents } from '../../../../events/read-committed-events.ts';
import type { TopicFilter } from '@atelier/contracts';
import type { OutboxEvent } from '../../../../events/outbox-event.ts';
import { resolveSince } from './resolve-since.ts';

/** A page of events after `since`. */
export interface EventPage {
  items: OutboxEvent[];
  /** The last item's position, or `since` when there is none. */
  nextSince: string;
  more: boolean;
}

/**
 * Catch-up read: up to `limit` committed events after the event `since` (a position or a seq), in delivery order,
 * filtered by topics and without the namespaces hidden from the caller. Events of transactions still in flight wait for the next call, so paging
 * with `nextSince` yields every event exactly once.
 */
export async function listEvents(
  db: SqlRunner,
  query: { since: number | string; limit: number; topics: TopicFilter; hidden: readonly string[] },
): Promise<EventPage> {
  const after = await resolveSince(db, query.since);
  const page = await readCommittedEvents(db, after, { limit: query.limit, topics: query.topics, hidden: query.hidden });
  const items = page.events.map(({ event }) => event);
  return { items, nextSince: items.at(-1)?.position ?? String(query.since), more: page.full };
}
