import type { GraphEdge } from '../graph/graph-schema.ts';
import type { Token, WorkItem } from '../state/types.ts';
import type { InboxKind } from './types.ts';
import { edgeKey } from './route-graph.ts';
import { applyToToken, moveAlong } from './walk.ts';
import type { Walk } from './walk.ts';

/**
 * Routes a token after its QC work item completed:
 * - `pass` follows the pass edge;
 * - `rework` follows the chosen rework edge (`reworkTo`, else the first) while its passes are below
 *   `maxPasses`; past the limit it is treated as a fail;
 * - `fail` follows the non-rework fail edge; when there is none the token waits and the manager
 *   gets an inbox item (scrap with a QC_FAIL cancellation, or another decision).
 */
export function routeQcOutcome(walk: Walk, token: Token, item: WorkItem): void {
  const outcome = item.qc;
  if (outcome === null) throw new Error(`QC work item ${item.id} completed without an outcome`);
  const edges = walk.graph.outgoing(item.nodeKey).map(({ edge }) => edge);
  const byKind = (kind: GraphEdge['kind']) => edges.filter((edge) => edge.kind === kind);

  if (outcome.result === 'pass') {
    const pass = byKind('pass')[0];
    if (pass === undefined) throw new Error(`QC node "${item.nodeKey}" has no pass edge`);
    return moveAlong(walk, token.id, pass);
  }
  if (outcome.result === 'rework') {
    const reworks = byKind('rework');
    const rework = reworks.find((edge) => edge.to === outcome.reworkTo) ?? reworks[0];
    if (rework !== undefined && (token.reworkPasses[edgeKey(rework)] ?? 0) < (rework.maxPasses ?? 0)) {
      return moveAlong(walk, token.id, rework);
    }
    if (rework !== undefined)
      return failOrHold(walk, token, item, 'REWORK_LIMIT', {
        edgeKey: edgeKey(rework),
        maxPasses: rework.maxPasses ?? 0,
      });
  }
  return failOrHold(walk, token, item, 'QC_FAILED', {});
}

function failOrHold(walk: Walk, token: Token, item: WorkItem, kind: InboxKind, data: Record<string, unknown>): void {
  const fail = walk.graph.outgoing(item.nodeKey).find(({ edge }) => edge.kind === 'fail');
  if (fail !== undefined) return moveAlong(walk, token.id, fail.edge);
  const { now, newId } = walk.context;
  applyToToken(walk, token.id, { type: 'hold', reason: kind, now });
  walk.changes.addInboxItem({
    id: newId(),
    kind,
    tokenId: token.id,
    workItemId: item.id,
    nodeKey: item.nodeKey,
    createdAt: now,
    data: { ...data, reasonCodes: item.qc?.reasonCodes ?? [] },
  });
}
