import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlRunner } from '../db/database.ts';

/** The `Idempotency-Key` row a request holds while its command runs. */
export interface IdempotencyKeyRef {
  readonly scope: string;
  readonly key: string;
}

interface Holder {
  key: IdempotencyKeyRef | null;
}

const storage = new AsyncLocalStorage<Holder>();

/**
 * Runs the rest of a request (its later hooks and handler) in a scope where {@link holdIdempotencyKey}
 * and {@link heldIdempotencyKey} meet. The idempotency plugin enters it only for POSTs that carry
 * a key, so requests without one pay nothing for it.
 */
export function withIdempotencyScope(run: () => void): void {
  storage.run({ key: null }, run);
}

/** Records the key row this request now owns (the idempotency plugin, after inserting it). */
export function holdIdempotencyKey(key: IdempotencyKeyRef): void {
  const holder = storage.getStore();
  if (holder !== undefined) holder.key = key;
}

/**
 * The key row of the request being served, or null: a command's write marks it committed in its
 * own transaction (`markKeyCommitted`, or a part of the hot paths' single statements), so that a
 * retry after a lost response never runs the command again.
 */
export function heldIdempotencyKey(): IdempotencyKeyRef | null {
  return storage.getStore()?.key ?? null;
}

/** The write that marks a key committed, from SQL expressions for the time, scope and key (a statement's parameters). */
export const keyCommittedSql = (at: string, scope: string, key: string): string =>
  `UPDATE idempotency_keys SET committed_at = ${at} WHERE scope = ${scope} AND key = ${key}`;

/** Marks the request's key committed; call it inside the command's transaction. */
export async function markKeyCommitted(tx: SqlRunner, key: IdempotencyKeyRef): Promise<void> {
  await tx.query(keyCommittedSql('now()', '$1', '$2'), [key.scope, key.key]);
}
