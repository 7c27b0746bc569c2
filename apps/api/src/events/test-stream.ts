import type { WebSocket } from 'ws';
import type { Database } from '../db/database.ts';
import type { NewEvent } from './new-event.ts';
import type { OutboxEvent } from './outbox-event.ts';
import { runCommand, type EventWaker } from './run-command.ts';

/** A received stream message, as tests read it. */
export type ReceivedMessage =
  { type: 'event'; event: OutboxEvent } | { type: 'caught-up' | 'pong' } | { type: 'error'; message: string };

/** Records what a WebSocket client receives and lets a test wait for it. */
export interface StreamRecorder {
  readonly messages: ReceivedMessage[];
  /** The events received so far, in order. */
  events(): OutboxEvent[];
  /** Resolves once `done(messages)` holds; rejects after `timeoutMs` (default 5 s) naming what arrived. */
  until(done: (messages: readonly ReceivedMessage[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Resolves with the close code once the socket has closed. */
  closed(timeoutMs?: number): Promise<number>;
}

/** Starts recording a client socket's messages (attach it before the server can send). */
export function recordStream(socket: WebSocket): StreamRecorder {
  const messages: ReceivedMessage[] = [];
  let closeCode: number | undefined;
  socket.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString()) as ReceivedMessage));
  socket.on('close', (code: number) => (closeCode = code));
  const waitFor = async (done: () => boolean, timeoutMs: number, what: () => string) => {
    const deadline = Date.now() + timeoutMs;
    while (!done()) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${what()}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  const events = () => messages.flatMap((message) => (message.type === 'event' ? [message.event] : []));
  return {
    messages,
    events,
    until: (done, timeoutMs = 5_000) =>
      waitFor(
        () => done(messages),
        timeoutMs,
        () => `received ${JSON.stringify(messages.map((m) => (m.type === 'event' ? m.event.seq : m.type)))}`,
      ),
    closed: async (timeoutMs = 5_000) => {
      await waitFor(
        () => closeCode !== undefined,
        timeoutMs,
        () => 'the socket is still open',
      );
      return closeCode ?? 0;
    },
  };
}

/** Counts `type: 'event'` messages at least `count`. */
export const eventCount = (count: number) => (messages: readonly ReceivedMessage[]) =>
  messages.filter((message) => message.type === 'event').length >= count;

/** Commits events through `runCommand` in one transaction, as a command would. */
export async function commitEvents(db: Database, hub: EventWaker, events: readonly NewEvent[]): Promise<void> {
  await runCommand({ db, hub, idempotencyKey: null }, async () => ({ result: undefined, events }));
}

/** `count` events of one type, numbered in `data.n` from `from`. */
export function numberedEvents(type: string, count: number, from = 0, extra: Partial<NewEvent> = {}): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({ ...extra, type, data: { n: from + index } }));
}
