import type { TokenAttributes } from '../graph/evaluate-condition.ts';
import type { RoutingGraph } from '../graph/graph-schema.ts';
import type { Token } from '../state/types.ts';
import { ChangeSet } from './change-set.ts';
import { routeGraph } from './route-graph.ts';
import type { Effects, StepContext } from './types.ts';
import { settle } from './walk.ts';

/** A new piece to put into production. */
export interface ReleasePieceInput extends StepContext {
  tokenId: string;
  serial: string;
  orderId: string;
  attributes: TokenAttributes;
  /** The root token of the piece this one replaces (cancellation with replacement). */
  replacesId?: string;
}

/**
 * Adds a fresh token at the start node of `graph` to `changes` and routes it to its first work
 * step(s). Shared by release and by replacement after a cancellation.
 */
export function placeAtStart(changes: ChangeSet, graph: RoutingGraph, input: ReleasePieceInput): void {
  const view = routeGraph(graph);
  const token: Token = {
    id: input.tokenId,
    serial: input.serial,
    orderId: input.orderId,
    parentId: null,
    replacesId: input.replacesId ?? null,
    state: 'active',
    nodeKey: view.startKey,
    attributes: input.attributes,
    reworkPasses: {},
  };
  changes.insertToken(token);
  changes.emit([
    {
      type: 'token.released',
      at: input.now,
      tokenId: token.id,
      nodeKey: token.nodeKey,
      data: { serial: token.serial, orderId: token.orderId, replacesId: token.replacesId },
    },
  ]);
  settle({ changes, graph: view, context: { now: input.now, newId: input.newId } }, token.id);
}

/**
 * Releases one piece: a token at start, routed at once to its first work step(s). Returns the
 * effects to persist (the token, its first work items, child tokens if the graph splits first,
 * events) in one transaction.
 */
export function releasePiece(graph: RoutingGraph, input: ReleasePieceInput): Effects {
  const changes = new ChangeSet();
  placeAtStart(changes, graph, input);
  return changes.effects();
}
