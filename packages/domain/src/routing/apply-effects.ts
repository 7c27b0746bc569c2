import type { PieceSnapshot, Effects } from './types.ts';

function upsert<T extends { id: string }>(records: readonly T[], inserted: readonly T[], updated: readonly T[]): T[] {
  const byId = new Map(records.map((record) => [record.id, record]));
  for (const record of [...inserted, ...updated]) byId.set(record.id, record);
  return [...byId.values()];
}

/**
 * The piece as it is after `effects` were persisted: what the database holds after the API's
 * transaction. Lets in-memory hosts (tests, benchmarks, an optimistic UI) chain domain steps.
 */
export function applyEffects(piece: PieceSnapshot, effects: Effects): PieceSnapshot {
  return {
    tokens: upsert(piece.tokens, effects.tokens.insert, effects.tokens.update),
    workItems: upsert(piece.workItems, effects.workItems.insert, effects.workItems.update),
  };
}
