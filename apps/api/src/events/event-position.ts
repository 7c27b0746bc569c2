import { POSITION_PATTERN } from '@atelier/contracts';

/**
 * A place in the outbox's delivery order, `(tx_id, seq)`: events are delivered by writing
 * transaction, then by seq. A reader's position means "every event at or before it is delivered";
 * `{ txId: X, seq: 0 }` means "every event of transactions older than X" (seqs start at 1).
 */
export interface EventPosition {
  readonly txId: bigint;
  readonly seq: bigint;
}

/** Before every event. */
export const START: EventPosition = { txId: 0n, seq: 0n };

/** Negative, zero or positive as `a` is before, at or after `b`. */
export function comparePositions(a: EventPosition, b: EventPosition): number {
  if (a.txId !== b.txId) return a.txId < b.txId ? -1 : 1;
  if (a.seq !== b.seq) return a.seq < b.seq ? -1 : 1;
  return 0;
}

/** The later of two positions. */
export function laterPosition(a: EventPosition, b: EventPosition): EventPosition {
  return comparePositions(a, b) >= 0 ? a : b;
}

/** A position as clients see it: `"<txId>:<seq>"`, e.g. `"7421:352"` (stable; parse it with {@link parsePosition}). */
export function formatPosition(position: EventPosition): string {
  return `${position.txId}:${position.seq}`;
}

/** The position a client sent back, or undefined when the text is not one {@link formatPosition} writes. */
export function parsePosition(text: string): EventPosition | undefined {
  if (!POSITION_PATTERN.test(text)) return undefined;
  const [txId = '', seq = ''] = text.split(':');
  return { txId: BigInt(txId), seq: BigInt(seq) };
}
