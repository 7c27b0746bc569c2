import type { Effects, Token } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import type { NewEvent } from '../events/new-event.ts';
import type { IdempotencyKeyRef } from '../plugins/idempotency-key.ts';
import type { LoadedPiece } from './piece-store.ts';
import {
  rowChanges,
  writeRowChanges,
  type NewPiecePlacement,
  type PersistOutcome,
  type RowChangeBasis,
  type StoredWorkItem,
} from './row-changes.ts';

export type { NewPiecePlacement, PersistOutcome } from './row-changes.ts';

/** What {@link persistEffects} needs beyond the effects themselves. */
export interface PersistContext {
  /** Who did it, as recorded on the events (a user's or API key's display name, or a system name). */
  readonly actor: string | null;
  /** The step's clock (the `now` given to the domain). */
  readonly now: Date;
  /** The pieces the step was computed from: the write is guarded by their `pieceVersion`. */
  readonly pieces: readonly LoadedPiece[];
  /**
   * Order and version of a new root token (a released piece or a replacement). Components made at
   * a split inherit their parent's. Required when the step creates pieces.
   */
  readonly placeNewPiece?: (token: Token) => NewPiecePlacement;
  /** Events of the command to record before the step's own (e.g. `order.released`). */
  readonly eventsBefore?: readonly NewEvent[];
  /** The request's Idempotency-Key (from the command context), marked committed with the step. */
  readonly idempotencyKey?: IdempotencyKeyRef | null;
}

/** Order and version of every token the effects mention: loaded ones, then new ones in insertion order. */
function placeTokens(effects: Effects, context: PersistContext): Map<string, NewPiecePlacement> {
  const placements = new Map<string, NewPiecePlacement>();
  for (const loaded of context.pieces) {
    for (const token of loaded.piece.tokens) placements.set(token.id, { order: loaded.order, version: loaded });
  }
  for (const token of effects.tokens.insert) {
    const parent = token.parentId === null ? undefined : placements.get(token.parentId);
    if (parent !== undefined) {
      placements.set(token.id, parent);
      continue;
    }
    if (context.placeNewPiece === undefined)
      throw new Error(`New token ${token.id} has no placement: pass placeNewPiece`);
    placements.set(token.id, context.placeNewPiece(token));
  }
  return placements;
}

/** The row-change basis of a step computed from whole pieces: guarded by their `pieceVersion`. */
function pieceBasis(effects: Effects, context: PersistContext): RowChangeBasis {
  const placements = placeTokens(effects, context);
  const before = new Map<string, StoredWorkItem>();
  for (const loaded of context.pieces) {
    for (const item of loaded.piece.workItems)
      before.set(item.id, { item, claimDeadline: loaded.claimDeadlines.get(item.id) ?? null });
  }
  return {
    actor: context.actor,
    now: context.now,
    pieceGuards: context.pieces.map((loaded) => ({ root: loaded.rootTokenId, version: loaded.pieceVersion })),
    itemGuards: [],
    placementOf: (tokenId) => {
      const placement = placements.get(tokenId);
      if (placement === undefined) throw new Error(`Token ${tokenId} is not part of the persisted step`);
      return placement;
    },
    before,
    eventsBefore: context.eventsBefore ?? [],
    idempotencyKey: context.idempotencyKey ?? null,
  };
}

/**
 * Writes a domain step's `Effects` computed from whole pieces with the one row-change builder
 * (`row-changes.ts`), guarded by the `pieceVersion` of `context.pieces`: when one changed since it
 * was read, nothing is written. Closing finished orders is `settleOrders`, after the commit
 * (`write-step.ts`).
 */
export async function persistEffects(
  db: SqlRunner,
  effects: Effects,
  context: PersistContext,
): Promise<PersistOutcome> {
  return writeRowChanges(db, rowChanges(effects, pieceBasis(effects, context)), context.now);
}
