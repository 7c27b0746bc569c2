import { streamMessageSchema } from '@atelier/contracts';
import type { OutboxEventBody } from '@atelier/contracts';

/** `connecting`: the first connection; `live`: caught up and streaming; `reconnecting`: dropped, trying again. */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

/** The part of a browser `WebSocket` the client uses (tests hand it a fake). */
export interface SocketLike {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

/** What {@link createLiveClient} needs; everything with a clock or randomness is injectable. */
export interface LiveClientOptions {
  /** The stream's URL: `since` is the position of the last event delivered, null for "from now". */
  url: (since: string | null) => string;
  createSocket: (url: string) => SocketLike;
  /** Reconnect back-off: base × 2^attempt, capped, with jitter so tablets do not return in step. */
  backoff?: { baseMs: number; maxMs: number };
  random?: () => number;
  /** An application ping this often; no frame at all within `silenceMs` after it means a dead link. */
  pingEveryMs?: number;
  silenceMs?: number;
  /**
   * The stream resumed without a position (nothing was delivered before a drop, or the position was
   * given up): events of the gap are not replayed, so the screens' caches may be stale.
   */
  onResync?: () => void;
}

/** One WebSocket for the whole app, resumed from the last delivered `position` after every drop. */
export interface LiveClient {
  start(): void;
  /** Closes the socket for good (sign-out). */
  stop(): void;
  /** Every delivered event, in delivery (commit) order. Returns the unsubscribe function. */
  subscribe(listener: (event: OutboxEventBody) => void): () => void;
  onStatus(listener: (status: LiveStatus) => void): () => void;
  status(): LiveStatus;
  /** The `position` of the last delivered event: where a reconnection resumes. */
  position(): string | null;
  /** Reconnects at once instead of waiting out the back-off (the browser says it is online again). */
  reconnectNow(): void;
}

/** After this many attempts in a row that delivered nothing, the position is given up (the server may refuse it). */
const GIVE_UP_POSITION_AFTER = 5;

/**
 * The app's event stream (`/api/v1/events`, see docs/events-feed.md): backlog after `since`, then
 * `caught-up`, then live events. After a drop it reconnects with exponential back-off and the
 * position of the last event delivered, so no event is lost or delivered twice.
 */
export function createLiveClient({
  url,
  createSocket,
  backoff = { baseMs: 500, maxMs: 30_000 },
  random = Math.random,
  pingEveryMs = 25_000,
  silenceMs = 10_000,
  onResync,
}: LiveClientOptions): LiveClient {
  const listeners = new Set<(event: OutboxEventBody) => void>();
  const statusListeners = new Set<(status: LiveStatus) => void>();
  let socket: SocketLike | null = null;
  let status: LiveStatus = 'connecting';
  let position: string | null = null;
  let running = false;
  let connectedBefore = false;
  let attempts = 0;
  let fruitless = 0;
  let heardSinceOpen = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  let silenceTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: LiveStatus) => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const clearTimers = () => {
    clearTimeout(retryTimer);
    clearInterval(pingTimer);
    clearTimeout(silenceTimer);
  };

  const heard = () => {
    heardSinceOpen = true;
    clearTimeout(silenceTimer);
  };

  const handleFrame = (data: unknown) => {
    heard();
    if (typeof data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      return;
    }
    const message = streamMessageSchema.safeParse(parsed);
    if (!message.success) return;
    if (message.data.type === 'event') {
      position = message.data.event.position;
      for (const listener of listeners) listener(message.data.event);
    } else if (message.data.type === 'caught-up') {
      attempts = 0;
      fruitless = 0;
      setStatus('live');
    }
  };

  const scheduleReconnect = () => {
    const cap = Math.min(backoff.maxMs, backoff.baseMs * 2 ** attempts);
    attempts += 1;
    // Half fixed, half random ("equal jitter"): never immediate, never in step with other tablets.
    retryTimer = setTimeout(connect, cap / 2 + random() * (cap / 2));
  };

  function connect() {
    clearTimers();
    if (!running) return;
    const resumeFrom = position;
    const resync = resumeFrom === null && connectedBefore;
    connectedBefore = true;
    heardSinceOpen = false;
    const current = createSocket(url(resumeFrom));
    socket = current;
    current.onopen = () => {
      if (resync) onResync?.();
      pingTimer = setInterval(() => {
        current.send(JSON.stringify({ type: 'ping' }));
        clearTimeout(silenceTimer);
        silenceTimer = setTimeout(() => current.close(4000, 'silent'), silenceMs);
      }, pingEveryMs);
    };
    current.onmessage = (event) => handleFrame(event.data);
    current.onerror = () => undefined;
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      clearTimers();
      if (!running) return;
      if (!heardSinceOpen) fruitless += 1;
      if (fruitless >= GIVE_UP_POSITION_AFTER && position !== null) {
        position = null;
        fruitless = 0;
      }
      setStatus('reconnecting');
      scheduleReconnect();
    };
  }

  return {
    start() {
      if (running) return;
      running = true;
      connect();
    },
    stop() {
      running = false;
      clearTimers();
      const current = socket;
      socket = null;
      current?.close(1000, 'done');
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    status: () => status,
    position: () => position,
    reconnectNow() {
      if (!running || socket !== null) return;
      attempts = 0;
      connect();
    },
  };
}

/** The stream's address on the origin that served the app (`ws:` or `wss:` to match the page). */
export function eventStreamUrl(location: Pick<Location, 'protocol' | 'host'>, since: string | null): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const query = since === null ? '' : `?since=${encodeURIComponent(since)}`;
  return `${scheme}://${location.host}/api/v1/events${query}`;
}
