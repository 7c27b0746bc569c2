import type { RoutingGraph } from '../graph/graph-schema.ts';
import { applyWorkItemCommand } from '../state/apply-work-item-command.ts';
import type { WorkItemCommand } from '../state/work-item-transitions.ts';
import { isOpenWorkItemState } from '../state/work-item-transitions.ts';
import type { DomainEvent, QcOutcome, Token, WorkItem } from '../state/types.ts';
import { applyEffects } from './apply-effects.ts';
import { completeWorkItem } from './complete-work-item.ts';
import { releasePiece } from './release-piece.ts';
import type { ReleasePieceInput } from './release-piece.ts';
import type { Effects, InboxItem, PieceSnapshot } from './types.ts';

/**
 * An in-memory host for one piece: what the API does with the database, done on plain data. Used
 * by tests and the routing benchmark to drive pieces through a graph with operator commands.
 */
export class InMemoryPiece {
  snapshot: PieceSnapshot = { tokens: [], workItems: [] };
  readonly events: DomainEvent[] = [];
  readonly inbox: InboxItem[] = [];

  constructor(
    readonly graph: RoutingGraph,
    release: ReleasePieceInput,
  ) {
    this.persist(releasePiece(graph, release));
  }

  /** Stores a step's effects, as the API's transaction would. */
  persist(effects: Effects): void {
    this.snapshot = applyEffects(this.snapshot, effects);
    this.events.push(...effects.events);
    this.inbox.push(...effects.inbox);
  }

  /** A token of the piece by id; throws when unknown. */
  token(id: string): Token {
    const token = this.snapshot.tokens.find((t) => t.id === id);
    if (token === undefined) throw new Error(`No token ${id}`);
    return token;
  }

  /** Work items still to be done. */
  openItems(): WorkItem[] {
    return this.snapshot.workItems.filter((item) => isOpenWorkItemState(item.state));
  }

  /** The one open work item at `nodeKey`; throws when there is none or several. */
  itemAt(nodeKey: string): WorkItem {
    const items = this.openItems().filter((item) => item.nodeKey === nodeKey);
    if (items.length !== 1 || items[0] === undefined)
      throw new Error(`Expected one open item at ${nodeKey}, found ${items.length}`);
    return items[0];
  }

  /** Applies a non-completing command to a work item; returns the refusal code, if any. */
  command(itemId: string, command: WorkItemCommand): string | undefined {
    const item = this.snapshot.workItems.find((w) => w.id === itemId);
    if (item === undefined) return 'WORK_ITEM_NOT_FOUND';
    const decision = applyWorkItemCommand(item, command);
    if (!decision.ok) return decision.code;
    this.snapshot = {
      ...this.snapshot,
      workItems: this.snapshot.workItems.map((w) => (w.id === itemId ? decision.next : w)),
    };
    this.events.push(...decision.events);
    return undefined;
  }

  /** Completes a started work item and routes; returns the refusal code, if any. */
  complete(itemId: string, operatorId: string, now: Date, newId: () => string, qc?: QcOutcome): string | undefined {
    const result = completeWorkItem(this.graph, this.snapshot, {
      workItemId: itemId,
      operatorId,
      now,
      newId,
      ...(qc && { qc }),
    });
    if (!result.ok) return result.code;
    this.persist(result.effects);
    return undefined;
  }

  /** Claim, start and complete in one go (an operator who works instantly); throws on refusal. */
  work(itemId: string, operatorId: string, now: Date, newId: () => string, qc?: QcOutcome): void {
    const refusal =
      this.command(itemId, { type: 'claim', operatorId, now }) ??
      this.command(itemId, { type: 'start', operatorId, now }) ??
      this.complete(itemId, operatorId, now, newId, qc);
    if (refusal !== undefined) throw new Error(`Work on ${itemId} refused: ${refusal}`);
  }
}
