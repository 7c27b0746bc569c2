import type { OrderKind } from '@atelier/contracts';
import type { Tx } from './piece-store.ts';

const PREFIX: Record<OrderKind, string> = { manufacturingOrder: 'MO', atelierJob: 'AJ' };
const TABLE: Record<OrderKind, string> = { manufacturingOrder: 'manufacturing_orders', atelierJob: 'atelier_jobs' };
/** Transaction-scoped advisory lock keys: one per kind, so two creations never draw the same number. */
const LOCK_KEY: Record<OrderKind, number> = { manufacturingOrder: 4_242_026_101, atelierJob: 4_242_026_102 };

/**
 * The next free code of the year of `now` (`MO-2026-0015` after `MO-2026-0014`), inside the
 * caller's transaction. Concurrent creations wait on an advisory lock until the first commits, so
 * each sees the other's code; a code a client chose is counted too.
 */
export async function nextOrderCode(tx: Tx, kind: OrderKind, now: Date): Promise<string> {
  const prefix = `${PREFIX[kind]}-${now.getUTCFullYear()}-`;
  await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock($1::bigint)`, LOCK_KEY[kind]);
  const [row] = await tx.$queryRawUnsafe<{ last: number | null }[]>(
    `SELECT max(substring(code FROM $2::int)::int) AS last FROM ${TABLE[kind]} WHERE code LIKE $1 || '%' AND substring(code FROM $2::int) ~ '^[0-9]+$'`,
    prefix,
    prefix.length + 1,
  );
  return `${prefix}${String((row?.last ?? 0) + 1).padStart(4, '0')}`;
}
