import type { RoutingGraph } from '../graph/graph-schema.ts';
import { applyWorkItemCommand } from '../state/apply-work-item-command.ts';
import { tokenMachine } from '../state/token-machine.ts';
import { isOpenWorkItemState } from '../state/work-item-transitions.ts';
import type { CancellationType, Token } from '../state/types.ts';
import { ChangeSet } from '../routing/change-set.ts';
import { placeAtStart } from '../routing/release-piece.ts';
import type { Effects, PieceSnapshot, StepContext } from '../routing/types.ts';

/** One piece that may be cancelled: its snapshot and the graph versions a replacement may use. */
export interface CancellablePiece extends PieceSnapshot {
  /** The published version the piece runs on: a `QC_FAIL` replacement starts again on it. */
  graph: RoutingGraph;
  /** The newer published version: required for `REDESIGN`, whose replacement starts on it. */
  redesignGraph?: RoutingGraph;
}

/** A single or bulk cancellation request. */
export interface CancelTokensInput extends StepContext {
  /** Any token of each piece to cancel (root or child); several tokens of one piece count once. */
  tokenIds: readonly string[];
  type: CancellationType;
  reason: string;
  /** Every piece a token id belongs to. */
  pieces: readonly CancellablePiece[];
}

/**
 * Why a cancellation was refused; the whole request is refused, nothing is cancelled.
 * `NO_TOKENS`, `REASON_REQUIRED` → 400; `TOKEN_NOT_FOUND` → 404; `TOKEN_NOT_CANCELLABLE` (the piece
 * is already completed or cancelled) and `NEW_VERSION_REQUIRED` (REDESIGN without a newer version) → 409.
 */
export type CancelRefusalCode =
  'NO_TOKENS' | 'REASON_REQUIRED' | 'TOKEN_NOT_FOUND' | 'TOKEN_NOT_CANCELLABLE' | 'NEW_VERSION_REQUIRED';

/** Result of a cancellation: all effects, or the first refusal and the token it concerns. */
export type CancelTokensResult =
  { ok: true; effects: Effects } | { ok: false; code: CancelRefusalCode; tokenId?: string };

interface Target {
  piece: CancellablePiece;
  root: Token;
}

/** `MO-1-007` → `MO-1-007-R1`; `MO-1-007-R1` → `MO-1-007-R2`: replacements stay readable. */
export function replacementSerial(serial: string): string {
  const match = /^(.*)-R(\d+)$/.exec(serial);
  return match ? `${match[1]}-R${Number(match[2]) + 1}` : `${serial}-R1`;
}

function rootOf(piece: CancellablePiece, token: Token): Token {
  let current = token;
  for (let parentId = current.parentId; parentId !== null; parentId = current.parentId) {
    const parent = piece.tokens.find((t) => t.id === parentId);
    if (parent === undefined) break;
    current = parent;
  }
  return current;
}

/** Finds each requested piece once, or the first reason to refuse the whole request. */
function resolveTargets(input: CancelTokensInput): Target[] | { code: CancelRefusalCode; tokenId?: string } {
  if (input.tokenIds.length === 0) return { code: 'NO_TOKENS' };
  if (input.reason.trim() === '') return { code: 'REASON_REQUIRED' };
  const targets = new Map<string, Target>();
  for (const tokenId of input.tokenIds) {
    const piece = input.pieces.find((p) => p.tokens.some((t) => t.id === tokenId));
    const token = piece?.tokens.find((t) => t.id === tokenId);
    if (piece === undefined || token === undefined) return { code: 'TOKEN_NOT_FOUND', tokenId };
    const root = rootOf(piece, token);
    if (root.state === 'completed' || root.state === 'cancelled') return { code: 'TOKEN_NOT_CANCELLABLE', tokenId };
    if (input.type === 'REDESIGN' && piece.redesignGraph === undefined)
      return { code: 'NEW_VERSION_REQUIRED', tokenId };
    targets.set(root.id, { piece, root });
  }
  return [...targets.values()];
}

function cancelPiece(changes: ChangeSet, { piece, root }: Target, input: CancelTokensInput): void {
  const { now, newId, type, reason } = input;
  // Completed children (branches already merged) keep their history; everything still open stops.
  for (const token of piece.tokens) {
    const decision = tokenMachine.apply(token, { type: 'cancel', cancellation: type, reason, now });
    if (!decision.ok) continue;
    changes.updateToken(decision.next);
    changes.emit(decision.events);
    for (const item of piece.workItems) {
      if (item.tokenId !== token.id || !isOpenWorkItemState(item.state)) continue;
      const cancelled = applyWorkItemCommand(item, { type: 'cancel', reason: `${type}: ${reason}`, now });
      if (!cancelled.ok) continue;
      changes.updateWorkItem(cancelled.next);
      changes.emit(cancelled.events);
    }
  }
  if (type === 'PERMANENT') {
    changes.changeOrderQuantity({ orderId: root.orderId, targetQuantityDelta: -1 });
    return;
  }
  const graph = type === 'REDESIGN' ? piece.redesignGraph : piece.graph;
  if (graph === undefined) throw new Error('REDESIGN target checked in resolveTargets');
  const replacementId = newId();
  changes.emit([
    {
      type: 'token.replaced',
      at: now,
      tokenId: root.id,
      nodeKey: root.nodeKey,
      data: { replacementId, cancellation: type, graph: graph.code },
    },
  ]);
  placeAtStart(changes, graph, {
    tokenId: replacementId,
    serial: replacementSerial(root.serial),
    orderId: root.orderId,
    attributes: root.attributes,
    replacesId: root.id,
    now,
    newId,
  });
}

/**
 * Cancels pieces, single or bulk, all or nothing (SPEC §2): cancelling any token cancels its whole
 * piece (root and every descendant still open) and the piece's open work items. `QC_FAIL` and
 * `REDESIGN` release a replacement piece at start, linked by `replacesId` (REDESIGN on
 * `redesignGraph`, so the host pins the replacement to that version); only `PERMANENT` lowers the
 * order's target quantity (`effects.orders`). Open inbox items of cancelled tokens are the host's
 * to close.
 */
export function cancelTokens(input: CancelTokensInput): CancelTokensResult {
  const targets = resolveTargets(input);
  if (!Array.isArray(targets)) return { ok: false, ...targets };
  const changes = new ChangeSet(input.pieces);
  for (const target of targets) cancelPiece(changes, target, input);
  return { ok: true, effects: changes.effects() };
}
