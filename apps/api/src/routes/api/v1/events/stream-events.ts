import type { WebSocket } from 'ws';
import type { EventHub } from '../../../../events/event-hub.ts';
import type { EventPosition } from '../../../../events/event-position.ts';
import type { OutboxEvent } from '../../../../events/outbox-event.ts';
import type { TopicFilter } from '@atelier/contracts';

/** Limits of one WebSocket event stream. */
export interface StreamLimits {
  /** Ping this often; a peer that has not answered the previous ping by then is dropped. */
  readonly heartbeatMs: number;
  /** A live client whose unsent data exceeds this is dropped (close 4008) instead of buffering more. */
  readonly maxBufferedBytes: number;
}

/** Defaults: ping every 30 s, drop a live client 1 MiB behind. */
export const DEFAULT_STREAM_LIMITS: StreamLimits = { heartbeatMs: 30_000, maxBufferedBytes: 1024 * 1024 };

/** Close codes the stream uses, besides the standard ones (1001 server closing, 1009 message too big). */
export const CLOSE_CODES = {
  /** The client did not read fast enough; reconnect with `since` = the position of the last event it received. */
  slowConsumer: 4008,
  /** Reading the outbox failed; reconnect with `since` later. */
  readFailed: 1011,
} as const;

/** What the server sends: JSON text frames. */
export type StreamMessage =
  { type: 'event'; event: OutboxEvent } | { type: 'caught-up' } | { type: 'pong' } | { type: 'error'; message: string };

const OPEN = 1;

/**
 * The hub hands the same event object to every subscriber, so its frame is serialised once and
 * reused for all of them (fan-out to many clients is otherwise mostly JSON.stringify).
 */
const frames = new WeakMap<OutboxEvent, string>();

function eventFrame(event: OutboxEvent): string {
  let frame = frames.get(event);
  if (frame === undefined) {
    frame = JSON.stringify({ type: 'event', event } satisfies StreamMessage);
    frames.set(event, frame);
  }
  return frame;
}
/** How long a dropped client gets to receive its close frame before the socket is destroyed. */
const CLOSE_GRACE_MS = 1_000;
const DRAIN_CHECK_MS = 10;

/**
 * Serves one WebSocket subscriber: first the events after `after` from the table (paced by the
 * socket's send buffer), then a `caught-up` message, then each event as it commits. Message and
 * close handlers are attached before anything is awaited (messages that arrive earlier would be
 * lost). A client may send `{"type":"ping"}` (answered with `pong`); the server also pings at the
 * protocol level and drops peers that stop answering.
 */
export function streamEvents(
  socket: WebSocket,
  hub: EventHub,
  from: { after: EventPosition | undefined; topics: TopicFilter; hidden: readonly string[] },
  limits: StreamLimits,
): void {
  let answered = true;
  let live = false;

  const send = (message: StreamMessage) => {
    if (socket.readyState === OPEN) socket.send(JSON.stringify(message));
  };
  const drop = (code: number, reason: string) => {
    if (socket.readyState !== OPEN) return;
    socket.close(code, reason);
    setTimeout(() => socket.terminate(), CLOSE_GRACE_MS).unref();
  };

  socket.on('message', (data, isBinary) => {
    if (!isBinary && isPing(data.toString())) send({ type: 'pong' });
    else
      send({
        type: 'error',
        message: 'The only message a client may send is {"type":"ping"}; the stream is set by the URL query.',
      });
  });
  socket.on('pong', () => (answered = true));
  const heartbeat = setInterval(() => {
    if (!answered) {
      socket.terminate();
      return;
    }
    answered = false;
    socket.ping();
  }, limits.heartbeatMs);
  heartbeat.unref();

  const subscription = hub.subscribe(
    {
      send(event) {
        if (socket.readyState === OPEN) socket.send(eventFrame(event));
        if (live && socket.bufferedAmount > limits.maxBufferedBytes) {
          drop(CLOSE_CODES.slowConsumer, 'SLOW_CONSUMER: reconnect with since = the last position you received');
        }
      },
      async drained() {
        while (socket.readyState === OPEN && socket.bufferedAmount > limits.maxBufferedBytes / 4) {
          await new Promise((resolve) => setTimeout(resolve, DRAIN_CHECK_MS));
        }
      },
      caughtUp() {
        live = true;
        send({ type: 'caught-up' });
      },
      failed() {
        drop(CLOSE_CODES.readFailed, 'READ_FAILED: reconnect with since = the last position you received');
      },
    },
    { after: from.after, topics: from.topics, hidden: from.hidden },
  );

  socket.on('close', () => {
    clearInterval(heartbeat);
    subscription.close();
  });
}

function isPing(text: string): boolean {
  try {
    const message: unknown = JSON.parse(text);
    return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'ping';
  } catch {
    return false;
  }
}
