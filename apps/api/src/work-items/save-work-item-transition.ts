import type { DomainEvent, Effects, WorkItem } from '@atelier/domain';
import type { SqlRunner } from '../db/database.ts';
import type { IdempotencyKeyRef } from '../plugins/idempotency-key.ts';
import { rowChanges, writeRowChanges, type ItemGuard, type RowChangeBasis } from '../production/row-changes.ts';
import type { LoadedWorkItem } from './load-work-item.ts';

/** How a transition makes sure nobody changed the item since it was read. */
export type TransitionGuard =
  /** The atomic claim: whoever finds the item still `ready` wins. */
  | { readonly kind: 'ready' }
  /** Every other command: the row still has the version the command was computed from. */
  | { readonly kind: 'version' };

/** A work-item command's outcome, computed by the domain from a {@link LoadedWorkItem}. */
export interface WorkItemTransition {
  readonly loaded: LoadedWorkItem;
  readonly next: WorkItem;
  readonly events: readonly DomainEvent[];
  readonly guard: TransitionGuard;
  /** Who acted, for the event rows (`actorRef`). */
  readonly actor: string;
  readonly now: Date;
  /** The request's Idempotency-Key (from the command context), marked committed with the write. */
  readonly idempotencyKey: IdempotencyKeyRef | null;
}

/** What a transition's write left: the row's new version, the claim deadline it holds and whether it started the order. */
export interface SavedTransition {
  readonly version: number;
  readonly claimDeadline: Date | null;
  readonly startedOrder: boolean;
}

function itemGuard(transition: WorkItemTransition): ItemGuard {
  const { loaded, guard } = transition;
  return {
    id: loaded.item.id,
    version: guard.kind === 'version' ? loaded.version : null,
    state: guard.kind === 'ready' ? 'ready' : null,
  };
}

/** A command on one item changes that item only: guarded by the item, not by the rest of its piece. */
function transitionBasis(transition: WorkItemTransition): RowChangeBasis {
  const { loaded } = transition;
  const placement = { order: loaded.order, version: loaded };
  return {
    actor: transition.actor,
    now: transition.now,
    // The root token is locked first (README, Lock order) and its `piece_version` moves on, so a
    // routing step read before this command finds the piece changed and is computed again.
    pieceGuards: [{ root: loaded.rootTokenId, version: null }],
    itemGuards: [itemGuard(transition)],
    placementOf: (tokenId) => {
      if (tokenId !== loaded.item.tokenId) throw new Error(`Token ${tokenId} is not the transition's token`);
      return placement;
    },
    before: new Map([[loaded.item.id, { item: loaded.item, claimDeadline: loaded.claimDeadline }]]),
    eventsBefore: [],
    idempotencyKey: transition.idempotencyKey,
  };
}

/** The domain effects of a work-item command: one item changed, with its events. */
function transitionEffects(transition: WorkItemTransition): Effects {
  return {
    tokens: { insert: [], update: [] },
    workItems: { insert: [], update: [transition.next] },
    events: [...transition.events],
    inbox: [],
    orders: [],
  };
}

/**
 * Writes a work-item command computed by the domain (any command but complete and cancel, which
 * route or cancel the piece through the piece store) with the one row-change builder
 * (`production/row-changes.ts`): the row, its bound operators, time logs, "order in progress"
 * (the domain's `orderStarts`), the idempotency mark and the event rows, in one statement. Null
 * when the guard failed (someone else changed or claimed it first, or its token is no longer
 * active) and nothing was written.
 */
export async function saveWorkItemTransition(
  db: SqlRunner,
  transition: WorkItemTransition,
): Promise<SavedTransition | null> {
  const changes = rowChanges(transitionEffects(transition), transitionBasis(transition));
  const outcome = await writeRowChanges(db, changes, transition.now);
  const version = outcome.written ? outcome.versions.get(transition.next.id) : undefined;
  if (version === undefined) return null;
  return {
    version,
    claimDeadline: changes.itemUpdates[0]?.claimDeadline ?? null,
    startedOrder: changes.started.length > 0,
  };
}
