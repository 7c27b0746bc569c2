import type { EdgeKind, GraphIndex } from '@atelier/domain';

/** Why a connection cannot be drawn. */
export type ConnectionRefusal = 'unknown-node' | 'self-loop' | 'duplicate' | 'from-end' | 'into-start' | 'cycle';

/** The answer for a connection being drawn: the kinds it may take (first = default), or why not. */
export type ConnectionCheck = { ok: true; kinds: readonly EdgeKind[] } | { ok: false; reason: ConnectionRefusal };

const KINDS_BY_SOURCE: Partial<Record<string, readonly EdgeKind[]>> = {
  qc: ['pass', 'fail', 'rework'],
  decision: ['condition', 'default'],
};

/**
 * Asks the domain's graph index whether `from → to` may be drawn: no self loop, no second edge between
 * the same two nodes, nothing out of an end or into the start, and no loop unless it is a rework edge
 * from a QC step (a loop through forward edges would never end). The kinds come from the source type:
 * a QC offers pass / fail / rework (minus a second pass), a decision condition / default (minus a second
 * default), everything else a normal edge.
 */
export function checkConnection(index: GraphIndex, from: string, to: string): ConnectionCheck {
  const source = index.nodeByKey.get(from);
  const target = index.nodeByKey.get(to);
  if (!source || !target) return { ok: false, reason: 'unknown-node' };
  if (from === to) return { ok: false, reason: 'self-loop' };
  const outgoing = index.outgoing(from);
  if (outgoing.some(({ edge }) => edge.to === to)) return { ok: false, reason: 'duplicate' };
  if (source.type === 'end') return { ok: false, reason: 'from-end' };
  if (target.type === 'start') return { ok: false, reason: 'into-start' };
  if (index.isUpstream(to, from))
    return source.type === 'qc' ? { ok: true, kinds: ['rework'] } : { ok: false, reason: 'cycle' };
  const taken = new Set(outgoing.map(({ edge }) => edge.kind));
  const offered = KINDS_BY_SOURCE[source.type] ?? ['normal'];
  const kinds = offered.filter((kind) => !(kind === 'pass' || kind === 'default') || !taken.has(kind));
  return { ok: true, kinds: kinds.length > 0 ? kinds : offered };
}
