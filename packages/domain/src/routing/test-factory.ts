import type { RoutingGraph } from '../graph/graph-schema.ts';
import { cancelTokens } from '../cancellation/cancel-tokens.ts';
import type { CancellablePiece } from '../cancellation/cancel-tokens.ts';
import { applyWorkItemCommand } from '../state/apply-work-item-command.ts';
import type { WorkItemCommand } from '../state/work-item-transitions.ts';
import { isOpenWorkItemState } from '../state/work-item-transitions.ts';
import type { CancellationType, DomainEvent, QcOutcome, Token, WorkItem } from '../state/types.ts';
import { acceptHeldPiece } from './accept-held-piece.ts';
import { completeWorkItem } from './complete-work-item.ts';
import { releasePiece } from './release-piece.ts';
import type { Effects, InboxItem, PieceSnapshot } from './types.ts';

/**
 * A whole factory floor in memory for property tests: many pieces of one routing, persisted as
 * the API would (every step's effects applied at once), plus the invariants that must hold after
 * every step. Test support only.
 */
export class TestFactory {
  readonly tokens = new Map<string, Token>();
  readonly items = new Map<string, WorkItem>();
  readonly events: DomainEvent[] = [];
  readonly inbox: InboxItem[] = [];
  readonly orderDelta = new Map<string, number>();
  private ids = 0;
  readonly newId = () => `id-${++this.ids}`;

  constructor(readonly graph: RoutingGraph) {}

  /** Stores a step's effects, as the API's transaction would. */
  persist(effects: Effects): void {
    for (const token of [...effects.tokens.insert, ...effects.tokens.update]) this.tokens.set(token.id, token);
    for (const item of [...effects.workItems.insert, ...effects.workItems.update]) this.items.set(item.id, item);
    this.events.push(...effects.events);
    this.inbox.push(...effects.inbox);
    for (const { orderId, targetQuantityDelta } of effects.orders)
      this.orderDelta.set(orderId, (this.orderDelta.get(orderId) ?? 0) + targetQuantityDelta);
  }

  /** Releases one more piece of the routing. */
  release(serial: string, attributes: Record<string, unknown>, now: Date): void {
    this.persist(
      releasePiece(this.graph, { tokenId: this.newId(), serial, orderId: 'mo-1', attributes, now, newId: this.newId }),
    );
  }

  /** Root tokens: one per released piece (replacements included). */
  roots(): Token[] {
    return [...this.tokens.values()].filter((token) => token.parentId === null);
  }

  /** The root token of the piece a token belongs to. */
  rootOf(token: Token): Token {
    let current = token;
    while (current.parentId !== null) current = this.tokens.get(current.parentId) ?? current;
    return current;
  }

  /** The snapshot of one piece, as the API would load it. */
  piece(root: Token): PieceSnapshot {
    const tokens = [...this.tokens.values()].filter((token) => this.rootOf(token).id === root.id);
    const ids = new Set(tokens.map((token) => token.id));
    return { tokens, workItems: [...this.items.values()].filter((item) => ids.has(item.tokenId)) };
  }

  /** Work items still to be done, across all pieces. */
  openItems(): WorkItem[] {
    return [...this.items.values()].filter((item) => isOpenWorkItemState(item.state));
  }

  /** A non-completing command; returns the refusal code, if any. */
  command(item: WorkItem, command: WorkItemCommand): string | undefined {
    const decision = applyWorkItemCommand(item, command);
    if (!decision.ok) return decision.code;
    this.items.set(item.id, decision.next);
    this.events.push(...decision.events);
    return undefined;
  }

  /** Completes a work item and routes; returns the refusal code, if any. */
  complete(item: WorkItem, operatorId: string, now: Date, qc?: QcOutcome): string | undefined {
    const token = this.tokens.get(item.tokenId);
    if (token === undefined) return 'TOKEN_NOT_FOUND';
    const result = completeWorkItem(this.graph, this.piece(this.rootOf(token)), {
      workItemId: item.id,
      operatorId,
      now,
      newId: this.newId,
      ...(qc && { qc }),
    });
    if (!result.ok) return result.code;
    this.persist(result.effects);
    return undefined;
  }

  /** Tokens waiting for a manager decision at a QC node. */
  held(): Token[] {
    return [...this.tokens.values()].filter(
      (token) =>
        token.state === 'waiting' &&
        this.inbox.some((item) => item.tokenId === token.id) &&
        !this.hasLiveChildren(token),
    );
  }

  private hasLiveChildren(token: Token): boolean {
    return [...this.tokens.values()].some(
      (t) => t.parentId === token.id && (t.state === 'active' || t.state === 'waiting'),
    );
  }

  /** The manager accepts a held piece; returns the refusal code, if any. */
  accept(token: Token, now: Date): string | undefined {
    const result = acceptHeldPiece(this.graph, this.piece(this.rootOf(token)), {
      tokenId: token.id,
      now,
      newId: this.newId,
    });
    if (!result.ok) return result.code;
    this.persist(result.effects);
    return undefined;
  }

  /** Cancels pieces (REDESIGN onto the same routing); returns the refusal code, if any. */
  cancel(tokenIds: string[], type: CancellationType, now: Date): string | undefined {
    const pieces: CancellablePiece[] = this.roots().map((root) => ({
      ...this.piece(root),
      graph: this.graph,
      redesignGraph: this.graph,
    }));
    const result = cancelTokens({ tokenIds, type, reason: 'property test', pieces, now, newId: this.newId });
    if (!result.ok) return result.code;
    this.persist(result.effects);
    return undefined;
  }
}
