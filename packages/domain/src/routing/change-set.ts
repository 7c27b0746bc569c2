import type { DomainEvent, Token, WorkItem } from '../state/types.ts';
import type { Effects, InboxItem, OrderQuantityChange, PieceSnapshot } from './types.ts';

/**
 * A working copy of one or more pieces during a domain step. Records are replaced, never mutated,
 * so the snapshot given by the caller stays untouched; `effects()` lists what changed.
 */
export class ChangeSet {
  private readonly tokens = new Map<string, Token>();
  private readonly workItems = new Map<string, WorkItem>();
  private readonly insertedTokens = new Set<string>();
  private readonly touchedTokens = new Set<string>();
  private readonly insertedItems = new Set<string>();
  private readonly touchedItems = new Set<string>();
  private readonly events: DomainEvent[] = [];
  private readonly inbox: InboxItem[] = [];
  private readonly orders = new Map<string, number>();

  constructor(pieces: readonly PieceSnapshot[] = []) {
    for (const piece of pieces) {
      for (const token of piece.tokens) this.tokens.set(token.id, token);
      for (const item of piece.workItems) this.workItems.set(item.id, item);
    }
  }

  /** The current version of a token; throws when unknown, which means the caller's snapshot is incomplete. */
  token(id: string): Token {
    const token = this.tokens.get(id);
    if (token === undefined) throw new Error(`Token ${id} is not part of the piece snapshot`);
    return token;
  }

  /** The current version of a token, if the snapshot has it. */
  findToken(id: string): Token | undefined {
    return this.tokens.get(id);
  }

  /** The current version of a work item, if the snapshot has it. */
  findWorkItem(id: string): WorkItem | undefined {
    return this.workItems.get(id);
  }

  /** Current child tokens of `parentId`. */
  childrenOf(parentId: string): Token[] {
    return [...this.tokens.values()].filter((token) => token.parentId === parentId);
  }

  /** Current work items of `tokenId`. */
  workItemsOf(tokenId: string): WorkItem[] {
    return [...this.workItems.values()].filter((item) => item.tokenId === tokenId);
  }

  /** Adds a new token (listed under `insert`, in its final state). */
  insertToken(token: Token): void {
    this.tokens.set(token.id, token);
    this.insertedTokens.add(token.id);
  }

  /** Replaces a token with its next version. */
  updateToken(token: Token): void {
    this.tokens.set(token.id, token);
    if (!this.insertedTokens.has(token.id)) this.touchedTokens.add(token.id);
  }

  /** Adds a new work item (listed under `insert`, in its final state). */
  insertWorkItem(item: WorkItem): void {
    this.workItems.set(item.id, item);
    this.insertedItems.add(item.id);
  }

  /** Replaces a work item with its next version. */
  updateWorkItem(item: WorkItem): void {
    this.workItems.set(item.id, item);
    if (!this.insertedItems.has(item.id)) this.touchedItems.add(item.id);
  }

  /** Appends events in causal order. */
  emit(events: readonly DomainEvent[]): void {
    this.events.push(...events);
  }

  /** Queues an item for the manager inbox. */
  addInboxItem(item: InboxItem): void {
    this.inbox.push(item);
  }

  /** Accumulates target-quantity changes per order. */
  changeOrderQuantity(change: OrderQuantityChange): void {
    this.orders.set(change.orderId, (this.orders.get(change.orderId) ?? 0) + change.targetQuantityDelta);
  }

  /** What changed, in the order it first changed. */
  effects(): Effects {
    const pick = <T>(ids: Set<string>, map: Map<string, T>): T[] => [...ids].map((id) => map.get(id) as T);
    return {
      tokens: { insert: pick(this.insertedTokens, this.tokens), update: pick(this.touchedTokens, this.tokens) },
      workItems: { insert: pick(this.insertedItems, this.workItems), update: pick(this.touchedItems, this.workItems) },
      events: [...this.events],
      inbox: [...this.inbox],
      orders: [...this.orders].map(([orderId, targetQuantityDelta]) => ({ orderId, targetQuantityDelta })),
    };
  }
}
