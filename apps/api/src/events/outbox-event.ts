import type { EventPosition } from './event-position.ts';

/** An event as subscribers receive it (GET /events and the WebSocket). */
export interface OutboxEvent {
  /**
   * Where a client resumes after this event (`since=`): its place in delivery order, which is
   * commit order and not always `seq` order (`formatPosition`).
   */
  readonly position: string;
  readonly seq: number;
  readonly type: string;
  /** ISO 8601 UTC. */
  readonly at: string;
  readonly actor: string | null;
  readonly orderId: string | null;
  readonly tokenId: string | null;
  readonly workItemId: string | null;
  readonly nodeKey: string | null;
  readonly workCenterId: string | null;
  readonly operatorId: string | null;
  readonly data: Record<string, unknown>;
}

/** A committed event with its place in delivery order. */
export interface CommittedEvent {
  readonly position: EventPosition;
  readonly event: OutboxEvent;
}
