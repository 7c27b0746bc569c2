import type { RoutingGraph } from '../graph/graph-schema.ts';
import { ChangeSet } from './change-set.ts';
import type { StepResult } from './complete-work-item.ts';
import { routeGraph } from './route-graph.ts';
import type { PieceSnapshot, StepContext } from './types.ts';
import { applyToToken, moveAlong } from './walk.ts';

/** A manager's decision on a token held at a QC node (rework limit reached, or fail with no fail edge). */
export interface AcceptHeldPieceInput extends StepContext {
  tokenId: string;
}

/** `TOKEN_NOT_FOUND` → 404; `TOKEN_NOT_HELD` (not waiting for a manager at a QC node) → 409. */
export type AcceptHeldPieceRefusal = 'TOKEN_NOT_FOUND' | 'TOKEN_NOT_HELD';

/**
 * The manager accepts a held piece as it is: the token continues along the QC node's pass edge.
 * (The other answer to the inbox item is a `QC_FAIL` cancellation, which scraps and replaces it.)
 */
export function acceptHeldPiece(
  graph: RoutingGraph,
  piece: PieceSnapshot,
  input: AcceptHeldPieceInput,
): StepResult<AcceptHeldPieceRefusal> {
  const changes = new ChangeSet([piece]);
  const token = changes.findToken(input.tokenId);
  if (token === undefined) return { ok: false, code: 'TOKEN_NOT_FOUND' };
  const view = routeGraph(graph);
  const live = changes.childrenOf(token.id).some((child) => child.state === 'active' || child.state === 'waiting');
  if (token.state !== 'waiting' || live || view.node(token.nodeKey).type !== 'qc')
    return { ok: false, code: 'TOKEN_NOT_HELD' };
  const pass = view.outgoing(token.nodeKey).find(({ edge }) => edge.kind === 'pass');
  if (pass === undefined) throw new Error(`QC node "${token.nodeKey}" has no pass edge`);
  const walk = { changes, graph: view, context: { now: input.now, newId: input.newId } };
  applyToToken(walk, token.id, { type: 'resume', now: input.now });
  moveAlong(walk, token.id, pass.edge);
  return { ok: true, effects: changes.effects() };
}
