import { randomUUID } from 'node:crypto';
import type { Database, DatabaseLogger, Unlisten } from '../db/database.ts';
import { coalescedTask } from './coalesced-task.ts';
import { eventHorizon } from './event-horizon.ts';
import { isVisibleType } from './event-visibility.ts';
import { comparePositions, laterPosition, START, type EventPosition } from './event-position.ts';
import type { CommittedEvent, OutboxEvent } from './outbox-event.ts';
import { readCommittedEvents } from './read-committed-events.ts';
import type { EventWaker } from './run-command.ts';
import { matchesTopics, type TopicFilter } from '@atelier/contracts';

/** The NOTIFY channel that tells every replica "new events committed". */
export const EVENTS_CHANNEL = 'atelier_events';

/** How soon to look again when committed events wait behind a running transaction. */
const HELD_BACK_RETRY_MS = 25;

/** Where a subscription's events go, in delivery order. */
export interface EventSink {
  /** Takes one event; must not throw. */
  send(event: OutboxEvent): void;
  /** Resolves when the sink can take more (its buffer drained): catch-up waits on it between pages. */
  drained(): Promise<void>;
  /** Every event up to the live stream has been sent; later ones follow as they commit. */
  caughtUp(): void;
  /** The subscription ended on a read error; the sink should close. */
  failed(error: unknown): void;
}

/** A running subscription. */
export interface Subscription {
  close(): void;
}

/** Options of {@link EventHub.subscribe}. */
export interface SubscribeOptions {
  /** Deliver events after this position (catching up from the table); live events only when omitted. */
  readonly after?: EventPosition;
  readonly topics: TopicFilter;
  /** Event namespaces the subscriber may not see (`event-visibility.ts`). */
  readonly hidden?: readonly string[];
}

/** Timings of the hub. */
export interface EventHubOptions {
  /** Poll this often even without a wake-up, for NOTIFYs lost while LISTEN reconnects (default 2 s). */
  readonly safetyPollMs?: number;
  /** At least this long between two cross-replica NOTIFYs of this process (default 25 ms). */
  readonly notifyGapMs?: number;
  /**
   * At least this long between two polls while commits keep coming (default 25 ms): under load one
   * poll delivers the events of many commands instead of the poller querying back to back. An
   * isolated commit is polled at once.
   */
  readonly pollGapMs?: number;
  /** Events read per query (default 500). */
  readonly pageSize?: number;
  readonly log?: DatabaseLogger;
}

/**
 * Fans committed events out to this process's subscribers: one poller reads new events from the
 * outbox (the source of truth) and hands each to the subscriptions whose topics match.
 */
export interface EventHub extends EventWaker {
  /**
   * A command committed events: poll now, and tell the other replicas with one coalesced NOTIFY
   * (sent outside any command transaction).
   */
  wake(): void;
  subscribe(sink: EventSink, options: SubscribeOptions): Subscription;
  /** Reads the current position, listens for NOTIFY and starts the safety poll. */
  start(): Promise<void>;
  /** Stops polling and listening; open subscriptions receive nothing more. */
  stop(): Promise<void>;
  /** Resolves once the wake-ups requested so far have been handled (tests, shutdown). */
  settled(): Promise<void>;
  /** Open subscriptions, live or catching up. */
  subscriberCount(): number;
}

interface Subscriber {
  readonly sink: EventSink;
  readonly topics: TopicFilter;
  readonly hidden: readonly string[];
  /** Every matching event up to here has been sent. */
  position: EventPosition;
  live: boolean;
  closed: boolean;
}

/** Creates the hub of one process on its database. */
export function createEventHub(db: Database, options: EventHubOptions = {}): EventHub {
  const pageSize = options.pageSize ?? 500;
  const hubId = randomUUID();
  const subscribers = new Set<Subscriber>();
  let position: EventPosition | undefined;
  let unlisten: Unlisten | undefined;
  let safetyTimer: NodeJS.Timeout | undefined;
  let running = false;

  const warn = (what: string) => (error: unknown) =>
    options.log?.warn(`${what}: ${error instanceof Error ? error.message : String(error)}`);

  // Nobody in this process subscribes: polls read nothing, and the position stays where it was.
  let idle = false;
  let resuming: Promise<void> | undefined;
  /** After an idle spell, moves the position to now (nobody here needs what committed meanwhile). */
  function resumeFromIdle(): Promise<void> {
    resuming ??= eventHorizon(db)
      .then((horizon) => {
        position = position && laterPosition(position, horizon);
        idle = false;
      })
      .finally(() => (resuming = undefined));
    return resuming;
  }

  let retryTimer: NodeJS.Timeout | undefined;
  const poll = coalescedTask(
    async () => {
      if (!running || !position) return;
      // Reading and parsing every event for no one costs the API process as much as a tenth of a
      // command (pnpm bench:api, where no one watches): skip it; a subscriber arriving resumes.
      if (subscribers.size === 0) {
        idle = true;
        return;
      }
      if (idle) await resumeFromIdle();
      let page;
      do {
        page = await readCommittedEvents(db, position, { limit: pageSize });
        position = laterPosition(position, page.frontier);
        for (const subscriber of subscribers) if (subscriber.live) deliver(subscriber, page.events, position);
      } while (page.full && running);
      // Events behind a running transaction become readable when it ends, which nothing announces
      // when it is not a command of ours: look again shortly rather than at the next safety poll.
      if (page.heldBack && running && retryTimer === undefined) {
        retryTimer = setTimeout(() => {
          retryTimer = undefined;
          poll.request();
        }, HELD_BACK_RETRY_MS);
        retryTimer.unref();
      }
    },
    warn('Event poll failed; retrying on the next wake-up'),
    options.pollGapMs ?? 25,
  );

  // The payload names the sender so a hub ignores its own wake-ups (it has already polled).
  const notify = coalescedTask(
    async () => {
      if (running) await db.query('SELECT pg_notify($1, $2)', [EVENTS_CHANNEL, hubId]);
    },
    warn('Event NOTIFY failed; other replicas catch up on their safety poll'),
    options.notifyGapMs ?? 25,
  );

  function deliver(subscriber: Subscriber, events: readonly CommittedEvent[], upTo: EventPosition): void {
    for (const { position: at, event } of events) {
      if (subscriber.closed) return;
      if (
        comparePositions(at, subscriber.position) > 0 &&
        matchesTopics(subscriber.topics, event) &&
        isVisibleType(subscriber.hidden, event.type)
      ) {
        subscriber.sink.send(event);
      }
    }
    subscriber.position = laterPosition(subscriber.position, upTo);
  }

  /**
   * Sends a subscriber the events between its position and the hub's from the table, page by
   * page (waiting for the sink to drain after each), then makes it live. The switch happens only when its
   * position has reached the hub's, with no await in between, so the poller's next page continues
   * exactly where catch-up stopped.
   */
  async function catchUp(subscriber: Subscriber, livePosition: boolean): Promise<void> {
    if (idle) {
      await resumeFromIdle();
      // "Live from now" is the position now, not where the hub stopped reading.
      if (livePosition && position) subscriber.position = laterPosition(subscriber.position, position);
    }
    while (!subscriber.closed) {
      if (position && comparePositions(subscriber.position, position) >= 0) {
        subscriber.live = true;
        subscriber.sink.caughtUp();
        return;
      }
      const page = await readCommittedEvents(db, subscriber.position, {
        limit: pageSize,
        topics: subscriber.topics,
        hidden: subscriber.hidden,
      });
      for (const { event } of page.events) if (!subscriber.closed) subscriber.sink.send(event);
      subscriber.position = laterPosition(subscriber.position, page.frontier);
      // Pace by the sink's buffer, so a long catch-up never piles up in memory.
      if (page.events.length > 0) await subscriber.sink.drained();
    }
  }

  return {
    wake() {
      if (!running) return;
      poll.request();
      notify.request();
    },
    subscribe(sink, subscribeOptions) {
      if (!running) throw new Error('The event hub is not running: subscribe after the app is ready.');
      const subscriber: Subscriber = {
        sink,
        topics: subscribeOptions.topics,
        hidden: subscribeOptions.hidden ?? [],
        position: subscribeOptions.after ?? position ?? START,
        live: false,
        closed: false,
      };
      subscribers.add(subscriber);
      catchUp(subscriber, subscribeOptions.after === undefined).catch((error: unknown) => {
        subscribers.delete(subscriber);
        if (!subscriber.closed) sink.failed(error);
      });
      return {
        close() {
          subscriber.closed = true;
          subscribers.delete(subscriber);
        },
      };
    },
    async start() {
      position = await eventHorizon(db);
      running = true;
      unlisten = await db.listen(
        EVENTS_CHANNEL,
        (sender) => {
          if (sender !== hubId) poll.request();
        },
        // Back from a dropped LISTEN connection: read what other replicas committed meanwhile.
        (listening) => {
          if (listening) poll.request();
        },
      );
      safetyTimer = setInterval(() => poll.request(), options.safetyPollMs ?? 2_000);
      safetyTimer.unref();
    },
    async stop() {
      running = false;
      clearInterval(safetyTimer);
      clearTimeout(retryTimer);
      await unlisten?.();
      await Promise.all([poll.idle(), notify.idle()]);
      for (const subscriber of subscribers) subscriber.closed = true;
      subscribers.clear();
    },
    async settled() {
      await Promise.all([poll.idle(), notify.idle()]);
    },
    subscriberCount: () => subscribers.size,
  };
}
